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
