import { formatSeedDate, isValidIsoDate } from './dates';
import type { Notification, SystemStatus } from './notification';
import type { PartsRecord } from './records/record';

/** The system statuses of work still to do: outstanding, in process, postponed. */
export const OPEN_SYSTEM_STATUSES: readonly SystemStatus[] = ['OSNO', 'NOPR', 'NOPO'];

/** The most days a work plan covers before the user is asked to confirm (a year, leap day included). */
export const MAX_UNCONFIRMED_DAYS = 366;

/** The dates of a work plan (工作计划表, ZSMR006), both included, stored as `YYYY-MM-DD`. */
export interface WorkPlanRange {
	from: string;
	to: string;
}

/** Why a range is refused, and the date field it concerns. */
export interface RangeProblem {
	field: 'from' | 'to';
	code: 'required' | 'invalidDate' | 'reversed';
}

/** A range that can be planned, with its length; more than a year needs the user's confirmation. */
export type RangeCheck =
	{ ok: true; days: number; needsConfirmation: boolean } | { ok: false; problem: RangeProblem };

function dayNumber(isoDate: string): number {
	return (
		Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000
	);
}

/** Checks a range before anything is read: both dates real days, `from` not after `to`. */
export function checkWorkPlanRange(range: WorkPlanRange): RangeCheck {
	const refuse = (field: RangeProblem['field'], code: RangeProblem['code']): RangeCheck => ({
		ok: false,
		problem: { field, code }
	});
	if (!range.from) return refuse('from', 'required');
	if (!isValidIsoDate(range.from)) return refuse('from', 'invalidDate');
	if (!range.to) return refuse('to', 'required');
	if (!isValidIsoDate(range.to)) return refuse('to', 'invalidDate');
	if (range.to < range.from) return refuse('to', 'reversed');
	const days = dayNumber(range.to) - dayNumber(range.from) + 1;
	return { ok: true, days, needsConfirmation: days > MAX_UNCONFIRMED_DAYS };
}

/** Whether a notification is work still to do. */
export function isOpen(notification: Pick<Notification, 'systemStatus'>): boolean {
	return OPEN_SYSTEM_STATUSES.includes(notification.systemStatus);
}

/** Where a notification stands in a plan, and why it is on that day. */
export interface WorkPlanEntry {
	notification: Notification;
	/** The day it is worked on. */
	date: string;
	/** Its day lies before the range: open work carried to the first day. */
	isCarried: boolean;
	/** Postponed (NOPO): on its new date, not its required start. */
	isPostponed: boolean;
}

/** The notifications of one person responsible on one day, urgent first. */
export interface WorkPlanGroup {
	responsible: string;
	entries: WorkPlanEntry[];
}

/** One day of the plan, its groups in the order of the person responsible's code. */
export interface WorkPlanDay {
	date: string;
	groups: WorkPlanGroup[];
}

/** The work plan: only days with work, each with its groups. */
export interface WorkPlan {
	range: WorkPlanRange;
	days: WorkPlanDay[];
	count: number;
}

/**
 * The day an open notification is worked on within a range: its required start, or a postponed
 * one's new date; a day before the range is carried to the first day (overdue work is not lost);
 * undefined when it is not open or lies after the range.
 */
export function workPlanDate(
	notification: Notification,
	range: WorkPlanRange
): WorkPlanEntry | undefined {
	if (!isOpen(notification)) return undefined;
	const isPostponed = notification.systemStatus === 'NOPO' && !!notification.postponement?.until;
	const day = isPostponed ? notification.postponement!.until : notification.requiredStart;
	if (!day || day > range.to) return undefined;
	const isCarried = day < range.from;
	return { notification, date: isCarried ? range.from : day, isCarried, isPostponed };
}

const byCode = (a: string, b: string) =>
	a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true });

/** Urgent first, then the earlier required start, then the number. */
function compareEntries(a: WorkPlanEntry, b: WorkPlanEntry): number {
	const x = a.notification;
	const y = b.notification;
	if (x.isUrgent !== y.isUrgent) return x.isUrgent ? -1 : 1;
	if (x.requiredStart !== y.requiredStart) return x.requiredStart < y.requiredStart ? -1 : 1;
	return x.number < y.number ? -1 : x.number > y.number ? 1 : 0;
}

/**
 * The work plan of a range from the notifications given (the caller selects the centre): each open
 * one on its day, grouped by day, then by person responsible, urgent first, then by required start.
 */
export function buildWorkPlan(
	notifications: Iterable<Notification>,
	range: WorkPlanRange
): WorkPlan {
	const byDay = new Map<string, Map<string, WorkPlanEntry[]>>();
	let count = 0;
	for (const notification of notifications) {
		const entry = workPlanDate(notification, range);
		if (!entry) continue;
		count++;
		const groups = byDay.get(entry.date) ?? new Map<string, WorkPlanEntry[]>();
		byDay.set(entry.date, groups);
		const responsible = notification.responsible ?? '';
		groups.set(responsible, [...(groups.get(responsible) ?? []), entry]);
	}
	const days = [...byDay.keys()].sort().map((date) => {
		const groups = byDay.get(date)!;
		return {
			date,
			groups: [...groups.keys()].sort(byCode).map((responsible) => ({
				responsible,
				entries: groups.get(responsible)!.sort(compareEntries)
			}))
		};
	});
	return { range, days, count };
}

/** The range as the seed writes dates, for headers and the history: 2001/03/07–2001/03/08. */
export function rangeText(range: WorkPlanRange): string {
	return `${formatSeedDate(range.from)}–${formatSeedDate(range.to)}`;
}

/**
 * The parts still to draw for a visit (是否需预领零件, SM05): the lines of the requisitions not yet
 * drawn, as "100056 ×1（锁芯）", in the order the requisitions were made; drawn ones are done.
 */
export function partsToDraw(requisitions: readonly PartsRecord[]): string[] {
	return [...requisitions]
		.filter((requisition) => !requisition.isDrawn)
		.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
		.flatMap((requisition) =>
			requisition.lines.map(
				(line) => `${line.material} ×${line.quantity}${line.note ? `（${line.note}）` : ''}`
			)
		);
}
