import { describe, expect, it } from 'vitest';
import {
	NO_PIN_FAILURES,
	baseRoleFor,
	effectiveActor,
	hasElevationLapsed,
	isElevationValid,
	pinDelayMs,
	pinWaitMs,
	withWrongTry,
	type Elevation
} from './supervisor-access';

const at = (time: string) => new Date(`2001-03-07T${time}Z`);

describe('PIN delay (defect: the supervisor PIN can be tried without limit)', () => {
	it('lets two wrong tries pass, then waits 30 s, doubling each time up to 15 minutes', () => {
		expect([0, 1, 2].map(pinDelayMs)).toEqual([0, 0, 0]);
		expect([3, 4, 5, 6].map(pinDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(pinDelayMs(8)).toBe(900_000);
		expect(pinDelayMs(50)).toBe(900_000);
	});

	it('counts the wait from the last wrong try', () => {
		let attempts = NO_PIN_FAILURES;
		attempts = withWrongTry(attempts, at('09:00:00'));
		attempts = withWrongTry(attempts, at('09:00:05'));
		expect(pinWaitMs(attempts, at('09:00:06'))).toBe(0);
		attempts = withWrongTry(attempts, at('09:00:10'));
		expect(attempts).toEqual({ failures: 3, lastFailureAt: '2001-03-07T09:00:10.000Z' });
		expect(pinWaitMs(attempts, at('09:00:10'))).toBe(30_000);
		expect(pinWaitMs(attempts, at('09:00:30'))).toBe(10_000);
		expect(pinWaitMs(attempts, at('09:00:40'))).toBe(0);
		attempts = withWrongTry(attempts, at('09:00:40'));
		expect(pinWaitMs(attempts, at('09:00:40'))).toBe(60_000);
	});

	it('never shortens nor stretches the wait when the clock was set back', () => {
		const attempts = { failures: 3, lastFailureAt: '2001-03-07T10:00:00.000Z' };
		expect(pinWaitMs(attempts, at('09:00:00'))).toBe(30_000);
		expect(pinWaitMs(NO_PIN_FAILURES, at('09:00:00'))).toBe(0);
	});
});

describe('supervisor role lapse (defect: the supervisor role never lapses)', () => {
	it('lapses 10 minutes after the last use, not before', () => {
		expect(hasElevationLapsed('2001-03-07T09:00:00.000Z', at('09:00:00'))).toBe(false);
		expect(hasElevationLapsed('2001-03-07T09:00:00.000Z', at('09:09:59'))).toBe(false);
		expect(hasElevationLapsed('2001-03-07T09:00:00.000Z', at('09:10:00'))).toBe(true);
		expect(hasElevationLapsed('2001-03-07T09:00:00.000Z', at('17:00:00'))).toBe(true);
	});

	it('lapses when the last use lies ahead of now (clock set back) or cannot be read', () => {
		expect(hasElevationLapsed('2001-03-07T09:00:30.000Z', at('09:00:00'))).toBe(false);
		expect(hasElevationLapsed('2001-03-07T09:05:00.000Z', at('09:00:00'))).toBe(true);
		expect(hasElevationLapsed('x', at('09:00:00'))).toBe(true);
	});

	it('holds only in the browser session that took it', () => {
		const elevation: Elevation = {
			browserSession: 'a',
			lastUsedAt: '2001-03-07T09:00:00.000Z',
			baseRole: 'assistant'
		};
		expect(isElevationValid(elevation, 'a', at('09:05:00'))).toBe(true);
		expect(isElevationValid(elevation, 'b', at('09:05:00'))).toBe(false);
		expect(isElevationValid(elevation, 'a', at('09:10:00'))).toBe(false);
		expect(isElevationValid(undefined, 'a', at('09:05:00'))).toBe(false);
	});
});

describe('effectiveActor', () => {
	const supervisor = { code: '301', name: '张伟', role: 'supervisor' } as const;
	const elevation: Elevation = {
		browserSession: 'a',
		lastUsedAt: '2001-03-07T09:00:00.000Z',
		baseRole: 'staff'
	};

	it('keeps the supervisor while the elevation holds, and falls back to the base role after', () => {
		expect(effectiveActor(supervisor, elevation, 'a', at('09:05:00'))).toEqual(supervisor);
		expect(effectiveActor(supervisor, elevation, 'a', at('09:10:00'))?.role).toBe('staff');
		expect(effectiveActor(supervisor, elevation, 'restarted', at('09:01:00'))?.role).toBe('staff');
		expect(effectiveActor(supervisor, undefined, 'a', at('09:01:00'))?.role).toBe('assistant');
	});

	it('leaves other roles alone, and falls back to the role the same person had before', () => {
		const assistant = { ...supervisor, role: 'assistant' } as const;
		expect(effectiveActor(assistant, undefined, 'a', at('09:00:00'))).toEqual(assistant);
		expect(baseRoleFor({ ...supervisor, role: 'staff' }, supervisor)).toBe('staff');
		expect(baseRoleFor({ code: '101', name: '李娜', role: 'staff' }, supervisor)).toBe('assistant');
		expect(baseRoleFor(undefined, supervisor)).toBe('assistant');
	});
});
