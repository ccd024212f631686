import { toIsoDate } from './dates';
import { OPEN_STATUSES, type ListSelection } from './list-selection';
import type { ListRow } from './list-row';
import { SYSTEM_STATUSES, type SystemStatus } from './notification';

/** How many weeks the created-against-completed chart covers, the current week last. */
export const OVERVIEW_WEEKS = 12;

/** How many urgent notifications not yet dispatched the overview lists by name. */
export const URGENT_LIST_LIMIT = 20;

/** The age buckets of open notifications, in days since the notification date (inclusive). */
export const AGE_BUCKETS = [
	{ key: '0-2', min: 0, max: 2 },
	{ key: '3-7', min: 3, max: 7 },
	{ key: '8-30', min: 8, max: 30 },
	{ key: '31+', min: 31, max: Infinity }
] as const;

/** The key of an age bucket: `0-2`, `3-7`, `8-30` or `31+` days. */
export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key'];

/** What the overview counts, and for which day and centre. */
export interface OverviewOptions {
	/** The local calendar day the figures are for, `YYYY-MM-DD`. */
	today: string;
	/** One centre's notifications only; absent or empty: every centre on the device. */
	centre?: string;
}

/** The open notifications of one user status of one type. */
export interface UserStatusCount {
	type: string;
	code: string;
	count: number;
}

/** The open notifications of one person responsible (`''`: nobody set). */
export interface ResponsibleCount {
	responsible: string;
	open: number;
	overdue: number;
	urgent: number;
}

/** Open notifications of one age bucket; `from`/`to` are the notification dates it spans. */
export interface AgeCount {
	bucket: AgeBucketKey;
	count: number;
	/** The earliest notification date in the bucket; absent for the open-ended oldest bucket. */
	from?: string;
	/** The latest notification date in the bucket; absent for the newest (which takes any later). */
	to?: string;
}

/** Notifications created and completed in one ISO week (Monday to Sunday). */
export interface WeekCount {
	/** The Monday, `YYYY-MM-DD`. */
	start: string;
	/** The Sunday, `YYYY-MM-DD`. */
	end: string;
	created: number;
	completed: number;
}

/** An urgent open notification whose person responsible has not been told yet. */
export interface UrgentRow {
	number: string;
	centre: string;
	description: string;
	responsible: string;
	requiredEnd: string;
	createdAt: string;
}

/** The figures of the start page for one centre or all of them. */
export interface Overview {
	today: string;
	/** The Monday of today's ISO week. */
	weekStart: string;
	/** The Sunday of today's ISO week. */
	weekEnd: string;
	/** The centre counted, `''` for all. */
	centre: string;
	total: number;
	/** Outstanding, in process and postponed together. */
	open: number;
	bySystemStatus: Record<SystemStatus, number>;
	/** User statuses of the open notifications, by type then code. */
	byUserStatus: UserStatusCount[];
	/** Open and urgent. */
	urgent: number;
	/** Required end before today, not completed. */
	overdue: number;
	/** Open, required end today. */
	dueToday: number;
	/** Open, required end in today's ISO week (Monday to Sunday, the days before today included). */
	dueThisWeek: number;
	/** Open notifications per person responsible, most first. */
	byResponsible: ResponsibleCount[];
	/** Ages of the open notifications, youngest bucket first. */
	age: AgeCount[];
	/** The last OVERVIEW_WEEKS weeks, oldest first, the current week last. */
	weeks: WeekCount[];
	/** How many urgent open notifications are not yet dispatched. */
	urgentNotDispatchedCount: number;
	/** The newest of them (at most URGENT_LIST_LIMIT), newest first. */
	urgentNotDispatched: UrgentRow[];
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dayNumber(date: string): number {
	return (
		Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
		DAY_MS
	);
}

/** The `YYYY-MM-DD` date of a day number. */
function dateOfDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A date `days` after (or before) another, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	return dateOfDay(dayNumber(date) + days);
}

/** The Monday of the ISO week of a date, `YYYY-MM-DD`. */
export function mondayOf(date: string): string {
	const day = dayNumber(date);
	// 1970-01-01 was a Thursday: day 0 is weekday 3 when Monday is 0.
	const weekday = (((day + 3) % 7) + 7) % 7;
	return dateOfDay(day - weekday);
}

/**
 * The notification date: the local calendar day of the moment a notification was created (the
 * list's `createdFrom`/`createdTo` compare with this day).
 */
export function notificationDate(createdAt: string): string {
	return toIsoDate(new Date(createdAt));
}

/** The moment local midnight starts a `YYYY-MM-DD` day, in ms since the epoch. */
function localMidnight(date: string): number {
	return new Date(
		Number(date.slice(0, 4)),
		Number(date.slice(5, 7)) - 1,
		Number(date.slice(8, 10))
	).getTime();
}

/** Whether a stored moment is in the canonical form `toISOString` writes (UTC, milliseconds). */
function isCanonical(moment: string): boolean {
	return moment.length === 24 && moment.charCodeAt(23) === 90 && moment.charCodeAt(10) === 84;
}

/**
 * Ascending local midnights, and where a moment falls among them: how many of them it has reached.
 * Canonical moments (`2026-12-02T01:30:00.000Z`, as the app stores them) compare as text, which
 * orders them as time, so a row costs a few string comparisons and no date parsing; any other
 * form of ISO moment is parsed.
 */
class MidnightScale {
	private readonly times: number[];
	private readonly texts: string[];

	constructor(dates: readonly string[]) {
		this.times = dates.map(localMidnight);
		this.texts = this.times.map((time) => new Date(time).toISOString());
	}

	/** How many of the midnights are at or before the moment (0 for an unreadable one). */
	reached(moment: string): number {
		let low = 0;
		let high = this.times.length;
		if (isCanonical(moment)) {
			while (low < high) {
				const middle = (low + high) >>> 1;
				if (this.texts[middle]! <= moment) low = middle + 1;
				else high = middle;
			}
			return low;
		}
		const time = Date.parse(moment);
		if (Number.isNaN(time)) return 0;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.times[middle]! <= time) low = middle + 1;
			else high = middle;
		}
		return low;
	}
}

/** Newer first: by creation moment, then by number. */
function isNewer(a: UrgentRow & { time: number }, b: UrgentRow & { time: number }): boolean {
	return a.time !== b.time ? a.time > b.time : a.number > b.number;
}

/**
 * The overview's figures from the list rows, in one pass over them (no sorting of the rows, no
 * second read): counts by system and user status, urgent, overdue, due today and this week, per
 * person responsible, the ages of the open ones, created against completed per week, and the
 * newest urgent open notifications not yet dispatched. Open means outstanding, in process or
 * postponed. Moments count by their local day (the notification date), found by comparing them
 * with the local midnights that bound the weeks and the age buckets (see MidnightScale).
 */
export function computeOverview(rows: Iterable<ListRow>, options: OverviewOptions): Overview {
	const { today } = options;
	const centre = options.centre ?? '';
	const weekStart = mondayOf(today);
	const weekEnd = addDays(weekStart, 6);
	const firstWeekDay = dayNumber(weekStart) - 7 * (OVERVIEW_WEEKS - 1);
	// The local midnights that start each week of the chart and the one after the last.
	const weekScale = new MidnightScale(
		Array.from({ length: OVERVIEW_WEEKS + 1 }, (_, index) => dateOfDay(firstWeekDay + 7 * index))
	);
	// The local midnights that start the age buckets, oldest first: reaching none is 31+ days.
	const ageScale = new MidnightScale(
		[...AGE_BUCKETS]
			.reverse()
			.slice(1)
			.map((bucket) => addDays(today, -bucket.max))
	);

	const bySystemStatus = Object.fromEntries(SYSTEM_STATUSES.map((status) => [status, 0])) as Record<
		SystemStatus,
		number
	>;
	const byUserStatus = new Map<string, Map<string, UserStatusCount>>();
	const byResponsible = new Map<string, ResponsibleCount>();
	const ageCounts = [0, 0, 0, 0];
	const created = new Array<number>(OVERVIEW_WEEKS).fill(0);
	const completed = new Array<number>(OVERVIEW_WEEKS).fill(0);
	const urgentRows: (UrgentRow & { time: number })[] = [];
	let total = 0;
	let urgent = 0;
	let overdue = 0;
	let dueToday = 0;
	let dueThisWeek = 0;
	let urgentNotDispatchedCount = 0;

	// -1 outside the chart's weeks.
	const weekIndex = (moment: string): number => {
		const index = weekScale.reached(moment) - 1;
		return index < OVERVIEW_WEEKS ? index : -1;
	};

	for (const row of rows) {
		if (centre && row.centre !== centre) continue;
		total += 1;
		bySystemStatus[row.systemStatus] = (bySystemStatus[row.systemStatus] ?? 0) + 1;

		const createdWeek = weekIndex(row.createdAt);
		if (createdWeek >= 0) created[createdWeek]! += 1;
		if (row.systemStatus === 'NOCO') {
			const completedWeek = row.completedAt ? weekIndex(row.completedAt) : -1;
			if (completedWeek >= 0) completed[completedWeek]! += 1;
			continue;
		}

		// Open from here on.
		let ofType = byUserStatus.get(row.type);
		if (!ofType) {
			ofType = new Map();
			byUserStatus.set(row.type, ofType);
		}
		const userCount = ofType.get(row.userStatus);
		if (userCount) userCount.count += 1;
		else ofType.set(row.userStatus, { type: row.type, code: row.userStatus, count: 1 });

		let person = byResponsible.get(row.responsible);
		if (!person) {
			person = { responsible: row.responsible, open: 0, overdue: 0, urgent: 0 };
			byResponsible.set(row.responsible, person);
		}
		person.open += 1;

		const end = row.requiredEnd;
		if (end !== '') {
			if (end < today) {
				overdue += 1;
				person.overdue += 1;
			} else if (end === today) dueToday += 1;
			if (end >= weekStart && end <= weekEnd) dueThisWeek += 1;
		}

		ageCounts[AGE_BUCKETS.length - 1 - ageScale.reached(row.createdAt)]! += 1;

		if (row.urgent === 1) {
			urgent += 1;
			person.urgent += 1;
			if (row.dispatched === 0) {
				urgentNotDispatchedCount += 1;
				keepNewest(urgentRows, row);
			}
		}
	}

	const open = bySystemStatus.OSNO + bySystemStatus.NOPR + bySystemStatus.NOPO;
	return {
		today,
		weekStart,
		weekEnd,
		centre,
		total,
		open,
		bySystemStatus,
		byUserStatus: [...byUserStatus.values()]
			.flatMap((ofType) => [...ofType.values()])
			.sort((a, b) => compareText(a.type, b.type) || compareText(a.code, b.code)),
		urgent,
		overdue,
		dueToday,
		dueThisWeek,
		byResponsible: [...byResponsible.values()].sort(
			(a, b) => b.open - a.open || compareText(a.responsible, b.responsible)
		),
		age: AGE_BUCKETS.map((bucket, index) => ({
			bucket: bucket.key,
			count: ageCounts[index]!,
			...(bucket.max === Infinity ? {} : { from: addDays(today, -bucket.max) }),
			...(index === 0 ? {} : { to: addDays(today, -bucket.min) })
		})),
		weeks: created.map((count, index) => {
			const start = dateOfDay(firstWeekDay + 7 * index);
			return { start, end: addDays(start, 6), created: count, completed: completed[index]! };
		}),
		urgentNotDispatchedCount,
		urgentNotDispatched: urgentRows.map((row) => ({
			number: row.number,
			centre: row.centre,
			description: row.description,
			responsible: row.responsible,
			requiredEnd: row.requiredEnd,
			createdAt: row.createdAt
		}))
	};
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps the URGENT_LIST_LIMIT newest rows in `kept`, newest first (a bounded insertion). */
function keepNewest(kept: (UrgentRow & { time: number })[], row: ListRow): void {
	const candidate = { ...pickUrgent(row), time: Date.parse(row.createdAt) || 0 };
	if (kept.length === URGENT_LIST_LIMIT && !isNewer(candidate, kept[kept.length - 1]!)) return;
	let index = kept.length;
	while (index > 0 && isNewer(candidate, kept[index - 1]!)) index -= 1;
	kept.splice(index, 0, candidate);
	if (kept.length > URGENT_LIST_LIMIT) kept.pop();
}

function pickUrgent(row: ListRow): UrgentRow {
	return {
		number: row.number,
		centre: row.centre,
		description: row.description,
		responsible: row.responsible,
		requiredEnd: row.requiredEnd,
		createdAt: row.createdAt
	};
}

/**
 * The list selections behind each figure of an overview, so every count opens the list with
 * exactly the notifications it counts. Each carries the overview's centre when it has one.
 */
export const drillDown = {
	/** All notifications of one system status. */
	systemStatus: (overview: Overview, status: SystemStatus): Partial<ListSelection> =>
		withCentre(overview, { statuses: [status] }),
	/** All open notifications. */
	open: (overview: Overview): Partial<ListSelection> =>
		withCentre(overview, { statuses: [...OPEN_STATUSES] }),
	/** Open notifications of one type in one user status. */
	userStatus: (overview: Overview, type: string, code: string): Partial<ListSelection> =>
		withCentre(overview, { statuses: [...OPEN_STATUSES], types: [type], userStatuses: [code] }),
	/** Open urgent notifications. */
	urgent: (overview: Overview): Partial<ListSelection> =>
		withCentre(overview, { statuses: [...OPEN_STATUSES], urgent: true }),
	/** Overdue notifications (the list's own definition: past required end, not completed). */
	overdue: (overview: Overview): Partial<ListSelection> => withCentre(overview, { overdue: true }),
	/** Open notifications due today. */
	dueToday: (overview: Overview): Partial<ListSelection> =>
		withCentre(overview, {
			statuses: [...OPEN_STATUSES],
			endFrom: overview.today,
			endTo: overview.today
		}),
	/** Open notifications due in today's week. */
	dueThisWeek: (overview: Overview): Partial<ListSelection> =>
		withCentre(overview, {
			statuses: [...OPEN_STATUSES],
			endFrom: overview.weekStart,
			endTo: overview.weekEnd
		}),
	/** Open notifications of one person responsible (not for `''`: the URL cannot say "nobody"). */
	responsible: (overview: Overview, responsible: string): Partial<ListSelection> =>
		withCentre(overview, { statuses: [...OPEN_STATUSES], responsible }),
	/** Overdue notifications of one person responsible. */
	responsibleOverdue: (overview: Overview, responsible: string): Partial<ListSelection> =>
		withCentre(overview, { overdue: true, responsible }),
	/** Open urgent notifications of one person responsible. */
	responsibleUrgent: (overview: Overview, responsible: string): Partial<ListSelection> =>
		withCentre(overview, { statuses: [...OPEN_STATUSES], urgent: true, responsible }),
	/** Open notifications of one age bucket. */
	age: (overview: Overview, bucket: AgeCount): Partial<ListSelection> =>
		withCentre(overview, {
			statuses: [...OPEN_STATUSES],
			...(bucket.from ? { createdFrom: bucket.from } : {}),
			...(bucket.to ? { createdTo: bucket.to } : {})
		}),
	/** Notifications created in one week, any status. */
	createdInWeek: (overview: Overview, week: WeekCount): Partial<ListSelection> =>
		withCentre(overview, { createdFrom: week.start, createdTo: week.end }),
	/** Open urgent notifications not yet dispatched. */
	urgentNotDispatched: (overview: Overview): Partial<ListSelection> =>
		withCentre(overview, { statuses: [...OPEN_STATUSES], urgent: true, dispatched: '0' })
};

function withCentre(overview: Overview, selection: Partial<ListSelection>): Partial<ListSelection> {
	return overview.centre ? { ...selection, centre: overview.centre } : selection;
}

/** The centres the overview offers a device. */
export interface OverviewCentres {
	/** Whether the device holds other centres' notifications too (head office). */
	isHeadOffice: boolean;
	/** The centres to choose from, in code order (the device's own among them). */
	choices: string[];
	/** The device's own centre. */
	own: string;
}

/**
 * Which centres the overview offers: a device holding only its own centre's notifications (a
 * centre) sees its own; a device holding other centres' too (head office) sees all of them
 * together by default and may choose one.
 */
export function overviewCentres(
	ownCentre: string,
	knownCentres: readonly string[]
): OverviewCentres {
	const choices = [...new Set([ownCentre, ...knownCentres])].sort(compareText);
	return { isHeadOffice: choices.length > 1, choices, own: ownCentre };
}

/**
 * The centre the overview counts (`''`: all): a centre always its own; head office the one asked
 * for (e.g. in the URL) when it is among its choices, else all.
 */
export function chosenCentre(centres: OverviewCentres, requested: string): string {
	if (!centres.isHeadOffice) return centres.own;
	return centres.choices.includes(requested) ? requested : '';
}

/** An evaluation as the overview reads it, with the notification it belongs to. */
export interface RatedNotification {
	/** The evaluation's id. */
	id: string;
	notification: string;
	rating: number;
	followUpDate?: string | undefined;
	followedUpAt?: string | undefined;
	/** The notification's person responsible and centre ('' when the notification is not here). */
	responsible: string;
	centre: string;
}

/** The average rating of one person responsible, over their notifications' evaluations. */
export interface RatingAverage {
	responsible: string;
	/** Tenths, rounded half up: 4.5 is 45 (integers, so two devices show the same figure). */
	averageTenths: number;
	count: number;
}

/**
 * The average customer rating per person responsible (服务评价), of one centre or all (''); the
 * persons by code, none last. An evaluation counts for the responsible of its notification.
 */
export function averageRatings(
	evaluations: readonly RatedNotification[],
	centre = ''
): RatingAverage[] {
	const sums = new Map<string, { sum: number; count: number }>();
	for (const evaluation of evaluations) {
		if (centre && evaluation.centre !== centre) continue;
		const entry = sums.get(evaluation.responsible) ?? { sum: 0, count: 0 };
		entry.sum += evaluation.rating;
		entry.count += 1;
		sums.set(evaluation.responsible, entry);
	}
	return [...sums]
		.map(([responsible, { sum, count }]) => ({
			responsible,
			averageTenths: Math.floor((sum * 10 * 2 + count) / (2 * count)),
			count
		}))
		.sort((a, b) =>
			a.responsible === b.responsible
				? 0
				: a.responsible === ''
					? 1
					: b.responsible === ''
						? -1
						: a.responsible.localeCompare(b.responsible, 'en', { numeric: true })
		);
}

/**
 * The follow-ups (回访) due by `today`: evaluations with a follow-up date on or before it and not
 * yet followed up, of one centre or all (''), the earliest first.
 */
export function dueFollowUps(
	evaluations: readonly RatedNotification[],
	today: string,
	centre = ''
): RatedNotification[] {
	return evaluations
		.filter(
			(evaluation) =>
				(!centre || evaluation.centre === centre) &&
				!!evaluation.followUpDate &&
				evaluation.followUpDate <= today &&
				!evaluation.followedUpAt
		)
		.sort((a, b) =>
			a.followUpDate! < b.followUpDate!
				? -1
				: a.followUpDate! > b.followUpDate!
					? 1
					: a.notification < b.notification
						? -1
						: 1
		);
}
