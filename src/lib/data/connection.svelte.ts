import { db, onUpgradeProgress, storedVersion, type UpgradeProgress } from './db';

/** What the app knows about its database connection. */
export type ConnectionState =
	| { kind: 'opening' }
	| { kind: 'open' }
	| { kind: 'unavailable'; reason: string }
	| { kind: 'upgradeFailed'; storedVersion: number; reason: string }
	| { kind: 'versionchange' }
	| { kind: 'deleted' }
	| { kind: 'blocked' };

const connection = $state<{ current: ConnectionState }>({ current: { kind: 'opening' } });

const upgrade = $state<{ current: UpgradeProgress | undefined }>({ current: undefined });
onUpgradeProgress((progress) => (upgrade.current = progress));

/** How far a schema upgrade has come while the database opens (reactive), or undefined. */
export function getUpgradeProgress(): UpgradeProgress | undefined {
	return upgrade.current;
}

/** The connection state (reactive), shown by the app shell. */
export function getConnection(): ConnectionState {
	return connection.current;
}

let opening: Promise<ConnectionState> | undefined;

/**
 * Opens the database once. When IndexedDB cannot be used (private mode, disabled, blocked) the
 * state says so, so the app can tell the user that nothing can be saved instead of pretending;
 * when the upgrade to this version fails, the state says that instead (`upgradeFailed`).
 */
export function openDatabase(): Promise<ConnectionState> {
	opening ??= (async () => {
		// Another tab opened a newer schema, or deleted the database (newVersion null): close ours
		// so it can go on, and say which. Closed, the connection refuses every later write.
		db.on('versionchange', (event: IDBVersionChangeEvent) => {
			db.close();
			connection.current =
				event.newVersion === null ? { kind: 'deleted' } : { kind: 'versionchange' };
			return false;
		});
		// Our upgrade waits for another tab that keeps the old version open.
		db.on('blocked', () => {
			connection.current = { kind: 'blocked' };
		});
		try {
			if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
			await db.open();
			connection.current = { kind: 'open' };
		} catch (error) {
			const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			// An upgrade that threw is rolled back: the data is still there at its older version.
			// Say so and offer its export; never delete the database to get going again.
			const stored = await storedVersion();
			connection.current =
				stored > 0 && stored < db.verno
					? { kind: 'upgradeFailed', storedVersion: stored, reason }
					: { kind: 'unavailable', reason };
		}
		return connection.current;
	})();
	return opening;
}
