import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import {
	clearPinFailures,
	getCurrentUser,
	getElevation,
	reservePinTry,
	setCurrentUser,
	touchElevation
} from './users';

beforeEach(async () => {
	await db.delete();
	await db.open();
});

afterEach(() => db.close());

const at = (time: string) => new Date(`2001-03-07T${time}Z`);

describe('reservePinTry', () => {
	it('counts each try before the check and keeps the wait in the database', async () => {
		for (const time of ['09:00:00', '09:00:01', '09:00:02']) {
			expect((await reservePinTry(at(time))).ok).toBe(true);
		}
		// A reload reads the same row: the wait is still there.
		db.close();
		await db.open();
		expect(await reservePinTry(at('09:00:12'))).toEqual({ ok: false, waitMs: 20_000 });
		expect((await reservePinTry(at('09:00:32'))).ok).toBe(true);
		expect(await reservePinTry(at('09:00:33'))).toEqual({ ok: false, waitMs: 59_000 });
		await clearPinFailures();
		expect((await reservePinTry(at('09:00:34'))).ok).toBe(true);
	});
});

describe('the supervisor elevation', () => {
	const supervisor = { code: '301', name: '张伟', role: 'supervisor' } as const;
	const elevation = {
		browserSession: 'a',
		lastUsedAt: '2001-03-07T09:00:00.000Z',
		baseRole: 'assistant'
	} as const;

	it('is stored with the role, dropped by any other role, and touched only while it holds', async () => {
		await setCurrentUser(supervisor, elevation);
		await touchElevation('a', at('09:05:00'));
		expect((await getElevation())?.lastUsedAt).toBe('2001-03-07T09:05:00.000Z');
		await touchElevation('other browser session', at('09:06:00'));
		await touchElevation('a', at('09:15:00'));
		expect((await getElevation())?.lastUsedAt).toBe('2001-03-07T09:05:00.000Z');
		await setCurrentUser({ ...supervisor, role: 'staff' });
		expect(await getElevation()).toBeUndefined();
		expect((await getCurrentUser())?.role).toBe('staff');
	});
});
