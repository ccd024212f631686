import Dexie, { type EntityTable, type Table } from 'dexie';
import type { MasterKind, MasterRecord } from '../domain/master-data';
import type { ListRow } from '../domain/list-row';
import { toListRowLoosely } from '../domain/list-row';
import { LIST_ROW_INDEXES } from '../domain/list-plan';
import type { Notification } from '../domain/notification';
import type { LinkedRecord } from '../domain/records/record';
import { projectionMiddleware } from './projection';

/** One key–value row of device settings (identity, preferences, counters). */
export interface SettingRow {
	key: string;
	value: unknown;
}

/** A form kept while it is being typed, so a reload, crash or update loses nothing. */
export interface DraftRow {
	/** Which form, e.g. `notification:new` or `notification:4002-01-000001`. */
	key: string;
	value: unknown;
	savedAt: string;
	/** The page (tab) that wrote it: a save in one tab must not delete another tab's draft. */
	owner?: string;
}

/** An image kept once per content (signature, photo), keyed by the SHA-256 of its bytes. */
export interface ImageRow {
	sha256: string;
	blob: Blob;
	type: 'image/jpeg' | 'image/png';
	bytes: number;
}

/** How many records an upgrade reads and writes at a time. */
const UPGRADE_CHUNK = 2000;

/** How far a schema upgrade has come, for a progress bar instead of a frozen tab. */
export interface UpgradeProgress {
	done: number;
	total: number;
}

const upgradeListeners = new Set<(progress: UpgradeProgress) => void>();

/** Listens to the progress of a schema upgrade of this page's database. */
export function onUpgradeProgress(listener: (progress: UpgradeProgress) => void): () => void {
	upgradeListeners.add(listener);
	return () => upgradeListeners.delete(listener);
}

function reportUpgrade(progress: UpgradeProgress): void {
	for (const listener of upgradeListeners) listener(progress);
}

/** The name of the IndexedDB database on every device. */
export const DB_NAME = 'shouhou';

/**
 * The app's only database. Versions are only ever added, never edited once released: each
 * upgrade has a test that opens a database written by the version before it.
 */
export class AppDB extends Dexie {
	settings!: EntityTable<SettingRow, 'key'>;
	drafts!: EntityTable<DraftRow, 'key'>;
	notifications!: EntityTable<Notification, 'number'>;
	masterData!: Table<MasterRecord, [MasterKind, string]>;
	listRows!: EntityTable<ListRow, 'number'>;
	listMeta!: EntityTable<SettingRow, 'key'>;
	records!: EntityTable<LinkedRecord, 'id'>;
	images!: EntityTable<ImageRow, 'sha256'>;

	constructor(name = DB_NAME) {
		super(name);
		// v1 (foundation): device identity and preferences.
		this.version(1).stores({ settings: 'key' });
		// v2: form drafts that survive reloads and updates.
		this.version(2).stores({ drafts: 'key, savedAt' });
		// v3: notifications (keyed by their number) and master data (keyed by kind and code).
		this.version(3).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible',
			masterData: '[kind+code], kind'
		});
		// v4: the numbers a renumbered notification had (number collisions), to find it by them.
		this.version(4).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible, *formerNumbers'
		});
		// v5: the list projection (IW59), one lean row per notification, built here for a database
		// that has notifications already, in chunks, reporting progress.
		this.version(5)
			.stores({
				// Keyed by number only: selections run in memory in the list Worker (see
				// architecture.md), so secondary indexes would only slow every write.
				listRows: 'number',
				// The list's change counter (`version`, raised by every transaction that writes
				// notifications) and the list Worker's snapshot of the rows at a version.
				listMeta: 'key'
			})
			.upgrade(async (tx) => {
				const notifications = tx.table<Notification, string>('notifications');
				const rows = tx.table<ListRow, string>('listRows');
				const total = await notifications.count();
				let done = 0;
				let last: string | undefined;
				reportUpgrade({ done, total });
				for (;;) {
					const chunk = await (
						last === undefined
							? notifications.orderBy('number')
							: notifications.where('number').above(last)
					)
						.limit(UPGRADE_CHUNK)
						.toArray();
					if (chunk.length === 0) break;
					await rows.bulkPut(chunk.map(toListRowLoosely));
					last = chunk[chunk.length - 1]!.number;
					done += chunk.length;
					reportUpgrade({ done, total });
				}
			});
		// v6: linked records (parts, quote, service form, complaint, invoice, evaluation), each with
		// its own id and revision, and the images they refer to (signatures, photos) by SHA-256.
		this.version(6).stores({
			records: 'id, notification, kind, [notification+kind]',
			images: 'sha256'
		});
		// v7: compound indexes of the list projection, one per selective criterion of the list
		// (domain/list-plan.ts): a selection is read by key range until the list Worker holds every row.
		this.version(7).stores({
			listRows: `number, ${LIST_ROW_INDEXES.join(', ')}`
		});
		this.use(projectionMiddleware);
	}
}

/** The database of this browser profile. */
export const db = new AppDB();

/**
 * The schema version (Dexie's numbering) this browser stores the database at, or 0 when it has
 * none. Read from `indexedDB.databases()`, which opens nothing: after a failed upgrade it tells
 * that the data is still there, at the older version.
 */
export async function storedVersion(name = DB_NAME): Promise<number> {
	try {
		const found = (await indexedDB.databases()).find((info) => info.name === name);
		return (found?.version ?? 0) / 10;
	} catch {
		return 0;
	}
}
