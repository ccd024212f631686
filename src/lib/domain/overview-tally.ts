import { toIsoDate } from './dates';
import type { ListRow } from './list-row';

/**
 * The overview's counts as a small aggregate (a tally) that is kept beside the list rows: what
 * `computeOverview` counts row by row, counted once by the values the figures depend on, so the
 * start page reads one small record instead of 100,000 rows. Figures that depend on the day
 * (overdue, due this week, ages, weeks) are counted by calendar day and summed for the day asked.
 * Every change of a row is one `tallyRow(tally, old, -1)` and one `tallyRow(tally, new, +1)`.
 * The figures are read from a tally by `tally-overview.ts` (loaded only by the start page).
 */

/** The counts of one centre. Keys with a zero count are removed. */
export interface CentreTally {
	/** System status → count (every notification). */
	status: Record<string, number>;
	/** `type NUL code` → open notifications in that user status. */
	userStatus: Record<string, number>;
	/** `responsible NUL requiredEnd` → open notifications (requiredEnd may be ''). */
	openEnd: Record<string, number>;
	/** Responsible → open urgent notifications. */
	openUrgent: Record<string, number>;
	/** Local notification date ('' when unreadable) → open notifications. */
	openCreated: Record<string, number>;
	/** Local notification date → notifications (any status). */
	created: Record<string, number>;
	/** Local completion date → completed notifications. */
	completed: Record<string, number>;
	/** Number → creation moment of the open urgent notifications not yet dispatched. */
	urgentNotDispatched: Record<string, string>;
}

/** The tally of a device: per centre, for the time zone its days were counted in. */
export interface OverviewTally {
	/** The time zone whose calendar days the dates are (another zone must count afresh). */
	timeZone: string;
	centres: Record<string, CentreTally>;
}

/** Between the parts of a tally key. */
export const SEPARATOR = '\u0000';

/** The time zone of this device (the days of a tally are its calendar days). */
export function currentTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
}

export function emptyTally(timeZone = currentTimeZone()): OverviewTally {
	return { timeZone, centres: {} };
}

function emptyCentre(): CentreTally {
	return {
		status: {},
		userStatus: {},
		openEnd: {},
		openUrgent: {},
		openCreated: {},
		created: {},
		completed: {},
		urgentNotDispatched: {}
	};
}

const days = new Map<string, string>();

/** Whether a moment is in the canonical form `toISOString` writes (UTC, milliseconds). */
function isCanonical(moment: string): boolean {
	return moment.length === 24 && moment.charCodeAt(23) === 90 && moment.charCodeAt(10) === 84;
}

/**
 * The local calendar day of an ISO moment, `YYYY-MM-DD`; '' when it cannot be read. Canonical
 * moments are cached by minute (time zones move by whole minutes), as 100,000 rows share few.
 */
export function localDay(moment: string): string {
	if (!moment) return '';
	const key = isCanonical(moment) ? moment.slice(0, 16) : moment;
	let day = days.get(key);
	if (day === undefined) {
		const parsed = new Date(moment);
		day = Number.isNaN(parsed.getTime()) ? '' : toIsoDate(parsed);
		if (days.size > 200_000) days.clear();
		days.set(key, day);
	}
	return day;
}

function add(counts: Record<string, number>, key: string, sign: number): void {
	const next = (counts[key] ?? 0) + sign;
	if (next === 0) delete counts[key];
	else counts[key] = next;
}

/** Adds (`sign` 1) or takes away (`sign` -1) one row's counts. */
export function tallyRow(tally: OverviewTally, row: ListRow, sign: 1 | -1): void {
	const centre = (tally.centres[row.centre] ??= emptyCentre());
	add(centre.status, row.systemStatus, sign);
	// A centre without notifications counts nothing any more: it goes (every count is zero).
	if (sign < 0 && Object.keys(centre.status).length === 0) {
		delete tally.centres[row.centre];
		return;
	}
	const created = localDay(row.createdAt);
	if (created) add(centre.created, created, sign);
	if (row.systemStatus === 'NOCO') {
		const completed = localDay(row.completedAt);
		if (completed) add(centre.completed, completed, sign);
		return;
	}
	add(centre.userStatus, `${row.type}${SEPARATOR}${row.userStatus}`, sign);
	add(centre.openEnd, `${row.responsible}${SEPARATOR}${row.requiredEnd}`, sign);
	add(centre.openCreated, created, sign);
	if (row.urgent === 1) {
		add(centre.openUrgent, row.responsible, sign);
		if (row.dispatched === 0) {
			if (sign > 0) centre.urgentNotDispatched[row.number] = row.createdAt;
			else delete centre.urgentNotDispatched[row.number];
		}
	}
}

/**
 * What of a row the tally counts, as one text: two rows with the same text count the same, so a
 * change that keeps it (a reporter, a long-text entry, a description) leaves the tally as it is.
 */
export function tallySignature(row: ListRow): string {
	const completed = row.systemStatus === 'NOCO' ? row.completedAt : '';
	return [
		row.centre,
		row.systemStatus,
		row.createdAt,
		completed,
		row.type,
		row.userStatus,
		row.responsible,
		row.requiredEnd,
		row.urgent,
		row.dispatched
	].join(SEPARATOR);
}

/** The tally of some rows. */
export function tallyOf(rows: Iterable<ListRow>, timeZone = currentTimeZone()): OverviewTally {
	const tally = emptyTally(timeZone);
	for (const row of rows) tallyRow(tally, row, 1);
	return tally;
}
