import { isValidIsoDate } from './dates';
import { SYSTEM_STATUSES, type SystemStatus } from './notification';
import { NOTIFICATION_NUMBER_PATTERN } from './numbering';
import { characterCount, shortened } from './text';

/**
 * The selection of the notification list (IW59), as the URL holds it: a reload, a bookmark or a
 * link keeps it. Empty strings and empty lists mean "any".
 */
export interface ListSelection {
	statuses: SystemStatus[];
	numFrom: string;
	numTo: string;
	types: string[];
	createdFrom: string;
	createdTo: string;
	endFrom: string;
	endTo: string;
	userStatuses: string[];
	workCentre: string;
	responsible: string;
	urgent: boolean;
	overdue: boolean;
	/** '0': urgent ones not yet dispatched; '1': dispatched; '': either. */
	dispatched: '' | '0' | '1';
	centre: string;
	q: string;
}

/** The columns of the result list, in their default order. */
export const LIST_COLUMNS = [
	'number',
	'type',
	'description',
	'systemStatus',
	'userStatus',
	'customer',
	'objectAddress',
	'requiredStart',
	'requiredEnd',
	'mainWorkCentre',
	'responsible',
	'age',
	'urgent',
	'centre'
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** The columns shown until the user chooses. */
export const DEFAULT_COLUMNS: readonly ListColumn[] = [
	'number',
	'type',
	'description',
	'systemStatus',
	'userStatus',
	'customer',
	'objectAddress',
	'requiredEnd',
	'responsible',
	'age',
	'urgent',
	'centre'
];

export type SortDirection = 'asc' | 'desc';

export interface ListSort {
	column: ListColumn;
	direction: SortDirection;
}

/** Urgent first (SPEC §2.3: urgent work is dispatched at once), then the newest number. */
export const DEFAULT_SORT: ListSort = { column: 'urgent', direction: 'desc' };

/** The open system statuses: everything but completed. */
export const OPEN_STATUSES: readonly SystemStatus[] = ['OSNO', 'NOPR', 'NOPO'];

/** The longest free text a search takes, in characters. */
export const MAX_SEARCH_LENGTH = 100;

export function emptySelection(): ListSelection {
	return {
		statuses: [],
		numFrom: '',
		numTo: '',
		types: [],
		createdFrom: '',
		createdTo: '',
		endFrom: '',
		endTo: '',
		userStatuses: [],
		workCentre: '',
		responsible: '',
		urgent: false,
		overdue: false,
		dispatched: '',
		centre: '',
		q: ''
	};
}

/** Why one criterion of a URL was not applied; the rest of the selection is. */
export interface SelectionProblem {
	/** The URL parameter, e.g. `status`, `createdFrom`. */
	criterion: string;
	code: 'unknownValue' | 'invalidDate' | 'reversedRange' | 'invalidNumber' | 'tooLong';
	value: string;
}

/** A selection, sort and column layout read from a URL, with what could not be applied. */
export interface ListQuery {
	selection: ListSelection;
	sort: ListSort;
	columns: ListColumn[];
	problems: SelectionProblem[];
}

const CODE = /^[0-9A-Za-z_.-]{1,20}$/;
const USER_STATUS = /^[0-9A-Z]{2,8}$/;

function isColumn(value: string): value is ListColumn {
	return (LIST_COLUMNS as readonly string[]).includes(value);
}

function isStatus(value: string): value is SystemStatus {
	return (SYSTEM_STATUSES as readonly string[]).includes(value);
}

/** Reads a list URL's parameters. Nonsense never blanks the list: it is named and left out. */
export function parseListQuery(params: URLSearchParams): ListQuery {
	const selection = emptySelection();
	const problems: SelectionProblem[] = [];
	const refuse = (criterion: string, code: SelectionProblem['code'], value: string) =>
		problems.push({ criterion, code, value: shortened(value, 40) });

	for (const value of params.getAll('status')) {
		if (isStatus(value)) {
			if (!selection.statuses.includes(value)) selection.statuses.push(value);
		} else refuse('status', 'unknownValue', value);
	}
	for (const value of params.getAll('type')) {
		if (CODE.test(value)) {
			if (!selection.types.includes(value)) selection.types.push(value);
		} else refuse('type', 'unknownValue', value);
	}
	for (const value of params.getAll('userStatus')) {
		if (USER_STATUS.test(value)) {
			if (!selection.userStatuses.includes(value)) selection.userStatuses.push(value);
		} else refuse('userStatus', 'unknownValue', value);
	}
	for (const key of ['numFrom', 'numTo'] as const) {
		const value = params.get(key);
		if (value === null || value === '') continue;
		if (NOTIFICATION_NUMBER_PATTERN.test(value)) selection[key] = value;
		else refuse(key, 'invalidNumber', value);
	}
	for (const key of ['createdFrom', 'createdTo', 'endFrom', 'endTo'] as const) {
		const value = params.get(key);
		if (value === null || value === '') continue;
		if (isValidIsoDate(value)) selection[key] = value;
		else refuse(key, 'invalidDate', value);
	}
	for (const [from, to] of [
		['numFrom', 'numTo'],
		['createdFrom', 'createdTo'],
		['endFrom', 'endTo']
	] as const) {
		if (selection[from] && selection[to] && selection[to] < selection[from]) {
			refuse(to, 'reversedRange', `${selection[from]} – ${selection[to]}`);
			selection[from] = '';
			selection[to] = '';
		}
	}
	for (const key of ['workCentre', 'responsible', 'centre'] as const) {
		const value = params.get(key);
		if (value === null || value === '') continue;
		if (CODE.test(value)) selection[key] = value;
		else refuse(key, 'unknownValue', value);
	}
	for (const key of ['urgent', 'overdue'] as const) {
		const value = params.get(key);
		if (value === null || value === '' || value === '0') continue;
		if (value === '1') selection[key] = true;
		else refuse(key, 'unknownValue', value);
	}
	const dispatched = params.get('dispatched');
	if (dispatched === '0' || dispatched === '1') selection.dispatched = dispatched;
	else if (dispatched) refuse('dispatched', 'unknownValue', dispatched);
	const q = (params.get('q') ?? '').trim();
	if (characterCount(q) > MAX_SEARCH_LENGTH) refuse('q', 'tooLong', q);
	else selection.q = q;

	const sort = { ...DEFAULT_SORT };
	const sortColumn = params.get('sort');
	if (sortColumn) {
		if (isColumn(sortColumn)) sort.column = sortColumn;
		else refuse('sort', 'unknownValue', sortColumn);
	}
	const direction = params.get('dir');
	if (direction === 'asc' || direction === 'desc') sort.direction = direction;
	else if (direction) refuse('dir', 'unknownValue', direction);

	let columns = [...DEFAULT_COLUMNS];
	const cols = params.get('cols');
	if (cols !== null) {
		const chosen: ListColumn[] = [];
		for (const value of cols.split(',')) {
			if (isColumn(value)) {
				if (!chosen.includes(value)) chosen.push(value);
			} else if (value) refuse('cols', 'unknownValue', value);
		}
		if (chosen.length > 0) columns = chosen;
	}
	return { selection, sort, columns, problems };
}

/**
 * The URL parameters of a selection, sort and column layout; the inverse of `parseListQuery`.
 * Defaults are left out, so a plain list has a plain URL.
 */
export function listQueryParams(
	selection: ListSelection,
	sort: ListSort = DEFAULT_SORT,
	columns: readonly ListColumn[] = DEFAULT_COLUMNS
): URLSearchParams {
	const params = new URLSearchParams();
	for (const status of selection.statuses) params.append('status', status);
	if (selection.numFrom) params.set('numFrom', selection.numFrom);
	if (selection.numTo) params.set('numTo', selection.numTo);
	for (const type of selection.types) params.append('type', type);
	for (const key of ['createdFrom', 'createdTo', 'endFrom', 'endTo'] as const) {
		if (selection[key]) params.set(key, selection[key]);
	}
	for (const status of selection.userStatuses) params.append('userStatus', status);
	for (const key of ['workCentre', 'responsible'] as const) {
		if (selection[key]) params.set(key, selection[key]);
	}
	if (selection.urgent) params.set('urgent', '1');
	if (selection.overdue) params.set('overdue', '1');
	if (selection.dispatched) params.set('dispatched', selection.dispatched);
	if (selection.centre) params.set('centre', selection.centre);
	if (selection.q) params.set('q', selection.q);
	if (sort.column !== DEFAULT_SORT.column || sort.direction !== DEFAULT_SORT.direction) {
		params.set('sort', sort.column);
		params.set('dir', sort.direction);
	}
	if (columns.join(',') !== DEFAULT_COLUMNS.join(',')) params.set('cols', columns.join(','));
	return params;
}

/** The list's path for a selection (and optionally a sort and columns). */
export function listHref(
	selection: Partial<ListSelection>,
	sort?: ListSort,
	columns?: readonly ListColumn[]
): string {
	const query = listQueryParams({ ...emptySelection(), ...selection }, sort, columns).toString();
	return `/notifications${query ? `?${query}` : ''}`;
}
