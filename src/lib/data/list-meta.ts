import { db } from './db';
import { LIST_VERSION_KEY, PENDING_ROWS_PREFIX } from './projection';

// What the import and the list Worker both ask of the list's bookkeeping, apart from the rest of
// `list-rows.ts`, so that the exchange pages do not carry the list Worker's reading code.

/** The change counter of the list rows (raised by every transaction that writes notifications). */
export async function listVersion(): Promise<number> {
	return Number((await db.listMeta.get(LIST_VERSION_KEY))?.value ?? 0);
}

/** Whether some list rows are still to be written after a large import (`completePendingRows`). */
export async function hasPendingRows(): Promise<boolean> {
	return (await db.listMeta.where('key').startsWith(PENDING_ROWS_PREFIX).count()) > 0;
}

/**
 * The revision each of these numbers is stored at, as its list row says ('' for a row made before
 * rows kept it); a number without a row is not stored. True only while no rows are pending
 * (`hasPendingRows`): every write of a notification writes its row in the same transaction.
 */
export async function storedRevisions(numbers: readonly string[]): Promise<Map<string, string>> {
	const revisions = new Map<string, string>();
	for (const row of await db.listRows.bulkGet([...numbers])) {
		if (row) revisions.set(row.number, row.rev ?? '');
	}
	return revisions;
}
