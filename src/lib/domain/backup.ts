/** Days after the last export at which a backup is due again. */
export const BACKUP_INTERVAL_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the backup habit stands: never exported, exported recently, or a backup is due. */
export type BackupState = { kind: 'never'; days: null } | { kind: 'recent' | 'due'; days: number };

/** Midnight (local time) of the day of a moment. */
function startOfDay(time: number): number {
	const day = new Date(time);
	day.setHours(0, 0, 0, 0);
	return day.getTime();
}

/**
 * The backup state at `now`, from the time of the last export (an ISO string, or undefined when
 * none was made). `days` counts calendar days (local time) since that export, so "today" and
 * "yesterday" read as people mean them; it is due after `BACKUP_INTERVAL_DAYS`. An unreadable
 * time counts as never; one in the future (a clock set back) as today.
 */
export function backupState(lastExportAt: string | undefined, now: Date): BackupState {
	const at = lastExportAt ? Date.parse(lastExportAt) : Number.NaN;
	if (Number.isNaN(at)) return { kind: 'never', days: null };
	// Rounded: a day with a daylight-saving change is 23 or 25 hours long.
	const days = Math.max(0, Math.round((startOfDay(now.getTime()) - startOfDay(at)) / DAY_MS));
	return { kind: days >= BACKUP_INTERVAL_DAYS ? 'due' : 'recent', days };
}

/** Whether to remind the user: a backup is due, or none was ever made of data worth keeping. */
export function shouldRemind(state: BackupState, hasData: boolean): boolean {
	return state.kind === 'due' || (state.kind === 'never' && hasData);
}
