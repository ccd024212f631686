import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME } from './db';

afterEach(async () => {
	vi.restoreAllMocks();
	vi.resetModules();
	await Dexie.delete(DB_NAME);
});

describe('issue 14.4: openDatabase after a failing upgrade', () => {
	it('reports upgradeFailed with the stored version, and the data is still there', async () => {
		// The database as version 3 left it.
		const v3 = new Dexie(DB_NAME);
		v3.version(1).stores({ settings: 'key' });
		v3.version(2).stores({ drafts: 'key, savedAt' });
		v3.version(3).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible',
			masterData: '[kind+code], kind'
		});
		await v3.table('notifications').put({ number: '4002-01-000001', centre: '4002' });
		v3.close();
		// The next upgrade makes its change, then throws.
		const createIndex = IDBObjectStore.prototype.createIndex;
		vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<typeof createIndex>
		) {
			createIndex.apply(this, args);
			throw new Error('the upgrade failed half-way');
		});

		const { openDatabase } = await import('./connection.svelte');
		const state = await openDatabase();
		expect(state).toMatchObject({ kind: 'upgradeFailed', storedVersion: 3 });
		expect(state.kind === 'upgradeFailed' && state.reason).toMatch(/failed half-way/);

		vi.restoreAllMocks();
		const stored = new Dexie(DB_NAME);
		await stored.open();
		expect(stored.verno).toBe(3);
		expect(await stored.table('notifications').count()).toBe(1);
		stored.close();
	});

	it('reports unavailable when there is no older database to keep', async () => {
		vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		const { openDatabase } = await import('./connection.svelte');
		expect(await openDatabase()).toMatchObject({ kind: 'unavailable' });
	});
});
