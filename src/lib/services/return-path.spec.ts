import { describe, expect, it } from 'vitest';
import { returnPath, setupHref } from './return-path';

describe('the way back after first-run set-up', () => {
	it('remembers the page a first visit asked for, with its query', () => {
		expect(setupHref('/reports', '')).toBe('/setup?next=%2Freports');
		expect(setupHref('/notifications', '?urgent=1&sort=number')).toBe(
			'/setup?next=%2Fnotifications%3Furgent%3D1%26sort%3Dnumber'
		);
		expect(setupHref('/', '')).toBe('/setup');
	});

	it('goes back to that page of this app', () => {
		expect(returnPath('/reports')).toBe('/reports');
		expect(returnPath('/notifications?urgent=1&sort=number')).toBe(
			'/notifications?urgent=1&sort=number'
		);
		expect(returnPath('/notifications/4002-01-000001')).toBe('/notifications/4002-01-000001');
	});

	it('goes to the start page for nothing, another site, or set-up itself', () => {
		for (const next of [
			null,
			'',
			'reports',
			'https://example.com/',
			'//example.com/x',
			'/\\example.com',
			'/setup',
			'/setup?next=%2Freports',
			'javascript:alert(1)'
		]) {
			expect(returnPath(next), String(next)).toBe('/');
		}
	});
});
