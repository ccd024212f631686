import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { readOverviewRows } from './overview-rows';
import { toListRow } from '../domain/list-row';
import { makeNotification } from '../domain/test-factories';

beforeEach(async () => {
	await db.delete();
	await db.open();
	await db.notifications.bulkAdd([
		makeNotification({ number: '4002-01-000001', isUrgent: true }),
		makeNotification({ number: '4002-01-000002', systemStatus: 'NOPR' }),
		makeNotification({ number: '4101-01-000001', centre: '4101' })
	]);
});

afterEach(() => db.close());

describe('readOverviewRows', () => {
	it('projects every stored notification to its list row', async () => {
		const rows = await readOverviewRows();
		expect(rows.map((row) => row.number).sort()).toEqual([
			'4002-01-000001',
			'4002-01-000002',
			'4101-01-000001'
		]);
		const first = await db.notifications.get('4002-01-000001');
		expect(rows.find((row) => row.number === '4002-01-000001')).toEqual(toListRow(first!));
	});

	it('reads one centre by its index', async () => {
		const rows = await readOverviewRows('4101');
		expect(rows.map((row) => row.number)).toEqual(['4101-01-000001']);
		expect(await readOverviewRows('4003')).toEqual([]);
	});
});
