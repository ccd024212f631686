import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB, db, onUpgradeProgress, type UpgradeProgress } from './db';
import { previewFiles, writeImport } from './exchange';
import {
	completePendingRows,
	countListRows,
	readListCustomers,
	readListRows,
	readListRowsAfter,
	readListSnapshot,
	readOverviewFromTally,
	saveListSnapshot,
	saveListSnapshotOf,
	saveOverviewTally
} from './list-rows';
import { hasPendingRows, listVersion } from './list-meta';
import { saveMasterRecord } from './master-data';
import { addLongTextEntry, addNotification } from './notifications';
import { deferListRows, onLocalListChange, type ListChange } from './projection';
import { defaultConfiguration } from '../domain/configuration';
import { ListIndex } from '../domain/list-index';
import { toListRow } from '../domain/list-row';
import { computeOverview } from '../domain/overview';
import { tallyOf } from '../domain/overview-tally';
import { emptySelection, DEFAULT_SORT } from '../domain/list-selection';
import { recordChange } from '../domain/notification';
import { makeActor, makeFields } from '../domain/test-factories';
import { readBytes, makeFileBytes, makeNumbered } from '../exchange/test-files';
import { planImport } from '../exchange/resolve';
import { openFreshDatabase } from './test-database';

const assistant = makeActor('assistant');

beforeEach(async () => {
	await openFreshDatabase();
});

afterEach(() => db.close());

/** What a search over the stored projection finds, as the list Worker runs it. */
async function search(q: string): Promise<string[]> {
	const index = new ListIndex();
	index.upsert(await readListRowsAfter(undefined, 10_000));
	index.setCustomers(await readListCustomers());
	return index.select({ ...emptySelection(), q }, DEFAULT_SORT, '2001-03-09');
}

async function importRecords(records: Parameters<typeof makeFileBytes>[0]) {
	const read = readBytes('import.json', makeFileBytes(records));
	if (!read.ok) throw new Error(JSON.stringify(read.errors));
	const planned = planImport(
		await previewFiles([read.file]),
		{},
		{
			actor: makeActor('supervisor'),
			now: new Date(),
			configuration: defaultConfiguration
		}
	);
	if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
	const written = await writeImport(planned.plan);
	if (!written.ok) throw new Error(JSON.stringify(written.errors));
}

describe('the list projection follows every write, in the same transaction', () => {
	it('a created notification has its row, found by its description', async () => {
		const created = await addNotification(
			makeFields({ description: '书柜层板断裂' }),
			assistant,
			defaultConfiguration
		);
		const [row] = await readListRows([created.number]);
		expect(row).toMatchObject({ number: created.number, description: '书柜层板断裂' });
		expect(await search('层板')).toEqual([created.number]);
	});

	it('a long-text entry is found after the change', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(await search('缺货')).toEqual([]);
		await addLongTextEntry(
			created.number,
			created.revision.rev,
			'抽屉锁缺货、请购。',
			assistant,
			defaultConfiguration
		);
		expect(await search('缺货')).toEqual([created.number]);
	});

	it('an import writes the rows of every record it writes, and a newer version forgets the old text', async () => {
		const first = makeNumbered(1, { description: '沙发异响' });
		await importRecords([first, makeNumbered(2, { description: '椅子轮子坏' })]);
		expect(await countListRows()).toBe(2);
		expect(await search('异响')).toEqual(['4002-01-000001']);
		const stored = (await db.notifications.get('4002-01-000001'))!;
		await db.notifications.put({ ...stored, description: '沙发扶手松动' });
		expect(await search('异响')).toEqual([]);
		expect(await search('扶手')).toEqual(['4002-01-000001']);
	});

	it('a deleted notification leaves no row', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		await db.notifications.delete(created.number);
		expect(await readListRows([created.number])).toEqual([undefined]);
	});

	it('a transaction that fails writes neither the record nor its row, and announces nothing', async () => {
		const heard: ListChange[] = [];
		const stop = onLocalListChange((change) => heard.push(change));
		await expect(
			db.transaction('rw', db.notifications, async () => {
				await db.notifications.put(makeNumbered(7));
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(await countListRows()).toBe(0);
		await db.notifications.put(makeNumbered(8));
		stop();
		expect(heard).toEqual([{ kind: 'notifications', numbers: ['4002-01-000008'] }]);
	});

	it('a renamed customer (master data) is announced and found by its new name', async () => {
		await importRecords([makeNumbered(1)]);
		const heard: ListChange[] = [];
		const stop = onLocalListChange((change) => heard.push(change));
		await saveMasterRecord({
			kind: 'customer',
			code: makeNumbered(1).shipTo,
			name: '新名称家具厂',
			address: '上海市静安区 1 号'
		} as Parameters<typeof saveMasterRecord>[0]);
		stop();
		expect(heard).toContainEqual({ kind: 'masterData' });
		expect(await search('新名称')).toEqual(['4002-01-000001']);
		expect(await search('静安区')).toEqual(['4002-01-000001']);
	});
});

describe('the snapshot of the list rows, with the change counter', () => {
	it('is read back while nothing changed, and is stale after any write', async () => {
		expect(await readListSnapshot()).toBeUndefined();
		await importRecords([makeNumbered(1), makeNumbered(2, { description: '沙发异响' })]);
		await saveListSnapshot();
		const rows = await readListSnapshot();
		expect(rows?.map((row) => row.number)).toEqual(['4002-01-000001', '4002-01-000002']);
		expect(rows?.[1]?.text).toBe('沙发异响\u0000100056,1\u0000oem厂商\u0000王敏');
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(created.number).toBe('4002-01-000003');
		expect(await readListSnapshot()).toBeUndefined();
		await saveListSnapshot();
		expect(await readListSnapshot()).toHaveLength(3);
	});

	it('is taken from rows in memory only at their change counter (the Worker after a whole load)', async () => {
		await importRecords([makeNumbered(1), makeNumbered(2)]);
		const version = await listVersion();
		const rows = await readListRowsAfter(undefined, 10_000);
		expect(await saveListSnapshotOf(rows, version)).toBe(true);
		expect((await readListSnapshot())?.map((row) => row.number)).toEqual([
			'4002-01-000001',
			'4002-01-000002'
		]);
		await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(await saveListSnapshotOf(rows, version)).toBe(false);
		expect(await readListSnapshot()).toBeUndefined();
	});

	it('a transaction that fails does not raise the counter: the snapshot stays good', async () => {
		await importRecords([makeNumbered(1)]);
		await saveListSnapshot();
		await expect(
			db.transaction('rw', db.notifications, async () => {
				await db.notifications.put(makeNumbered(9));
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(await readListSnapshot()).toHaveLength(1);
	});
});

describe('the overview tally follows every write, in the same transaction', () => {
	const today = '2001-03-09';

	/** What the overview counts from every stored row, as the list Worker counts it. */
	async function counted(centre = '') {
		return computeOverview(await readListRowsAfter(undefined, 10_000), { today, centre });
	}

	/** Counts the tally from the stored rows and stores it, as the list Worker does after loading. */
	async function storeTally() {
		const version = await listVersion();
		const rows = await readListRowsAfter(undefined, 10_000);
		expect(await saveOverviewTally(tallyOf(rows), version)).toBe(true);
	}

	it('gives the overview counted from the rows after a creation, a change, a delete and an import', async () => {
		await importRecords([
			makeNumbered(1, { isUrgent: true }),
			makeNumbered(2, { centre: '4003', requiredStart: '2001-02-20', requiredEnd: '2001-03-01' })
		]);
		expect(await readOverviewFromTally({ today })).toBeUndefined();
		await storeTally();
		expect(await readOverviewFromTally({ today })).toEqual(await counted());

		const created = await addNotification(
			makeFields({ isUrgent: true, requiredEnd: '2001-03-09' }),
			assistant,
			defaultConfiguration
		);
		expect(await readOverviewFromTally({ today })).toEqual(await counted());
		// A change of nothing the tally counts moves only its change counter.
		const before = await db.listMeta.get('overviewTally');
		const changedText = await addLongTextEntry(
			created.number,
			created.revision.rev,
			'锁坏了',
			assistant,
			defaultConfiguration
		);
		expect(changedText.ok).toBe(true);
		expect((await readListRows([created.number]))[0]?.text).toContain('锁坏了');
		expect(await db.listMeta.get('overviewTally')).toEqual(before);
		expect(await readOverviewFromTally({ today })).toEqual(await counted());
		const changed = (await db.notifications.get(created.number))!;
		await addLongTextEntry(
			created.number,
			changed.revision.rev,
			'又坏了',
			assistant,
			defaultConfiguration
		);
		const stored = (await db.notifications.get('4002-01-000001'))!;
		await db.notifications.put({
			...stored,
			systemStatus: 'NOCO',
			completion: { at: '2001-03-08T02:00:00.000Z', by: '202' }
		} as typeof stored);
		await db.notifications.delete('4003-01-000002');
		await importRecords([makeNumbered(5, { responsible: '203' })]);
		for (const centre of ['', '4002', '4003']) {
			const overview = await readOverviewFromTally({ today, centre });
			expect(overview).toEqual(await counted(centre));
		}
		expect((await readOverviewFromTally({ today }))?.total).toBe(3);
	});

	it('is dropped by a large or ranged change (counted afresh later), never left wrong', async () => {
		await importRecords([makeNumbered(1)]);
		await storeTally();
		await db.notifications.bulkPut(
			Array.from({ length: 2001 }, (_, index) => makeNumbered(index + 10))
		);
		expect(await readOverviewFromTally({ today })).toBeUndefined();
		await storeTally();
		expect((await readOverviewFromTally({ today }))?.total).toBe(2002);
		await db.notifications.clear();
		expect(await readOverviewFromTally({ today })).toBeUndefined();
	});

	it('stays right when two writes of one transaction are handed over together', async () => {
		await importRecords([makeNumbered(1)]);
		await storeTally();
		await db.transaction('rw', db.notifications, async () => {
			await Promise.all([
				db.notifications.bulkPut(
					Array.from({ length: 600 }, (_, i) => makeNumbered(i + 10, { isUrgent: true }))
				),
				db.notifications.bulkPut(
					Array.from({ length: 600 }, (_, i) => makeNumbered(i + 1000, { centre: '4003' }))
				)
			]);
		});
		expect(await readOverviewFromTally({ today })).toEqual(await counted());
		expect((await readOverviewFromTally({ today }))?.total).toBe(1201);
	});

	it('is not stored when the rows changed after they were read, and a failed write keeps it', async () => {
		await importRecords([makeNumbered(1)]);
		const version = await listVersion();
		const rows = await readListRowsAfter(undefined, 10_000);
		await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(await saveOverviewTally(tallyOf(rows), version)).toBe(false);
		expect(await readOverviewFromTally({ today })).toBeUndefined();
		await storeTally();
		await expect(
			db.transaction('rw', db.notifications, async () => {
				await db.notifications.put(makeNumbered(9));
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(await readOverviewFromTally({ today })).toEqual(await counted());
	});
});

describe('a large import writes its list rows after it, and none is forgotten', () => {
	const today = '2001-03-09';
	const many = (count: number, first = 1) =>
		Array.from({ length: count }, (_, index) =>
			makeNumbered(first + index, { description: `沙发异响 ${first + index}` })
		);

	/** Every stored notification's row as it should be, and the rows as stored. */
	async function expectRowsOfEveryNotification() {
		const notifications = await db.notifications.orderBy('number').toArray();
		const rows = await readListRowsAfter(undefined, 100_000);
		expect(rows).toEqual(notifications.map(toListRow));
	}

	it('an import of 2,500 records keeps their numbers instead of rows, and the rows come after', async () => {
		const heard: ListChange[] = [];
		const stop = onLocalListChange((change) => heard.push(change));
		const before = await listVersion();
		await importRecords(many(2500));
		stop();
		expect(await db.notifications.count()).toBe(2500);
		expect(await countListRows()).toBe(0);
		expect(await hasPendingRows()).toBe(true);
		expect(heard).toEqual([{ kind: 'all' }]);
		expect(await listVersion()).toBe(before + 1);

		const progress: [number, number][] = [];
		expect(await completePendingRows((done, total) => progress.push([done, total]))).toBe(2500);
		expect(progress).toEqual([
			[1000, 2500],
			[2000, 2500],
			[2500, 2500]
		]);
		expect(await hasPendingRows()).toBe(false);
		// Each part raised the change counter: a snapshot of the rows before is never current.
		expect(await listVersion()).toBe(before + 4);
		await expectRowsOfEveryNotification();
		expect(await search('异响 2345')).toEqual(['4002-01-002345']);
		expect(await completePendingRows()).toBe(0);
	});

	it('a change and a delete between the import and the rows are both kept', async () => {
		await importRecords(many(2500));
		const stored = (await db.notifications.get('4002-01-000007'))!;
		const changed = await addLongTextEntry(
			stored.number,
			stored.revision.rev,
			'扶手松动',
			assistant,
			defaultConfiguration
		);
		expect(changed.ok).toBe(true);
		// The changed record's row is written with the change, at once.
		expect((await readListRows([stored.number]))[0]?.text).toContain('扶手松动');
		await db.notifications.delete('4002-01-000008');
		await completePendingRows();
		expect(await countListRows()).toBe(2499);
		await expectRowsOfEveryNotification();
		expect(await search('扶手松动')).toEqual(['4002-01-000007']);
	});

	it('a newer version of stored records replaces their old rows once the rows are written', async () => {
		await importRecords(many(3));
		expect(await search('沙发异响 2')).toEqual(['4002-01-000002']);
		const stored = await db.notifications.bulkGet(many(2500).map((n) => n.number));
		await importRecords(
			stored.map((record, index) =>
				record
					? recordChange(record, { description: '椅子轮子坏' }, [], assistant, new Date())
					: makeNumbered(index + 1, { description: '椅子轮子坏' })
			)
		);
		await completePendingRows();
		await expectRowsOfEveryNotification();
		expect(await search('沙发异响')).toEqual([]);
	});

	it('a deferring transaction that fails leaves neither records nor pending numbers', async () => {
		await expect(
			db.transaction('rw', db.notifications, async () => {
				deferListRows();
				await db.notifications.bulkPut(many(1500));
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(await db.notifications.count()).toBe(0);
		expect(await hasPendingRows()).toBe(false);
		expect(() => deferListRows()).toThrow('transaction');
	});

	it('two tabs writing the rows at once write each part once, and the tally is counted afresh', async () => {
		await importRecords([makeNumbered(9000)]);
		const version = await listVersion();
		const rows = await readListRowsAfter(undefined, 10_000);
		expect(await saveOverviewTally(tallyOf(rows), version)).toBe(true);
		await importRecords(many(2500));
		expect(await readOverviewFromTally({ today })).toBeUndefined();
		const [first, second] = await Promise.all([completePendingRows(), completePendingRows()]);
		expect(first).toBe(2500);
		expect(second).toBe(2500);
		expect(await listVersion()).toBe(version + 1 + 3);
		await expectRowsOfEveryNotification();
		expect(await readOverviewFromTally({ today })).toBeUndefined();
	});
});

describe('database v5 builds the projection of an existing database', () => {
	const names: string[] = [];
	afterEach(async () => {
		await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
	});

	it('from a v4 database of notifications, in chunks, reporting progress', async () => {
		const name = `v4-${crypto.randomUUID()}`;
		names.push(name);
		const v4 = new Dexie(name);
		v4.version(1).stores({ settings: 'key' });
		v4.version(2).stores({ drafts: 'key, savedAt' });
		v4.version(3).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible',
			masterData: '[kind+code], kind'
		});
		v4.version(4).stores({
			notifications:
				'number, centre, systemStatus, userStatus, type, createdAt, requiredStart, requiredEnd, mainWorkCentre, responsible, *formerNumbers'
		});
		const records = Array.from({ length: 2500 }, (_, i) =>
			makeNumbered(i + 1, { description: i === 2321 ? '罕见的描述𠀀' : '活动柜锁坏' })
		);
		await v4.table('notifications').bulkPut(records);
		v4.close();

		const progress: UpgradeProgress[] = [];
		const stop = onUpgradeProgress((step) => progress.push(step));
		const upgraded = new AppDB(name);
		await upgraded.open();
		stop();
		expect(await upgraded.listRows.count()).toBe(2500);
		expect(progress.at(0)).toEqual({ done: 0, total: 2500 });
		expect(progress.at(-1)).toEqual({ done: 2500, total: 2500 });
		expect(progress.length).toBeGreaterThan(2);
		const rare = await upgraded.listRows.filter((row) => row.text.includes('𠀀')).toArray();
		expect(rare.map((row) => row.number)).toEqual(['4002-01-002322']);
		upgraded.close();
	}, 30_000);
});
