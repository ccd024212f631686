import { describe, expect, it } from 'vitest';
import { BACKUP_INTERVAL_DAYS, backupState, shouldRemind } from './backup';

/** A moment in local time, as the user's clock shows it: 2026/05/20 09:00 minus some days. */
const now = new Date(2026, 4, 20, 9, 0);
const at = (daysBefore: number, hour: number, minute = 0) =>
	new Date(2026, 4, 20 - daysBefore, hour, minute).toISOString();

describe('backupState', () => {
	it('is never without an export, or with a time that does not parse', () => {
		expect(backupState(undefined, now)).toEqual({ kind: 'never', days: null });
		expect(backupState('', now)).toEqual({ kind: 'never', days: null });
		expect(backupState('not a date', now)).toEqual({ kind: 'never', days: null });
	});

	it('counts calendar days: earlier today is 0, late yesterday is 1', () => {
		expect(backupState(at(0, 0, 30), now)).toEqual({ kind: 'recent', days: 0 });
		expect(backupState(now.toISOString(), now)).toEqual({ kind: 'recent', days: 0 });
		expect(backupState(at(1, 23, 59), now)).toEqual({ kind: 'recent', days: 1 });
		expect(backupState(at(6, 0, 1), now)).toEqual({ kind: 'recent', days: 6 });
	});

	it(`is due from the ${BACKUP_INTERVAL_DAYS}th day after the export`, () => {
		expect(backupState(at(7, 23, 59), now)).toEqual({ kind: 'due', days: 7 });
		expect(backupState(at(8, 9), now)).toEqual({ kind: 'due', days: 8 });
		expect(backupState(at(400, 12), now)).toEqual({ kind: 'due', days: 400 });
	});

	it('counts an export in the future (a clock set back) as today', () => {
		expect(backupState(at(-3, 9), now)).toEqual({ kind: 'recent', days: 0 });
	});
});

describe('shouldRemind', () => {
	it('reminds when due, and when never exported only if there is data worth keeping', () => {
		expect(shouldRemind({ kind: 'due', days: 8 }, false)).toBe(true);
		expect(shouldRemind({ kind: 'never', days: null }, true)).toBe(true);
		expect(shouldRemind({ kind: 'never', days: null }, false)).toBe(false);
		expect(shouldRemind({ kind: 'recent', days: 2 }, true)).toBe(false);
	});
});
