import type { ListSelection } from './list-selection';
import { SYSTEM_STATUSES, type SystemStatus } from './notification';

/**
 * The compound indexes of the list projection (IW59), one per selective criterion of the list.
 * The list Worker answers from memory once every row is loaded; before that (a first start at
 * 100,000 rows, or a start after changes), a selection one of them covers is read by key range,
 * so a deep link to one person's or one status's notifications is exact at once.
 */
export const LIST_ROW_INDEXES = [
	'[centre+systemStatus+requiredEnd]',
	'[responsible+centre]',
	'[mainWorkCentre+centre]',
	'[userStatus+centre]'
] as const;
export type ListRowIndex = (typeof LIST_ROW_INDEXES)[number];

/** One key range of an index: from `lower` (included) to `upper` (included unless `upperOpen`). */
export interface KeyRange {
	lower: string[];
	upper: string[];
	upperOpen: boolean;
}

/** Which index to read, and the key ranges whose rows hold every row the selection finds. */
export interface IndexPlan {
	index: ListRowIndex;
	ranges: KeyRange[];
}

/** Below every code and date of a key part (they are strings). */
const LOWEST = '';
/** Above every code and date of a key part. */
const HIGHEST = '\uffff';

const closed = (lower: string[], upper: string[]): KeyRange => ({
	lower,
	upper,
	upperOpen: false
});

/** Ranges over an index that leads with a code and is followed by the centre. */
function byCodeAndCentre(index: ListRowIndex, codes: readonly string[], centre: string): IndexPlan {
	return {
		index,
		ranges: codes.map((code) =>
			centre ? closed([code, centre], [code, centre]) : closed([code, LOWEST], [code, HIGHEST])
		)
	};
}

/** Ranges over centre, system status and required end (overdue: open, ending before today). */
function byStatusAndEnd(selection: ListSelection, today: string): IndexPlan | undefined {
	const { centre, endFrom, endTo, overdue } = selection;
	const hasEnd = endFrom !== '' || endTo !== '' || overdue;
	if (!centre || (selection.statuses.length === 0 && !hasEnd)) return undefined;
	let statuses: readonly SystemStatus[] =
		selection.statuses.length > 0 ? selection.statuses : SYSTEM_STATUSES;
	if (overdue) statuses = statuses.filter((status) => status !== 'NOCO');
	const before = overdue && (!endTo || today <= endTo);
	const upperEnd = before ? today : endTo || HIGHEST;
	return {
		index: '[centre+systemStatus+requiredEnd]',
		ranges: statuses.map((status) => ({
			lower: [centre, status, endFrom || LOWEST],
			upper: [centre, status, upperEnd],
			upperOpen: before
		}))
	};
}

/**
 * The index plan of a selection: its most selective indexed criterion (person responsible, main
 * work centre, user status, then centre with system status and required end), or undefined when
 * none applies (the whole device or centre). The rows in the ranges are a superset of what the
 * selection finds: the selection itself is then applied to them.
 */
export function indexPlan(selection: ListSelection, today: string): IndexPlan | undefined {
	const { centre } = selection;
	if (selection.responsible) {
		return byCodeAndCentre('[responsible+centre]', [selection.responsible], centre);
	}
	if (selection.workCentre) {
		return byCodeAndCentre('[mainWorkCentre+centre]', [selection.workCentre], centre);
	}
	if (selection.userStatuses.length > 0) {
		return byCodeAndCentre('[userStatus+centre]', selection.userStatuses, centre);
	}
	return byStatusAndEnd(selection, today);
}
