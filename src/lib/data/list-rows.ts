import { db } from './db';
import { LIST_VERSION_KEY } from './projection';
import type { ListCustomer } from '../domain/list-index';
import type { ListRow } from '../domain/list-row';
import type { IndexPlan } from '../domain/list-plan';

/** How many list rows there are. */
export function countListRows(): Promise<number> {
	return db.listRows.count();
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

interface Snapshot {
	version: number;
	/** The rows as one JSON text: read back as one string, far faster than 100,000 records. */
	json: string;
}

/** The change counter of the list rows (raised by every transaction that writes notifications). */
async function listVersion(): Promise<number> {
	return Number((await db.listMeta.get(LIST_VERSION_KEY))?.value ?? 0);
}

/**
 * The rows as the last snapshot holds them, if it was taken at the current change counter; else
 * undefined (no snapshot yet, or data changed since), and the rows must be read in chunks.
 */
export async function readListSnapshot(): Promise<ListRow[] | undefined> {
	const found = await db.transaction('r', db.listMeta, async () => {
		const snapshot = (await db.listMeta.get(SNAPSHOT_KEY))?.value as Snapshot | undefined;
		return snapshot && snapshot.version === (await listVersion()) ? snapshot : undefined;
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
	const snapshot: Snapshot = { version, json: JSON.stringify(rows) };
	await db.listMeta.put({ key: SNAPSHOT_KEY, value: snapshot });
}
