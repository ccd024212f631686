import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import {
	IMPORT_CHUNK_SIZE,
	importCustomers,
	loadMasterData,
	loadMasterDataOfKinds,
	seedSampleMasterData
} from './master-data';
import { masterRecordSchema, type MasterRecord } from '../domain/master-data';

/** A valid customer with a code; overrides for what a test cares about. */
function makeCustomer(code: string, overrides: Partial<MasterRecord> = {}): MasterRecord {
	return masterRecordSchema.parse({
		kind: 'customer',
		code,
		name: `客户 ${code}`,
		address: `上海市 ${code} 号`,
		...overrides
	});
}

const customers = (count: number, from = 1000) =>
	Array.from({ length: count }, (_, index) => makeCustomer(String(from + index)));

const storedCustomers = async () =>
	(await db.masterData.where('kind').equals('customer').toArray()).map((r) => r.code).sort();

beforeEach(async () => {
	await db.delete();
	await db.open();
});

afterEach(() => {
	vi.restoreAllMocks();
	db.close();
});

describe('loadMasterDataOfKinds', () => {
	it('reads the kinds asked for, grouped as loadMasterData groups them, and no customer', async () => {
		await seedSampleMasterData();
		await importCustomers(customers(30));
		const all = await loadMasterData();
		const staffOnly = await loadMasterDataOfKinds(['staff']);
		expect(all.staff.length).toBeGreaterThan(0);
		expect(staffOnly.staff).toEqual(all.staff);
		expect(staffOnly.customer).toEqual([]);
		expect(staffOnly.workCentre).toEqual([]);
		const two = await loadMasterDataOfKinds(['staff', 'workCentre']);
		expect(two.workCentre).toEqual(all.workCentre);
		expect(two.customer).toEqual([]);
	});
});

describe('importCustomers', () => {
	it('writes every record, chunk by chunk, in one transaction', async () => {
		const records = customers(2 * IMPORT_CHUNK_SIZE + 5);
		const bulkPut = vi.spyOn(db.masterData, 'bulkPut');
		expect(await importCustomers(records)).toBe(records.length);
		expect(bulkPut).toHaveBeenCalledTimes(3);
		expect(await db.masterData.count()).toBe(records.length);
	});

	it('merges each record with the stored one', async () => {
		await seedSampleMasterData();
		const before = await db.masterData.get(['customer', '27']);
		await importCustomers([makeCustomer('27', { name: '申齐（新）' })], {
			merge: (existing, incoming) => ({
				...incoming,
				functionalLocations: existing?.functionalLocations ?? []
			})
		});
		const after = await db.masterData.get(['customer', '27']);
		expect(after?.name).toBe('申齐（新）');
		expect(after?.isSample).toBe(false);
		expect(after?.functionalLocations).toEqual(before?.functionalLocations);
	});

	it('writes nothing when a record half-way through the file is invalid', async () => {
		await seedSampleMasterData();
		const before = await db.masterData.toArray();
		const records = [
			...customers(3),
			{ ...makeCustomer('2000'), address: '' },
			...customers(3, 3000)
		];
		await expect(importCustomers(records, { chunkSize: 2 })).rejects.toThrow();
		expect(await db.masterData.toArray()).toEqual(before);
	});

	it('writes nothing when the database refuses a later chunk', async () => {
		const bulkPut = db.masterData.bulkPut.bind(db.masterData);
		let calls = 0;
		vi.spyOn(db.masterData, 'bulkPut').mockImplementation((...args) => {
			calls += 1;
			if (calls === 2) throw new Error('forced failure');
			return bulkPut(...(args as Parameters<typeof bulkPut>));
		});
		await expect(importCustomers(customers(5), { chunkSize: 2 })).rejects.toThrow('forced failure');
		expect(calls).toBe(2);
		expect(await storedCustomers()).toEqual([]);
	});

	it('refuses records that are not customers, writing none', async () => {
		const workCentre = masterRecordSchema.parse({ kind: 'workCentre', code: 'S1', name: 'x' });
		await expect(importCustomers([makeCustomer('1'), workCentre])).rejects.toThrow();
		expect(await db.masterData.count()).toBe(0);
	});
});
