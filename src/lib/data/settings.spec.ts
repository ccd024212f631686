import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { saveMasterRecord, seedSampleMasterData } from './master-data';
import { getBackupFacts, LAST_EXPORT_KEY, putSetting } from './settings';
import { makeNotification } from '../domain/test-factories';

beforeEach(async () => {
	await db.delete();
	await db.open();
});

afterEach(() => db.close());

describe('getBackupFacts', () => {
	it('knows no export and no data on a new device, and sample data is not data', async () => {
		expect(await getBackupFacts()).toEqual({ lastExportAt: undefined, hasData: false });
		await seedSampleMasterData();
		expect((await getBackupFacts()).hasData).toBe(false);
	});

	it('counts master data the user entered and any notification as data', async () => {
		await saveMasterRecord({ kind: 'customer', code: '1001', name: '华东', address: '上海市' });
		expect((await getBackupFacts()).hasData).toBe(true);
		await db.masterData.clear();
		await db.notifications.put(makeNotification());
		expect((await getBackupFacts()).hasData).toBe(true);
	});

	it('reads the time of the last export, ignoring a value that is not a string', async () => {
		await putSetting(LAST_EXPORT_KEY, '2026-05-20T01:00:00.000Z');
		expect((await getBackupFacts()).lastExportAt).toBe('2026-05-20T01:00:00.000Z');
		await putSetting(LAST_EXPORT_KEY, 42);
		expect((await getBackupFacts()).lastExportAt).toBeUndefined();
	});
});
