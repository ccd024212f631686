import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
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

/** The overview tally as stored. */
export interface StoredTally {
	tally: OverviewTally;
}

/** The change counter each transaction raised it to (raised once per transaction). */
const bumped = new WeakMap<DBCoreTransaction, number>();

/** The channel on which a committed change of notifications or master data is announced. */
export const LIST_CHANNEL = 'shouhou-list';

/** What the channel carries: the numbers written or deleted, or `all` for a large or ranged change. */
export type ListChange =
	{ kind: 'notifications'; numbers: string[] } | { kind: 'all' } | { kind: 'masterData' };

/** Above this many records in one transaction, listeners reload instead of reading each one. */
const MANY = 2000;

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
				const bump = async (trans: DBCoreTransaction): Promise<number> => {
					const raised = bumped.get(trans);
					if (raised !== undefined) return raised;
					const meta = down.table(LIST_META_TABLE);
					const current = (await meta.get({ trans, key: LIST_VERSION_KEY })) as
						{ value: number } | undefined;
					const version = (current?.value ?? 0) + 1;
					bumped.set(trans, version);
					await meta.mutate({
						type: 'put',
						trans,
						values: [{ key: LIST_VERSION_KEY, value: version }]
					});
					return version;
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
						const version = await bump(req.trans);
						if (req.type === 'add' || req.type === 'put') {
							const written = (req.values as Notification[]).filter(
								(_, index) => !(index in result.failures)
							);
							if (written.length > 0) {
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
						return result;
					}
				};
			}
		};
	}
};
