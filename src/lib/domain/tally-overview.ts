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
import { SEPARATOR, type CentreTally, type OverviewTally } from './overview-tally';

/**
 * The overview's figures from a stored tally (see `overview-tally.ts`): what `computeOverview`
 * counts from the rows, summed from the tally's counts for the day and centre asked.
 */

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
