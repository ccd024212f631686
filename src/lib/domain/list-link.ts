import type { SystemStatus } from './notification';

/** The system statuses of an open notification: outstanding, in process, postponed. */
export const OPEN_STATUSES: readonly SystemStatus[] = ['OSNO', 'NOPR', 'NOPO'];

/**
 * A selection of the notification list (IW59) as the list's URL carries it. Every member is
 * optional; an absent or empty one selects everything. Dates are `YYYY-MM-DD`; `createdFrom` and
 * `createdTo` compare with the notification date (the local calendar day of `createdAt`),
 * `endFrom` and `endTo` with the required end.
 */
export interface ListSelection {
	status?: readonly SystemStatus[];
	numFrom?: string;
	numTo?: string;
	type?: readonly string[];
	createdFrom?: string;
	createdTo?: string;
	endFrom?: string;
	endTo?: string;
	userStatus?: readonly string[];
	workCentre?: string;
	responsible?: string;
	/** Only urgent notifications (`urgent=1`); false or absent: all. */
	urgent?: boolean;
	/** Only overdue ones (`overdue=1`): required end before today, not completed. */
	overdue?: boolean;
	/** `dispatched=1` or `dispatched=0`: whether the person responsible was told (urgent dispatch). */
	dispatched?: boolean;
	centre?: string;
	q?: string;
}

/** The list's path. */
export const LIST_PATH = '/notifications';

/**
 * The query string of a selection, without `?`, its parameters always in one order (so equal
 * selections give equal links): repeatable ones once per value, empty ones left out.
 */
export function listQuery(selection: ListSelection): string {
	const params = new URLSearchParams();
	const single = (key: string, value: string | undefined) => {
		if (value !== undefined && value !== '') params.append(key, value);
	};
	const each = (key: string, values: readonly string[] | undefined) => {
		for (const value of values ?? []) single(key, value);
	};
	each('status', selection.status);
	single('numFrom', selection.numFrom);
	single('numTo', selection.numTo);
	each('type', selection.type);
	single('createdFrom', selection.createdFrom);
	single('createdTo', selection.createdTo);
	single('endFrom', selection.endFrom);
	single('endTo', selection.endTo);
	each('userStatus', selection.userStatus);
	single('workCentre', selection.workCentre);
	single('responsible', selection.responsible);
	if (selection.urgent) params.append('urgent', '1');
	if (selection.overdue) params.append('overdue', '1');
	if (selection.dispatched !== undefined)
		params.append('dispatched', selection.dispatched ? '1' : '0');
	single('centre', selection.centre);
	single('q', selection.q);
	return params.toString();
}

/** The link to the list showing a selection, e.g. `/notifications?status=OSNO&urgent=1`. */
export function listHref(selection: ListSelection): string {
	const query = listQuery(selection);
	return query ? `${LIST_PATH}?${query}` : LIST_PATH;
}
