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
 * The numbers that have a list row, read as keys only (one request, no row read). While no rows
 * are pending (`hasPendingRows`) they are exactly the stored notifications.
 */
export async function listedNumbers(): Promise<Set<string>> {
	return new Set((await db.listRows.toCollection().primaryKeys()) as string[]);
}

/**
 * The revision each of these numbers is stored at, as its list row says ('' for a row made before
 * rows kept it); a number without a row is not stored. True only while no rows are pending
 * (`hasPendingRows`): every write of a notification writes its row in the same transaction.
 * `listed` (from `listedNumbers`) spares looking up numbers that have no row at all: a look-up
 * that finds nothing costs as much as one that finds a row (100,000 new numbers: 3.9 s).
 */
export async function storedRevisions(
	numbers: readonly string[],
	listed?: ReadonlySet<string>
): Promise<Map<string, string>> {
	const revisions = new Map<string, string>();
	const present = listed ? numbers.filter((number) => listed.has(number)) : [...numbers];
	if (present.length === 0) return revisions;
	for (const row of await db.listRows.bulkGet(present)) {
		if (row) revisions.set(row.number, row.rev ?? '');
	}
	return revisions;
}
