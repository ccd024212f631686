import { db } from './db';
import { listVersion } from './list-meta';
import {
	LIST_VERSION_KEY,
	PENDING_ROWS_PREFIX,
	OVERVIEW_TALLY_KEY,
	OVERVIEW_TALLY_VERSION_KEY,
	type StoredTally
} from './projection';
import type { ListCustomer } from '../domain/list-index';
import { toListRowLoosely, type ListRow } from '../domain/list-row';
import type { Notification } from '../domain/notification';
import type { IndexPlan } from '../domain/list-plan';
import type { Overview, OverviewOptions } from '../domain/overview';
import { currentTimeZone, type OverviewTally } from '../domain/overview-tally';
import { newestUrgent, overviewFromTally } from '../domain/tally-overview';

/** How many list rows there are. */
export function countListRows(): Promise<number> {
	return db.listRows.count();
}

/**
 * Writes the list rows a large import left pending (`deferListRows`), one part (a thousand
 * numbers) per transaction: each notification's row as it is stored now, a row removed where
 * its notification is gone, the part's numbers deleted and the change counter raised in the same
 * transaction (so a snapshot or tally of the rows before is never taken for current). Safe to run
 * in two tabs at once: a part another tab wrote is skipped. Reports the numbers done of all.
 */
export async function completePendingRows(
	onProgress?: (done: number, total: number) => void
): Promise<number> {
	const range = db.listMeta.where('key').startsWith(PENDING_ROWS_PREFIX);
	const parts = await range.toArray();
	const total = parts.reduce((sum, part) => sum + (part.value as string[]).length, 0);
	let done = 0;
	for (const part of parts) {
		const numbers = part.value as string[];
		await db.transaction('rw', [db.notifications, db.listRows, db.listMeta], async () => {
			if (!(await db.listMeta.get(part.key))) return;
			const stored = await db.notifications.bulkGet(numbers);
			const present = stored.filter((record): record is Notification => record !== undefined);
			await db.listRows.bulkPut(present.map(toListRowLoosely));
			const gone = numbers.filter((_, index) => stored[index] === undefined);
			if (gone.length > 0) await db.listRows.bulkDelete(gone);
			await db.listMeta.delete(part.key);
			await db.listMeta.put({ key: LIST_VERSION_KEY, value: (await listVersion()) + 1 });
			await db.listMeta.bulkDelete([OVERVIEW_TALLY_KEY, OVERVIEW_TALLY_VERSION_KEY]);
		});
		done += numbers.length;
		onProgress?.(done, total);
	}
	return total;
}

/** The next chunk of list rows after a number (key order): the list loads page by key range. */
export function readListRowsAfter(after: string | undefined, limit: number): Promise<ListRow[]> {
	const range =
		after === undefined ? db.listRows.orderBy('number') : db.listRows.where('number').above(after);
	return range.limit(limit).toArray();
}

/**
 * The rows in the key ranges of an index plan (a superset of what its selection finds), read by
 * key range; undefined when they are more than `limit` (counted first, nothing read), so that a
 * broad selection waits for the whole load instead of reading most rows twice.
 */
export async function readListRowsByPlan(
	plan: IndexPlan,
	limit: number
): Promise<ListRow[] | undefined> {
	return db.transaction('r', db.listRows, async () => {
		const ranges = plan.ranges.map((range) =>
			db.listRows.where(plan.index).between(range.lower, range.upper, true, !range.upperOpen)
		);
		let total = 0;
		for (const range of ranges) {
			total += await range.count();
			if (total > limit) return undefined;
		}
		const found = new Map<string, ListRow>();
		for (const range of ranges) for (const row of await range.toArray()) found.set(row.number, row);
		return [...found.values()];
	});
}

/** The list rows of some numbers; a deleted one comes back as undefined. */
export function readListRows(numbers: readonly string[]): Promise<(ListRow | undefined)[]> {
	return db.listRows.bulkGet([...numbers]);
}

/** The customers as the list shows and searches them. */
export async function readListCustomers(): Promise<Map<string, ListCustomer>> {
	const customers = await db.masterData.where('kind').equals('customer').toArray();
	return new Map(
		customers.map((customer) => [
			customer.code,
			{
				name: customer.name,
				address: customer.address,
				phone: customer.phone,
				locations: new Map(
					customer.functionalLocations.map((location) => [location.code, location.address])
				)
			}
		])
	);
}

const SNAPSHOT_KEY = 'snapshot';
/** The change counter of the stored snapshot, apart from it: a stale snapshot is never read. */
const SNAPSHOT_VERSION_KEY = 'snapshotVersion';

interface Snapshot {
	version: number;
	/** The rows as one JSON text: read back as one string, far faster than 100,000 records. */
	json: string;
}

/**
 * The rows as the last snapshot holds them, if it was taken at the current change counter; else
 * undefined (no snapshot yet, or data changed since), and the rows must be read in chunks.
 */
export async function readListSnapshot(): Promise<ListRow[] | undefined> {
	const found = await db.transaction('r', db.listMeta, async () => {
		const version = await listVersion();
		if ((await db.listMeta.get(SNAPSHOT_VERSION_KEY))?.value !== version) return undefined;
		const snapshot = (await db.listMeta.get(SNAPSHOT_KEY))?.value as Snapshot | undefined;
		return snapshot && snapshot.version === version ? snapshot : undefined;
	});
	if (!found) return undefined;
	try {
		return JSON.parse(found.json) as ListRow[];
	} catch {
		return undefined;
	}
}

/**
 * Takes a snapshot of every list row with the change counter they belong to, read in one
 * transaction (so the two agree), and stores it for the next start.
 */
export async function saveListSnapshot(): Promise<void> {
	const { rows, version } = await db.transaction('r', [db.listRows, db.listMeta], async () => ({
		rows: await db.listRows.toArray(),
		version: await listVersion()
	}));
	await saveListSnapshotOf(rows, version);
}

/**
 * Stores rows already in memory as the snapshot at change counter `version` (the list Worker's,
 * after it read them all at that counter), unless the rows changed since; so the Worker need not
 * read 100,000 rows a second time to take it. Returns whether it was stored.
 */
export async function saveListSnapshotOf(
	rows: readonly ListRow[],
	version: number
): Promise<boolean> {
	const snapshot: Snapshot = { version, json: JSON.stringify(rows) };
	return db.transaction('rw', db.listMeta, async () => {
		if ((await listVersion()) !== version) return false;
		await db.listMeta.bulkPut([
			{ key: SNAPSHOT_KEY, value: snapshot },
			{ key: SNAPSHOT_VERSION_KEY, value: version }
		]);
		return true;
	});
}

/**
 * The overview's figures from the stored tally, when it is current (taken at the current change
 * counter, in this device's time zone): one small read, whatever the number of notifications.
 * Undefined when there is none or it is behind: the list Worker counts from the rows then.
 */
export function readOverviewFromTally(options: OverviewOptions): Promise<Overview | undefined> {
	return db.transaction('r', [db.listMeta, db.listRows], async () => {
		if (!(await isTallyCurrent())) return undefined;
		const stored = (await db.listMeta.get(OVERVIEW_TALLY_KEY))?.value as StoredTally | undefined;
		if (!stored || stored.tally.timeZone !== currentTimeZone()) return undefined;
		const { numbers } = newestUrgent(stored.tally, options.centre ?? '');
		const urgent = await db.listRows.bulkGet(numbers);
		return overviewFromTally(stored.tally, options, urgent);
	});
}

/** Whether the stored tally is at the current change counter (read inside a transaction). */
async function isTallyCurrent(): Promise<boolean> {
	const at = (await db.listMeta.get(OVERVIEW_TALLY_VERSION_KEY))?.value;
	return at !== undefined && at === (await listVersion());
}

/** Whether a current tally is stored (one at the current change counter, in this time zone). */
export async function hasCurrentTally(): Promise<boolean> {
	return db.transaction('r', db.listMeta, async () => {
		if (!(await isTallyCurrent())) return false;
		const stored = (await db.listMeta.get(OVERVIEW_TALLY_KEY))?.value as StoredTally | undefined;
		return stored?.tally.timeZone === currentTimeZone();
	});
}

/**
 * Stores a tally counted from the rows as they were at change counter `version`, unless the rows
 * changed since (then it would be wrong, and it is left to the next count). From then on every
 * write keeps it in step (data/projection.ts). Returns whether it was stored.
 */
export function saveOverviewTally(tally: OverviewTally, version: number): Promise<boolean> {
	return db.transaction('rw', db.listMeta, async () => {
		if ((await listVersion()) !== version) return false;
		const value: StoredTally = { tally };
		await db.listMeta.bulkPut([
			{ key: OVERVIEW_TALLY_KEY, value },
			{ key: OVERVIEW_TALLY_VERSION_KEY, value: version }
		]);
		return true;
	});
}
