import { toIsoDate } from './dates';
import type { ListRow } from './list-row';
import { SYSTEM_STATUSES, type SystemStatus } from './notification';
import {
	addDays,
	AGE_BUCKETS,
	mondayOf,
	OVERVIEW_WEEKS,
	URGENT_LIST_LIMIT,
	type Overview,
	type OverviewOptions,
	type ResponsibleCount,
	type UserStatusCount
} from './overview';

/**
 * The overview's counts as a small aggregate (a tally) that is kept beside the list rows: what
 * `computeOverview` counts row by row, counted once by the values the figures depend on, so the
 * start page reads one small record instead of 100,000 rows. Figures that depend on the day
 * (overdue, due this week, ages, weeks) are counted by calendar day and summed for the day asked.
 * Every change of a row is one `tallyRow(tally, old, -1)` and one `tallyRow(tally, new, +1)`.
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

const SEPARATOR = '\u0000';

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

/** The tally of some rows. */
export function tallyOf(rows: Iterable<ListRow>, timeZone = currentTimeZone()): OverviewTally {
	const tally = emptyTally(timeZone);
	for (const row of rows) tallyRow(tally, row, 1);
	return tally;
}

/** The centres a figure counts: one, or every centre for ''. */
function centresOf(tally: OverviewTally, centre: string): CentreTally[] {
	if (!centre) return Object.values(tally.centres);
	const one = tally.centres[centre];
	return one ? [one] : [];
}

/**
 * The numbers of the newest open urgent notifications not yet dispatched (at most
 * URGENT_LIST_LIMIT, newest first, as the overview lists them), and how many there are.
 */
export function newestUrgent(
	tally: OverviewTally,
	centre: string
): { count: number; numbers: string[] } {
	const all: { number: string; time: number }[] = [];
	for (const counts of centresOf(tally, centre)) {
		for (const [number, createdAt] of Object.entries(counts.urgentNotDispatched)) {
			all.push({ number, time: Date.parse(createdAt) || 0 });
		}
	}
	all.sort((a, b) =>
		a.time !== b.time ? b.time - a.time : a.number < b.number ? 1 : a.number > b.number ? -1 : 0
	);
	return { count: all.length, numbers: all.slice(0, URGENT_LIST_LIMIT).map((row) => row.number) };
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The overview's figures from a tally, as `computeOverview` counts them from the rows; `urgentRows`
 * are the list rows of `newestUrgent(tally, centre).numbers` (missing ones are left out).
 */
export function overviewFromTally(
	tally: OverviewTally,
	options: OverviewOptions,
	urgentRows: readonly (ListRow | undefined)[]
): Overview {
	const { today } = options;
	const centre = options.centre ?? '';
	const weekStart = mondayOf(today);
	const weekEnd = addDays(weekStart, 6);
	const firstWeek = addDays(weekStart, -7 * (OVERVIEW_WEEKS - 1));
	const weekStarts = Array.from({ length: OVERVIEW_WEEKS + 1 }, (_, index) =>
		addDays(firstWeek, 7 * index)
	);
	// -1 outside the chart's weeks.
	const weekIndex = (day: string): number => {
		if (day < weekStarts[0]! || day >= weekStarts[OVERVIEW_WEEKS]!) return -1;
		let index = 0;
		while (day >= weekStarts[index + 1]!) index += 1;
		return index;
	};
	// The first day of each age bucket but the oldest, youngest bucket first.
	const ageFrom = AGE_BUCKETS.slice(0, -1).map((bucket) => addDays(today, -bucket.max));

	const bySystemStatus = Object.fromEntries(SYSTEM_STATUSES.map((status) => [status, 0])) as Record<
		SystemStatus,
		number
	>;
	const userStatuses = new Map<string, UserStatusCount>();
	const people = new Map<string, ResponsibleCount>();
	const person = (responsible: string) => {
		let found = people.get(responsible);
		if (!found) {
			found = { responsible, open: 0, overdue: 0, urgent: 0 };
			people.set(responsible, found);
		}
		return found;
	};
	const ageCounts = AGE_BUCKETS.map(() => 0);
	const created = new Array<number>(OVERVIEW_WEEKS).fill(0);
	const completed = new Array<number>(OVERVIEW_WEEKS).fill(0);
	let total = 0;
	let urgent = 0;
	let overdue = 0;
	let dueToday = 0;
	let dueThisWeek = 0;

	for (const counts of centresOf(tally, centre)) {
		for (const [status, count] of Object.entries(counts.status)) {
			const key = status as SystemStatus;
			bySystemStatus[key] = (bySystemStatus[key] ?? 0) + count;
			total += count;
		}
		for (const [key, count] of Object.entries(counts.userStatus)) {
			const found = userStatuses.get(key);
			if (found) found.count += count;
			else {
				const [type = '', code = ''] = key.split(SEPARATOR);
				userStatuses.set(key, { type, code, count });
			}
		}
		for (const [key, count] of Object.entries(counts.openEnd)) {
			const at = key.indexOf(SEPARATOR);
			const end = key.slice(at + 1);
			const counted = person(key.slice(0, at));
			counted.open += count;
			if (end === '') continue;
			if (end < today) {
				overdue += count;
				counted.overdue += count;
			} else if (end === today) dueToday += count;
			if (end >= weekStart && end <= weekEnd) dueThisWeek += count;
		}
		for (const [responsible, count] of Object.entries(counts.openUrgent)) {
			person(responsible).urgent += count;
			urgent += count;
		}
		for (const [day, count] of Object.entries(counts.openCreated)) {
			let bucket = ageFrom.findIndex((from) => day >= from);
			if (bucket < 0) bucket = AGE_BUCKETS.length - 1;
			ageCounts[bucket]! += count;
		}
		for (const [day, count] of Object.entries(counts.created)) {
			const week = weekIndex(day);
			if (week >= 0) created[week]! += count;
		}
		for (const [day, count] of Object.entries(counts.completed)) {
			const week = weekIndex(day);
			if (week >= 0) completed[week]! += count;
		}
	}

	const urgentList = newestUrgent(tally, centre);
	return {
		today,
		weekStart,
		weekEnd,
		centre,
		total,
		open: bySystemStatus.OSNO + bySystemStatus.NOPR + bySystemStatus.NOPO,
		bySystemStatus,
		byUserStatus: [...userStatuses.values()].sort(
			(a, b) => compareText(a.type, b.type) || compareText(a.code, b.code)
		),
		urgent,
		overdue,
		dueToday,
		dueThisWeek,
		byResponsible: [...people.values()]
			.filter((counted) => counted.open > 0)
			.sort((a, b) => b.open - a.open || compareText(a.responsible, b.responsible)),
		age: AGE_BUCKETS.map((bucket, index) => ({
			bucket: bucket.key,
			count: ageCounts[index]!,
			...(bucket.max === Infinity ? {} : { from: addDays(today, -bucket.max) }),
			...(index === 0 ? {} : { to: addDays(today, -bucket.min) })
		})),
		weeks: created.map((count, index) => ({
			start: weekStarts[index]!,
			end: addDays(weekStarts[index]!, 6),
			created: count,
			completed: completed[index]!
		})),
		urgentNotDispatchedCount: urgentList.count,
		urgentNotDispatched: urgentRows
			.filter((row): row is ListRow => row !== undefined)
			.map((row) => ({
				number: row.number,
				centre: row.centre,
				description: row.description,
				responsible: row.responsible,
				requiredEnd: row.requiredEnd,
				createdAt: row.createdAt
			}))
	};
}
