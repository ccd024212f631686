import Dexie, { type EntityTable } from 'dexie';

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

	constructor(name = DB_NAME) {
		super(name);
		// v1 (foundation): device identity and preferences.
		this.version(1).stores({ settings: 'key' });
		// v2: form drafts that survive reloads and updates.
		this.version(2).stores({ drafts: 'key, savedAt' });
	}
}

/** The database of this browser profile. */
export const db = new AppDB();
