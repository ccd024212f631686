import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB, storedVersion } from './db';
import { exportStoredDatabase } from './rescue';
import type { MasterRecord } from '../domain/master-data';
import { makeNumbered, readBytes } from '../exchange/test-files';
import { makeRecord } from '../domain/records/test-records';

const SAMPLE_CUSTOMER: MasterRecord = {
	kind: 'customer',
	code: '27',
	name: '申齐保健食品有限公司',
	parent: '',
	address: '上海市',
	phone: '',
	contact: '',
	emailTo: [],
	emailCc: [],
	functionalLocations: [],
	isSample: false
};

const names: string[] = [];

function uniqueName(): string {
	const name = `upgrade-${crypto.randomUUID()}`;
	names.push(name);
	return name;
}

afterEach(async () => {
	await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

describe('AppDB upgrades', () => {
	it('opens a database written by v1 (settings only) and keeps its rows', async () => {
		const name = uniqueName();
		// v1 as released: the foundation's settings table and nothing else.
		const v1 = new Dexie(name);
		v1.version(1).stores({ settings: 'key' });
		await v1.table('settings').put({
			key: 'identity',
			value: { centreCode: '4002', centreName: '上海服务中心', deviceCode: '01' }
		});
		v1.close();

		const db = new AppDB(name);
		await db.open();
		expect(await db.settings.get('identity')).toEqual({
			key: 'identity',
			value: { centreCode: '4002', centreName: '上海服务中心', deviceCode: '01' }
		});
		await db.drafts.put({ key: 'setup', value: { centreName: '草稿' }, savedAt: '2001-03-07' });
		expect(await db.drafts.get('setup')).toMatchObject({ value: { centreName: '草稿' } });
		db.close();
	});

	it('opens a database written by v3 and finds its notifications by a former number', async () => {
		const name = uniqueName();
		const v3 = new Dexie(name);
		v3.version(1).stores({ settings: 'key' });
		v3.version(2).stores({ drafts: 'key, savedAt' });
		v3.version(3).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible',
			masterData: '[kind+code], kind'
		});
		await v3.table('notifications').bulkPut([
			{ number: '4002-01-000001', centre: '4002' },
			{ number: '4002-03-000001', centre: '4002', formerNumbers: ['4002-01-000002'] }
		]);
		v3.close();

		const db = new AppDB(name);
		const moved = await db.notifications.where('formerNumbers').equals('4002-01-000002').toArray();
		expect(moved.map((n) => n.number)).toEqual(['4002-03-000001']);
		expect(await db.notifications.count()).toBe(2);
		db.close();
	});

	it('opens a database written by v5 and adds the linked records and images (v6)', async () => {
		const name = uniqueName();
		const v5 = new Dexie(name);
		v5.version(1).stores({ settings: 'key' });
		v5.version(2).stores({ drafts: 'key, savedAt' });
		v5.version(3).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible',
			masterData: '[kind+code], kind'
		});
		v5.version(4).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible, *formerNumbers'
		});
		v5.version(5).stores({ listRows: 'number', listMeta: 'key' });
		const notification = makeNumbered(1);
		await v5.table('notifications').put(notification);
		v5.close();

		const db = new AppDB(name);
		expect(await db.notifications.get(notification.number)).toEqual(notification);
		const record = makeRecord('parts');
		await db.records.put(record);
		await db.images.put({
			sha256: 'a'.repeat(64),
			blob: new Blob(['x']),
			type: 'image/jpeg',
			bytes: 1
		});
		expect(await db.records.where('notification').equals(record.notification).toArray()).toEqual([
			record
		]);
		expect(await db.records.where('kind').equals('parts').count()).toBe(1);
		expect((await db.images.get('a'.repeat(64)))?.bytes).toBe(1);
		db.close();
	});

	it('opens a database written by v5 and reads its list rows by the compound indexes (v7)', async () => {
		const name = uniqueName();
		const v5 = new Dexie(name);
		v5.version(1).stores({ settings: 'key' });
		v5.version(2).stores({ drafts: 'key, savedAt' });
		v5.version(4).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible, *formerNumbers',
			masterData: '[kind+code], kind'
		});
		v5.version(5).stores({ listRows: 'number', listMeta: 'key' });
		await v5.table('listRows').bulkPut([
			{
				number: '4002-01-000001',
				centre: '4002',
				systemStatus: 'OSNO',
				requiredEnd: '2001-03-08',
				responsible: '202',
				mainWorkCentre: 'SH01',
				userStatus: 'KCJS'
			},
			{
				number: '4002-01-000002',
				centre: '4002',
				systemStatus: 'NOCO',
				requiredEnd: '2001-03-01',
				responsible: '203',
				mainWorkCentre: 'SH02',
				userStatus: 'TZJL'
			}
		]);
		v5.close();

		const db = new AppDB(name);
		const numbersBy = async (index: string, key: string[]) =>
			(await db.listRows.where(index).equals(key).toArray()).map((row) => row.number);
		expect(
			await numbersBy('[centre+systemStatus+requiredEnd]', ['4002', 'NOCO', '2001-03-01'])
		).toEqual(['4002-01-000002']);
		expect(await numbersBy('[responsible+centre]', ['202', '4002'])).toEqual(['4002-01-000001']);
		expect(await numbersBy('[mainWorkCentre+centre]', ['SH02', '4002'])).toEqual([
			'4002-01-000002'
		]);
		expect(await numbersBy('[userStatus+centre]', ['KCJS', '4002'])).toEqual(['4002-01-000001']);
		db.close();
	});

	it('opens a database written by v2 and keeps its drafts, indexed by savedAt', async () => {
		const name = uniqueName();
		const v2 = new Dexie(name);
		v2.version(1).stores({ settings: 'key' });
		v2.version(2).stores({ drafts: 'key, savedAt' });
		await v2.table('drafts').bulkPut([
			{ key: 'older', value: 1, savedAt: '2001-03-07T00:00:00.000Z' },
			{ key: 'newer', value: 2, savedAt: '2001-03-08T00:00:00.000Z' }
		]);
		v2.close();

		const db = new AppDB(name);
		const keys = await db.drafts.orderBy('savedAt').reverse().primaryKeys();
		expect(keys).toEqual(['newer', 'older']);
		db.close();
	});
});

describe('issue 14.4: a failing schema upgrade', () => {
	/** A later version of the app whose upgrade changes data, then throws half-way. */
	class FailingUpgradeDB extends AppDB {
		constructor(name: string) {
			super(name);
			this.version(this.verno + 1)
				.stores({ probe: 'key' })
				.upgrade(async (transaction) => {
					await transaction
						.table('notifications')
						.toCollection()
						.modify((record: Record<string, unknown>) => {
							record.description = 'changed by the failing upgrade';
						});
					throw new Error('the upgrade failed half-way');
				});
		}
	}

	it('leaves the data at the old version, unchanged, and it can still be exported whole', async () => {
		const name = uniqueName();
		const current = new AppDB(name);
		const notification = makeNumbered(1);
		await current.settings.put({
			key: 'identity',
			value: { centreCode: '4002', centreName: '上海服务中心', deviceCode: '01' }
		});
		await current.notifications.put(notification);
		await current.masterData.put(SAMPLE_CUSTOMER);
		const version = current.verno;
		current.close();

		const next = new FailingUpgradeDB(name);
		await expect(next.open()).rejects.toThrow(/failed half-way/);
		next.close();

		expect(await storedVersion(name)).toBe(version);
		const reopened = new AppDB(name);
		expect(await reopened.notifications.toArray()).toEqual([notification]);
		expect(reopened.tables.map((table) => table.name)).not.toContain('probe');
		reopened.close();

		const file = await exportStoredDatabase({ name, now: new Date('2001-03-09T08:00:00.000Z') });
		const read = readBytes(file.fileName, new Uint8Array(await file.blob.arrayBuffer()));
		if (!read.ok) throw new Error(JSON.stringify(read.errors));
		expect(read.file.notifications).toEqual([notification]);
		expect(read.file.masterData).toEqual([SAMPLE_CUSTOMER]);
		expect(read.file.header.centre).toEqual({ code: '4002', name: '上海服务中心' });
		expect(await storedVersion(name), 'the export changed nothing').toBe(version);
	});

	it('says 0 for a database this browser does not have', async () => {
		expect(await storedVersion(`missing-${crypto.randomUUID()}`)).toBe(0);
	});
});
