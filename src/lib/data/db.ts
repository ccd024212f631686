import Dexie, { type EntityTable, type Table } from 'dexie';
import type { MasterKind, MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';

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
