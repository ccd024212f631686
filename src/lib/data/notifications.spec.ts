import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { ConflictError, ForeignRecordError } from './errors';
import {
	addLongTextEntry,
	addNotification,
	applyNotificationAction,
	getNotification,
	knownCentres,
	saveNotificationFields
} from './notifications';
import { defaultConfiguration } from '../domain/configuration';
import { makeActor, makeFields } from '../domain/test-factories';
import { makeNumbered } from '../exchange/test-files';

const assistant = makeActor('assistant');

async function identify(centreCode = '4002', deviceCode = '01') {
	await db.settings.put({ key: 'identity', value: { centreCode, centreName: '上海', deviceCode } });
}

beforeEach(async () => {
	await db.delete();
	await db.open();
	await identify();
});

afterEach(() => db.close());

describe('notification repository', () => {
	it('numbers notifications from the device range and shows the number at once', async () => {
		const first = await addNotification(makeFields(), assistant, defaultConfiguration);
		const second = await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(first.number).toBe('4002-01-000001');
		expect(second.number).toBe('4002-01-000002');
		expect(first.centre).toBe('4002');
		expect(first.userStatus).toBe('TZJL');
		expect(first.systemStatus).toBe('OSNO');
		expect((await getNotification(first.number))?.description).toBe('活动柜锁坏');
	});

	it('issue 8.13: writes long text typed while creating with the record, in one insert', async () => {
		const writes: string[] = [];
		const watch = (primKey: unknown) => void writes.push(String(primKey));
		db.notifications.hook('creating', watch);
		try {
			const created = await addNotification(makeFields(), assistant, defaultConfiguration, {
				longText: '活动柜被反锁，抽屉打不开。'
			});
			const stored = await getNotification(created.number);
			expect(stored?.longText.map((entry) => entry.text)).toEqual(['活动柜被反锁，抽屉打不开。']);
			expect(stored?.revision.rev).toMatch(/^1-/);
			expect(writes).toHaveLength(1);
		} finally {
			db.notifications.hook('creating').unsubscribe(watch);
		}
	});

	it('gives two devices of one centre and two centres numbers that never collide', async () => {
		const numbers = new Set<string>();
		for (const [centre, device] of [
			['4002', '01'],
			['4002', '02'],
			['4003', '01']
		] as const) {
			await db.delete();
			await db.open();
			await identify(centre, device);
			for (let i = 0; i < 3; i++) {
				numbers.add((await addNotification(makeFields(), assistant, defaultConfiguration)).number);
			}
		}
		expect(numbers.size).toBe(9);
		expect([...numbers]).toContain('4002-02-000001');
		expect([...numbers]).toContain('4003-01-000003');
	});

	it('takes no number and keeps the draft when the record is invalid', async () => {
		await db.drafts.put({
			key: 'notification:new',
			value: { x: 1 },
			savedAt: new Date().toISOString(),
			owner: 'tab-a'
		});
		await expect(
			addNotification(makeFields({ description: '' }), assistant, defaultConfiguration, {
				draft: { key: 'notification:new', owner: 'tab-a' }
			})
		).rejects.toThrow();
		expect(await db.notifications.count()).toBe(0);
		expect(await db.drafts.get('notification:new')).toBeDefined();
		const next = await addNotification(makeFields(), assistant, defaultConfiguration, {
			draft: { key: 'notification:new', owner: 'tab-a' }
		});
		expect(next.number).toBe('4002-01-000001');
		expect(await db.drafts.get('notification:new')).toBeUndefined();
	});

	it('leaves the draft another tab wrote since: that tab’s typing stays', async () => {
		await db.drafts.put({
			key: 'notification:new',
			value: { x: 2 },
			savedAt: new Date().toISOString(),
			owner: 'tab-b'
		});
		await addNotification(makeFields(), assistant, defaultConfiguration, {
			draft: { key: 'notification:new', owner: 'tab-a' }
		});
		expect((await db.drafts.get('notification:new'))?.owner).toBe('tab-b');
	});

	it('refuses to save a copy that another tab changed since it was opened', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		const opened = created.revision.rev;
		const first = await saveNotificationFields(
			created.number,
			opened,
			makeFields({ description: '第一个标签页' }),
			assistant,
			defaultConfiguration
		);
		expect(first.ok).toBe(true);
		await expect(
			saveNotificationFields(
				created.number,
				opened,
				makeFields({ description: '第二个标签页' }),
				assistant,
				defaultConfiguration
			)
		).rejects.toBeInstanceOf(ConflictError);
		const stored = await getNotification(created.number);
		expect(stored?.description).toBe('第一个标签页');
		expect(stored?.history.filter((entry) => entry.kind === 'field')).toHaveLength(1);
	});

	it('writes a status change and its history entry together, from the revision seen', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		const result = await applyNotificationAction(
			created.number,
			created.revision.rev,
			{ kind: 'putInProcess' },
			assistant,
			defaultConfiguration
		);
		expect(result.ok).toBe(true);
		const stored = await getNotification(created.number);
		expect(stored?.systemStatus).toBe('NOPR');
		expect(stored?.history.at(-1)).toMatchObject({
			kind: 'systemStatus',
			from: 'OSNO',
			to: 'NOPR'
		});
		expect(stored?.revision.ancestry).toContain(created.revision.rev);
	});

	it('returns a refusal and writes nothing when the engine says no', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		const result = await applyNotificationAction(
			created.number,
			created.revision.rev,
			{ kind: 'setUserStatus', code: 'ZGPZ' },
			assistant,
			defaultConfiguration
		);
		expect(result.ok).toBe(false);
		expect(await getNotification(created.number)).toEqual(created);
	});

	it('appends long text entries with author and time', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		const result = await addLongTextEntry(
			created.number,
			created.revision.rev,
			'活动柜被反锁,抽屉打不开。',
			assistant,
			defaultConfiguration
		);
		expect(result.ok && result.notification.longText).toEqual([
			expect.objectContaining({ text: '活动柜被反锁,抽屉打不开。', author: assistant })
		]);
	});

	it('keeps records of another centre read-only', async () => {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		await identify('4003', '01');
		await db.settings.put({
			key: 'identity',
			value: { centreCode: '4003', centreName: '北京', deviceCode: '01' }
		});
		await expect(
			applyNotificationAction(
				created.number,
				created.revision.rev,
				{ kind: 'putInProcess' },
				assistant,
				defaultConfiguration
			)
		).rejects.toBeInstanceOf(ForeignRecordError);
	});
});

describe('the sales office', () => {
	beforeEach(async () => {
		await db.delete();
		await db.open();
		await identify('4003', '01');
	});

	it('is stamped from the creating centre, whatever the form said', async () => {
		const created = await addNotification(
			makeFields({ salesOffice: '4002' }),
			assistant,
			defaultConfiguration
		);
		expect(created.salesOffice).toBe('4003');
		expect(created.centre).toBe('4003');
	});
});

describe('knownCentres', () => {
	it('lists each centre with notifications once, in code order, by one seek per centre', async () => {
		expect(await knownCentres()).toEqual([]);
		await db.notifications.bulkPut([
			makeNumbered(1, { centre: '4005' }),
			makeNumbered(2),
			makeNumbered(3, { centre: '4005' }),
			makeNumbered(4, { centre: '4001' }),
			makeNumbered(5)
		]);
		expect(await knownCentres()).toEqual(['4001', '4002', '4005']);
	});
});
