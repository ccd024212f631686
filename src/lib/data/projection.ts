import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import { toListRowLoosely } from '../domain/list-row';
import type { Notification } from '../domain/notification';

/** The table of list rows (the lean projection of every notification). */
export const LIST_ROWS_TABLE = 'listRows';

/** The table of the list's change counter and snapshot. */
export const LIST_META_TABLE = 'listMeta';

/** The key of the change counter in the list meta table. */
export const LIST_VERSION_KEY = 'version';

/** The transactions whose change counter was raised already. */
const bumped = new WeakSet<DBCoreTransaction>();

/** The channel on which a committed change of notifications or master data is announced. */
export const LIST_CHANNEL = 'shouhou-list';

/** What the channel carries: the numbers written or deleted, or `all` for a large or ranged change. */
export type ListChange =
	{ kind: 'notifications'; numbers: string[] } | { kind: 'all' } | { kind: 'masterData' };

/** Above this many records in one transaction, listeners reload instead of reading each one. */
const MANY = 2000;

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
				// another counter is stale.
				const bump = async (trans: DBCoreTransaction) => {
					if (bumped.has(trans)) return;
					bumped.add(trans);
					const meta = down.table(LIST_META_TABLE);
					const current = (await meta.get({ trans, key: LIST_VERSION_KEY })) as
						{ value: number } | undefined;
					await meta.mutate({
						type: 'put',
						trans,
						values: [{ key: LIST_VERSION_KEY, value: (current?.value ?? 0) + 1 }]
					});
				};
				return {
					...table,
					async mutate(req: DBCoreMutateRequest) {
						const result = await table.mutate(req);
						await bump(req.trans);
						if (req.type === 'add' || req.type === 'put') {
							const written = (req.values as Notification[]).filter(
								(_, index) => !(index in result.failures)
							);
							if (written.length > 0) {
								await rows().mutate({
									type: 'put',
									trans: req.trans,
									values: written.map(toListRowLoosely)
								});
								note(req.trans, (entry) => {
									for (const record of written) entry.numbers.add(record.number);
								});
							}
						} else if (req.type === 'delete') {
							await rows().mutate({ type: 'delete', trans: req.trans, keys: req.keys });
							note(req.trans, (entry) => {
								for (const key of req.keys) entry.numbers.add(String(key));
							});
						} else {
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
