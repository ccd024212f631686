import Dexie, {
	type DBCore,
	type DBCoreMutateRequest,
	type DBCoreTransaction,
	type Middleware
} from 'dexie';
import { toListRowLoosely, type ListRow } from '../domain/list-row';
import type { Notification } from '../domain/notification';
import {
	currentTimeZone,
	tallyRow,
	tallySignature,
	type OverviewTally
} from '../domain/overview-tally';

/** The table of list rows (the lean projection of every notification). */
export const LIST_ROWS_TABLE = 'listRows';

/** The table of the list's change counter and snapshot. */
export const LIST_META_TABLE = 'listMeta';

/** The key of the change counter in the list meta table. */
export const LIST_VERSION_KEY = 'version';

/**
 * The key of the overview's tally in the list meta table: `{ tally }`, the counts of the list rows
 * (see `domain/overview-tally`), a few hundred KB at 100,000 notifications.
 */
export const OVERVIEW_TALLY_KEY = 'overviewTally';

/**
 * The key of the change counter the tally is current at, apart from the tally: a write that
 * changes nothing the tally counts (most edits) moves only this small record.
 */
export const OVERVIEW_TALLY_VERSION_KEY = 'overviewTallyVersion';

/**
 * The key prefix of the numbers whose list rows a large import left to be written after it
 * (`deferListRows`): `pendingRows:<change counter>:<part>` → the numbers of one `bulkPut`.
 */
export const PENDING_ROWS_PREFIX = 'pendingRows:';

/** The transactions whose notifications' list rows are written afterwards (`deferListRows`). */
const deferring = new WeakSet<DBCoreTransaction>();

/** How many parts of pending numbers each deferring transaction stored so far. */
const pendingParts = new WeakMap<DBCoreTransaction, number>();

/**
 * Leaves the list rows of the notifications the current transaction writes to be written after
 * it commits, by `completePendingRows` (the list Worker runs it before it loads the rows). For an
 * import of many thousands: writing the rows beside the records would cost it half again as long
 * (docs/architecture.md, "Import"). The numbers are stored in the same transaction as the
 * records (`PENDING_ROWS_PREFIX`), so none is forgotten, whenever the tab is closed; the
 * overview's tally is dropped and counted afresh. Called inside a read-write transaction over
 * the notifications, before it writes them.
 */
export function deferListRows(): void {
	const trans = Dexie.currentTransaction?.idbtrans as unknown as DBCoreTransaction | undefined;
	if (!trans) throw new Error('deferListRows needs a transaction');
	deferring.add(trans);
}

/** The key of one part of pending numbers: ordered by change counter, then part. */
function pendingKey(version: number, part: number): string {
	return `${PENDING_ROWS_PREFIX}${String(version).padStart(12, '0')}:${String(part).padStart(6, '0')}`;
}

/** The overview tally as stored. */
export interface StoredTally {
	tally: OverviewTally;
}

/** The change counter each transaction raised it to (raised once per transaction). */
const bumped = new WeakMap<DBCoreTransaction, Promise<number>>();

/** The channel on which a committed change of notifications or master data is announced. */
export const LIST_CHANNEL = 'shouhou-list';

/** What the channel carries: the numbers written or deleted, or `all` for a large or ranged change. */
export type ListChange =
	{ kind: 'notifications'; numbers: string[] } | { kind: 'all' } | { kind: 'masterData' };

/** Above this many records in one transaction, listeners reload instead of reading each one. */
const MANY = 2000;

/** The work after the last write of each transaction (the next write's follows it). */
const following = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/** The transactions that updated the tally already (it is at their raised counter then). */
const tallied = new WeakSet<DBCoreTransaction>();

const pending = new WeakMap<
	DBCoreTransaction,
	{ numbers: Set<string>; all: boolean; master: boolean }
>();

let channel: BroadcastChannel | undefined;
const localListeners = new Set<(change: ListChange) => void>();

/** Listens to committed changes made in this page (other pages and Workers hear the channel). */
export function onLocalListChange(listener: (change: ListChange) => void): () => void {
	localListeners.add(listener);
	return () => localListeners.delete(listener);
}

function announce(change: ListChange): void {
	for (const listener of localListeners) listener(change);
	if (typeof BroadcastChannel === 'undefined') return;
	channel ??= new BroadcastChannel(LIST_CHANNEL);
	channel.postMessage(change);
}

/** Collects what a transaction changed and announces it once, when (and only if) it commits. */
function note(
	trans: DBCoreTransaction,
	change: (entry: { numbers: Set<string>; all: boolean; master: boolean }) => void
): void {
	let entry = pending.get(trans);
	if (!entry) {
		entry = { numbers: new Set(), all: false, master: false };
		pending.set(trans, entry);
		const idb = trans as unknown as Partial<IDBTransaction>;
		const settled = entry;
		const flush = () => {
			if (settled.master) announce({ kind: 'masterData' });
			if (settled.all || settled.numbers.size > MANY) announce({ kind: 'all' });
			else if (settled.numbers.size > 0)
				announce({ kind: 'notifications', numbers: [...settled.numbers] });
		};
		if (typeof idb.addEventListener === 'function') idb.addEventListener('complete', flush);
		else queueMicrotask(flush);
	}
	change(entry);
}

/**
 * Keeps the list projection in step with the notifications: every write of the notifications
 * table, by whichever function of the data layer, writes the rows' projection in the same
 * transaction (a read-write transaction over notifications always includes the list rows), so the
 * list can never show what is not stored, nor miss what is. Committed changes are announced on a
 * BroadcastChannel, which the list Worker and other tabs hear.
 */
export const projectionMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'listProjection',
	create(down) {
		return {
			...down,
			transaction(stores, mode, options) {
				const scope =
					mode === 'readwrite' && stores.includes('notifications')
						? [...new Set([...stores, LIST_ROWS_TABLE, LIST_META_TABLE])]
						: stores;
				return down.transaction(scope, mode, options);
			},
			table(name) {
				const table = down.table(name);
				if (name === 'masterData') {
					return {
						...table,
						async mutate(req: DBCoreMutateRequest) {
							const result = await table.mutate(req);
							note(req.trans, (entry) => (entry.master = true));
							return result;
						}
					};
				}
				if (name !== 'notifications') return table;
				// Looked up when writing: during an upgrade from before v5 the table does not exist yet.
				const rows = () => down.table(LIST_ROWS_TABLE);
				// Raises the change counter once per transaction: a snapshot of the rows taken at
				// another counter is stale. Returns the counter as raised.
				const bump = (trans: DBCoreTransaction): Promise<number> => {
					// Kept as a promise: two writes of one transaction in flight at once raise it once.
					let raised = bumped.get(trans);
					if (raised) return raised;
					const meta = down.table(LIST_META_TABLE);
					raised = (async () => {
						const current = (await meta.get({ trans, key: LIST_VERSION_KEY })) as
							{ value: number } | undefined;
						const version = (current?.value ?? 0) + 1;
						await meta.mutate({
							type: 'put',
							trans,
							values: [{ key: LIST_VERSION_KEY, value: version }]
						});
						return version;
					})();
					bumped.set(trans, raised);
					return raised;
				};
				// Keeps the overview's tally in step in the same transaction: the old rows out, the
				// new rows in, and its change counter moved on. A write that changes nothing the
				// tally counts moves only the counter. A large or ranged change drops the tally
				// instead (the list Worker counts it afresh from the rows it reloads anyway), so an
				// import pays nothing here.
				const follow = async (
					trans: DBCoreTransaction,
					version: number,
					keys: readonly string[],
					written: readonly ListRow[] | 'range'
				) => {
					const meta = down.table(LIST_META_TABLE);
					const at = (await meta.get({ trans, key: OVERVIEW_TALLY_VERSION_KEY })) as
						{ value: number } | undefined;
					if (!at) return;
					const drop = () =>
						meta.mutate({
							type: 'delete',
							trans,
							keys: [OVERVIEW_TALLY_KEY, OVERVIEW_TALLY_VERSION_KEY]
						});
					const many = (pending.get(trans)?.numbers.size ?? 0) + keys.length > MANY;
					const previous = version - 1 + (tallied.has(trans) ? 1 : 0);
					if (written === 'range' || many || at.value !== previous) return drop();
					const old = (await rows().getMany({ trans, keys: [...keys] })) as (ListRow | undefined)[];
					tallied.add(trans);
					const isSame =
						old.length === written.length &&
						old.every((row, i) => row && tallySignature(row) === tallySignature(written[i]!));
					if (!isSame) {
						const stored = (await meta.get({ trans, key: OVERVIEW_TALLY_KEY })) as
							{ value: StoredTally } | undefined;
						const tally = stored?.value.tally;
						if (!tally || tally.timeZone !== currentTimeZone()) return drop();
						for (const row of old) if (row) tallyRow(tally, row, -1);
						for (const row of written) tallyRow(tally, row, 1);
						await meta.mutate({
							type: 'put',
							trans,
							values: [{ key: OVERVIEW_TALLY_KEY, value: { tally } }]
						});
					}
					await meta.mutate({
						type: 'put',
						trans,
						values: [{ key: OVERVIEW_TALLY_VERSION_KEY, value: version }]
					});
				};
				return {
					...table,
					async mutate(req: DBCoreMutateRequest) {
						const result = await table.mutate(req);
						// What follows a write runs one write after the other within a transaction,
						// even when the writes were handed over together: the tally reads and
						// replaces itself, and must see each write once.
						const previous = following.get(req.trans);
						const followed = (async () => {
							if (previous) await previous;
							await afterWrite(req, result);
						})();
						following.set(
							req.trans,
							followed.catch(() => undefined)
						);
						await followed;
						return result;
					}
				};
				async function afterWrite(
					req: DBCoreMutateRequest,
					result: Awaited<ReturnType<typeof table.mutate>>
				): Promise<void> {
					const version = await bump(req.trans);
					if (req.type === 'add' || req.type === 'put') {
						const written = (req.values as Notification[]).filter(
							(_, index) => !(index in result.failures)
						);
						if (written.length > 0 && deferring.has(req.trans)) {
							// The rows come later: the numbers are kept, the tally dropped.
							await follow(req.trans, version, [], 'range');
							const part = (pendingParts.get(req.trans) ?? 0) + 1;
							pendingParts.set(req.trans, part);
							await down.table(LIST_META_TABLE).mutate({
								type: 'put',
								trans: req.trans,
								values: [{ key: pendingKey(version, part), value: written.map((n) => n.number) }]
							});
							note(req.trans, (entry) => (entry.all = true));
						} else if (written.length > 0) {
							const values = written.map(toListRowLoosely);
							await follow(
								req.trans,
								version,
								values.map((row) => row.number),
								values
							);
							await rows().mutate({ type: 'put', trans: req.trans, values });
							note(req.trans, (entry) => {
								for (const record of written) entry.numbers.add(record.number);
							});
						}
					} else if (req.type === 'delete') {
						await follow(req.trans, version, req.keys.map(String), []);
						await rows().mutate({ type: 'delete', trans: req.trans, keys: req.keys });
						note(req.trans, (entry) => {
							for (const key of req.keys) entry.numbers.add(String(key));
						});
					} else {
						await follow(req.trans, version, [], 'range');
						await rows().mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
						note(req.trans, (entry) => (entry.all = true));
					}
				}
			}
		};
	}
};
