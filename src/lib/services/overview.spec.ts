import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/data/db';
import { makeNotification } from '$lib/domain/test-factories';
import { loadOverview, loadOverviewCentres } from './overview';

/** The test notifications are created on 2001/03/07 (TEST_CREATED_AT). */
const TODAY = '2001-03-09';

beforeEach(async () => {
	await db.delete();
	await db.open();
});

afterEach(() => db.close());

describe('loadOverview', () => {
	it('counts the stored notifications of the chosen centre, or of all', async () => {
		await db.notifications.bulkAdd([
			makeNotification({ number: '4002-01-000001', isUrgent: true }),
			makeNotification({ number: '4002-01-000002', systemStatus: 'NOPR' }),
			makeNotification({ number: '4101-01-000001', centre: '4101' })
		]);
		const all = await loadOverview(TODAY);
		expect(all).toMatchObject({ centre: '', total: 3, open: 3, urgent: 1, overdue: 3 });
		const one = await loadOverview(TODAY, '4002');
		expect(one).toMatchObject({ centre: '4002', total: 2, urgent: 1 });
		expect(one.bySystemStatus).toEqual({ OSNO: 1, NOPR: 1, NOPO: 0, NOCO: 0 });
		expect(one.urgentNotDispatched.map((row) => row.number)).toEqual(['4002-01-000001']);
		expect(one.age.map((bucket) => bucket.count)).toEqual([2, 0, 0, 0]);
	});

	it('offers a centre its own only, and head office every centre on the device', async () => {
		await db.notifications.bulkAdd([makeNotification({ number: '4002-01-000001' })]);
		expect(await loadOverviewCentres('4002')).toEqual({
			isHeadOffice: false,
			choices: ['4002'],
			own: '4002'
		});
		await db.notifications.bulkAdd([
			makeNotification({ number: '4101-01-000001', centre: '4101' })
		]);
		expect(await loadOverviewCentres('0001')).toEqual({
			isHeadOffice: true,
			choices: ['0001', '4002', '4101'],
			own: '0001'
		});
	});
});
