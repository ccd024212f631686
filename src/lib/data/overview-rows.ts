import { db } from './db';
import { toListRow, type ListRow } from '../domain/list-row';

/**
 * The list rows the overview counts, of one centre or all: for now projected here from the stored
 * notifications, one record at a time (never an array of whole documents). The list's own
 * projection and Worker take this over (issue 9).
 */
export async function readOverviewRows(centre = ''): Promise<ListRow[]> {
	const rows: ListRow[] = [];
	const source = centre ? db.notifications.where('centre').equals(centre) : db.notifications;
	await source.each((notification) => {
		rows.push(toListRow(notification));
	});
	return rows;
}
