import { db } from './db';
import {
	groupMasterData,
	masterRecordSchema,
	type MasterData,
	type MasterKind,
	type MasterRecord,
	type MasterRecordInput
} from '../domain/master-data';
import { sampleMasterData } from '../domain/sample-data';

/** All master data, grouped by kind. */
export async function loadMasterData(): Promise<MasterData> {
	return groupMasterData(await db.masterData.toArray());
}

/**
 * The master data of some kinds only, grouped (the other kinds empty): a screen that names staff
 * need not read a centre's thousands of customers (by the `kind` index).
 */
export async function loadMasterDataOfKinds(kinds: readonly MasterKind[]): Promise<MasterData> {
	return groupMasterData(await db.masterData.where('kind').anyOf(kinds).toArray());
}

/** The master records of some `[kind, code]` keys, grouped by kind (unknown keys are left out). */
export async function loadMasterRecords(
	keys: readonly (readonly [MasterKind, string])[]
): Promise<MasterData> {
	const found = await db.masterData.bulkGet(keys.map(([kind, code]) => [kind, code]));
	return groupMasterData(found.filter((record) => record !== undefined));
}

/** Seeds the sample master data once, on a device that has none. */
export async function seedSampleMasterData(): Promise<number> {
	return db.transaction('rw', db.masterData, async () => {
		if ((await db.masterData.count()) > 0) return 0;
		const records = sampleMasterData();
		await db.masterData.bulkAdd(records);
		return records.length;
	});
}

/** Validates and stores one record (new or changed); a saved record is no longer sample data. */
export async function saveMasterRecord(input: MasterRecordInput): Promise<MasterRecord> {
	const record = masterRecordSchema.parse({ ...input, isSample: false });
	await db.masterData.put(record);
	return record;
}

/** Removes one record. */
export async function deleteMasterRecord(kind: MasterKind, code: string): Promise<void> {
	await db.masterData.delete([kind, code]);
}

/** Removes every record still marked as sample data; returns how many. */
export async function removeSampleMasterData(): Promise<number> {
	return db.transaction('rw', db.masterData, async () => {
		const keys = (await db.masterData.filter((record) => record.isSample).primaryKeys()) as [
			MasterKind,
			string
		][];
		await db.masterData.bulkDelete(keys);
		return keys.length;
	});
}

/** Records per bulkPut: about a thousand keeps each request fast (TOOLCHAIN: data at scale). */
export const IMPORT_CHUNK_SIZE = 1000;

/** How an imported record combines with the record of the same kind and code already stored. */
export type MergeRecord = (
	existing: MasterRecord | undefined,
	incoming: MasterRecord
) => MasterRecord;

/**
 * Writes imported customers all or nothing: one read-write transaction, chunked bulkPut, each
 * record validated again as it is written. Any failure (a bad record, a refused write) aborts the
 * transaction, so not one record of the file is stored. `merge` combines each record with the
 * stored one (default: the imported record replaces it). Returns how many records were written.
 */
export async function importCustomers(
	records: readonly MasterRecord[],
	options: { merge?: MergeRecord; chunkSize?: number } = {}
): Promise<number> {
	const { merge = (_existing, incoming) => incoming, chunkSize = IMPORT_CHUNK_SIZE } = options;
	// Awaiting anything but IndexedDB in here would commit early: everything below is Dexie or sync.
	return db.transaction('rw', db.masterData, async () => {
		for (let start = 0; start < records.length; start += chunkSize) {
			const chunk = records.slice(start, start + chunkSize);
			const stored = await db.masterData.bulkGet(
				chunk.map((record) => [record.kind, record.code] as [MasterKind, string])
			);
			const merged = chunk.map((record, index) => {
				const valid = masterRecordSchema.parse(merge(stored[index], record));
				if (valid.kind !== 'customer') throw new Error(`not a customer: ${valid.code}`);
				return valid;
			});
			await db.masterData.bulkPut(merged);
		}
		return records.length;
	});
}
