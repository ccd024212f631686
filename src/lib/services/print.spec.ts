import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/data/db';
import { seedSampleMasterData } from '$lib/data/master-data';
import { getNotification, markPrintedInWorkPlan } from '$lib/data/notifications';
import { defaultConfiguration } from '$lib/domain/configuration';
import { makeActor, makeFields, makeNotification } from '$lib/domain/test-factories';
import { useFontFromDisk } from '$lib/pdf/test-support';
import { prepareNotificationSheet, prepareWorkPlan } from './print';

const HEAD_OFFICE = { centreCode: 'HQ01', centreName: '总部', deviceCode: '01' };
const RANGE = { from: '2001-03-07', to: '2001-03-08' };

beforeAll(() => useFontFromDisk());

beforeEach(async () => {
	await db.delete();
	await db.open();
	await db.settings.put({ key: 'identity', value: HEAD_OFFICE });
	await seedSampleMasterData();
});

afterEach(() => db.close());

describe('preparing a work plan', () => {
	it("at head office: every centre's open work, only its own marked printed, the others read-only", async () => {
		await db.notifications.bulkAdd([
			makeNotification({ ...makeFields(), number: 'HQ01-01-000001', centre: 'HQ01' }),
			makeNotification({ ...makeFields(), number: '4002-01-000001', centre: '4002' }),
			makeNotification({ ...makeFields(), number: '4003-01-000001', centre: '4003' })
		]);
		const prepared = await prepareWorkPlan({
			range: RANGE,
			centre: '',
			locale: 'zh-CN',
			identity: HEAD_OFFICE
		});
		if (prepared.kind !== 'ready') throw new Error(prepared.kind);
		expect(prepared.count).toBe(3);
		expect(prepared.ownNumbers).toEqual(['HQ01-01-000001']);
		expect(prepared.foreignCount).toBe(2);
		expect(prepared.model.centre).toBe('全部责任中心');
		await markPrintedInWorkPlan(
			prepared.ownNumbers,
			'2001/03/07–2001/03/08',
			makeActor(),
			defaultConfiguration
		);
		expect((await getNotification('HQ01-01-000001'))?.isPrinted).toBe(true);
		expect((await getNotification('4002-01-000001'))?.isPrinted).toBe(false);
	});

	it('one centre: its name in the header, the screen in its language and the print in the chosen one', async () => {
		await db.notifications.bulkAdd([
			makeNotification({ ...makeFields(), number: '4002-01-000001', centre: '4002' }),
			makeNotification({ ...makeFields(), number: '4003-01-000001', centre: '4003' })
		]);
		const prepared = await prepareWorkPlan({
			range: RANGE,
			centre: '4002',
			locale: 'en',
			identity: HEAD_OFFICE
		});
		if (prepared.kind !== 'ready') throw new Error(prepared.kind);
		expect(prepared.count).toBe(1);
		expect(prepared.model.centre).toBe('4002 上海责任中心');
		expect(prepared.labels.title).toBe('Work plan (ZSMR006)');
		expect(prepared.screen.labels.title).toBe('工作计划表（ZSMR006）');
		expect(prepared.missing).toEqual([]);
	});

	it('gives no PDF for a reversed or empty range, and asks before more than a year', async () => {
		const prepare = (from: string, to: string, isLongRangeConfirmed = false) =>
			prepareWorkPlan({
				range: { from, to },
				centre: 'HQ01',
				locale: 'zh-CN',
				identity: HEAD_OFFICE,
				isLongRangeConfirmed
			});
		expect(await prepare('2001-03-08', '2001-03-07')).toEqual({
			kind: 'invalid',
			problem: { field: 'to', code: 'reversed' }
		});
		expect(await prepare('', '')).toMatchObject({ kind: 'invalid' });
		expect(await prepare('2001-03-07', '2001-03-08')).toEqual({ kind: 'empty' });
		expect(await prepare('2000-01-01', '2001-03-08')).toEqual({
			kind: 'needsConfirmation',
			days: 433
		});
		expect(await prepare('2000-01-01', '2001-03-08', true)).toEqual({ kind: 'empty' });
	});
});

describe('preparing a notification sheet', () => {
	it('reports the characters the font lacks with the field they are in', async () => {
		const notification = makeNotification({
			...makeFields({ description: '龑记活动柜锁坏' }),
			number: 'HQ01-01-000001',
			centre: 'HQ01'
		});
		const prepared = await prepareNotificationSheet(notification, 'zh-CN', HEAD_OFFICE);
		expect(prepared.missing).toEqual([{ char: '龑', codePoint: 'U+9F91', places: ['通知单描述'] }]);
		expect(prepared.model.centre).toBe('HQ01 总部');
	});
});
