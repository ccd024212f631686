import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { exportData } from './exchange';
import { deleteListVariant, getListVariants, saveListVariant } from './list-variants';
import { openFreshDatabase } from './test-database';

beforeEach(async () => {
	await openFreshDatabase();
});

afterEach(() => db.close());

describe('list variants on the device', () => {
	it('are saved, refused when the name is taken, and deleted', async () => {
		const saved = await saveListVariant({ name: '紧急', query: 'urgent=1', isDefault: true });
		expect(saved.ok).toBe(true);
		const again = await saveListVariant({ name: '紧急', query: 'status=OSNO', isDefault: false });
		expect(again).toEqual({ ok: false, problem: { code: 'taken', name: '紧急' } });
		expect(await getListVariants()).toEqual([{ name: '紧急', query: 'urgent=1', isDefault: true }]);
		expect(await deleteListVariant('紧急')).toEqual([]);
	});

	it('belong to the device: the export does not carry them', async () => {
		await saveListVariant({ name: '我的变式', query: 'urgent=1', isDefault: true });
		const file = await exportData({ now: new Date('2001-03-09T08:00:00Z'), appVersion: 'test' });
		expect(await file.blob.text()).not.toContain('我的变式');
	});

	it('an unreadable stored value reads as no variants, never as an error', async () => {
		await db.settings.put({ key: 'listVariants', value: [{ name: 42 }] });
		expect(await getListVariants()).toEqual([]);
	});
});
