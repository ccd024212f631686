import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NavigationEvent } from '@sveltejs/kit';
import { handleError } from './hooks.client';

const event = {} as NavigationEvent;

afterEach(() => {
	vi.restoreAllMocks();
});

describe('the client error hook', () => {
	it('logs a fault and passes its message to the error page', () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const error = new Error('Failed to fetch dynamically imported module');
		expect(handleError({ error, event, status: 500, message: 'Internal Error' })).toEqual({
			message: 'Failed to fetch dynamically imported module'
		});
		expect(logged).toHaveBeenCalledWith(error);
	});

	it('logs nothing for a path that is no page (404)', () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const error = new Error('Not found: /nonexistent');
		expect(handleError({ error, event, status: 404, message: 'Not Found' })).toEqual({
			message: 'Not found: /nonexistent'
		});
		expect(logged).not.toHaveBeenCalled();
	});
});
