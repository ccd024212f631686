import { describe, expect, it } from 'vitest';
import { BACKUP_INTERVAL_DAYS, backupState, shouldRemind } from './backup';

const now = new Date('2026-05-20T09:00:00+08:00');
const daysBefore = (days: number, hours = 0) =>
	new Date(now.getTime() - (days * 24 + hours) * 3600_000).toISOString();

describe('backupState', () => {
	it('is never without an export, or with a time that does not parse', () => {
		expect(backupState(undefined, now)).toEqual({ kind: 'never', days: null });
		expect(backupState('', now)).toEqual({ kind: 'never', days: null });
		expect(backupState('not a date', now)).toEqual({ kind: 'never', days: null });
	});

	it('is recent on the day of the export and until the interval has passed', () => {
		expect(backupState(now.toISOString(), now)).toEqual({ kind: 'recent', days: 0 });
		expect(backupState(daysBefore(1), now)).toEqual({ kind: 'recent', days: 1 });
		expect(backupState(daysBefore(6, 23), now)).toEqual({ kind: 'recent', days: 6 });
	});

	it(`is due once ${BACKUP_INTERVAL_DAYS} whole days have passed`, () => {
		expect(backupState(daysBefore(7), now)).toEqual({ kind: 'due', days: 7 });
		expect(backupState(daysBefore(8), now)).toEqual({ kind: 'due', days: 8 });
		expect(backupState(daysBefore(400), now)).toEqual({ kind: 'due', days: 400 });
	});

	it('counts an export in the future (a clock set back) as today', () => {
		expect(backupState(daysBefore(-3), now)).toEqual({ kind: 'recent', days: 0 });
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
