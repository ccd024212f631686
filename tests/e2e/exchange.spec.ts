import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type OtherDevice } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { startSetUpDevice, type DeviceFactoryInput } from './support/device';
import { writeGeneratedFile } from './support/generated-file';
import { waitForServiceWorkerControl } from './support/service-worker';

/** A device: its own browser profile, set up at first run, with a user. */
async function newDevice(otherDevice: OtherDevice, input: DeviceFactoryInput): Promise<Page> {
	const page = await otherDevice();
	await startSetUpDevice(page, input);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	return page;
}

/** Changes a notification's description on a device through the change form. */
async function changeDescription(page: Page, number: string, description: string): Promise<void> {
	await new NotificationPage(page).goto(number, 'change');
	await page.getByLabel('通知单描述', { exact: true }).fill(description);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByText(`通知单 ${number} 已保存。`)).toBeVisible();
}

test('head office imports two centres with a preview and lists them by centre', async ({
	otherDevice,
	page,
	problems
}, testInfo) => {
	const shanghai = await newDevice(otherDevice, { centre: '4002', name: '上海服务中心' });
	await new CreateNotificationPage(shanghai).create();
	await new CreateNotificationPage(shanghai).create(
		exampleNotification({ description: '办公椅扶手松动' })
	);
	const shanghaiFile = await new ExchangePage(shanghai).exportTo(testInfo.outputPath('4002.json'));

	const beijing = await newDevice(otherDevice, { centre: '4003', name: '北京服务中心' });
	await new CreateNotificationPage(beijing).create(
		exampleNotification({ description: '文件柜门变形', salesOrg: 'F011' })
	);
	const beijingFile = await new ExchangePage(beijing).exportTo(testInfo.outputPath('4003.json'));

	// Head office is a device of its own centre; nothing is written before the user confirms.
	await startSetUpDevice(page, { centre: '0001', name: '总部' });
	const exchange = new ExchangePage(page);
	await exchange.choose(shanghaiFile, beijingFile);
	await expect(exchange.preview()).toContainText('4002.json：责任中心 4002（上海服务中心）');
	await expect(exchange.preview()).toContainText('4003.json：责任中心 4003（北京服务中心）');
	await expect(exchange.preview().getByTestId('file-counts').first()).toContainText('新增：2');
	await expect(exchange.preview().getByTestId('file-counts').nth(1)).toContainText('新增：1');
	await page.goto('/notifications');
	await expect(page.getByText('没有符合条件的通知单。')).toBeVisible();

	await exchange.choose(shanghaiFile, beijingFile);
	await exchange.confirm();
	await expect(page.getByText('导入完成：写入 3 条通知单')).toBeVisible();

	await page.goto('/notifications');
	const table = page.getByTestId('notification-table');
	await expect(table.locator('tbody tr')).toHaveCount(3);
	await page.getByLabel('责任中心', { exact: true }).selectOption('4003');
	await page.getByRole('button', { name: '执行' }).last().click();
	await expect(table.locator('tbody tr')).toHaveCount(1);
	await expect(table).toContainText('文件柜门变形');
	await expect(table).toContainText('4003');

	// Other centres' records are read-only at head office.
	await new NotificationPage(page).goto('4003-01-000001');
	await expect(page.getByText('此通知单属于责任中心 4003，在本设备上只能查看。')).toBeVisible();
	await expect(page.getByRole('button', { name: '进行处理' })).toHaveCount(0);

	// Importing the same files again changes nothing.
	await exchange.choose(shanghaiFile, beijingFile);
	await expect(exchange.preview().getByTestId('file-counts').first()).toContainText(
		'相同或本机较新（无需处理）：2'
	);
	expect(problems.errors).toEqual([]);
});

test('two devices of one centre change the same notification: the conflict is resolved each way', async ({
	otherDevice,
	page,
	problems
}, testInfo) => {
	// Device 01 creates the notification and hands its data to a new device 02 (restore at first run).
	await startSetUpDevice(page, { device: '01' });
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create();
	const first = await new ExchangePage(page).exportTo(testInfo.outputPath('device-01-a.json'));

	const tablet = await otherDevice();
	await tablet.goto('/setup');
	await tablet.getByLabel('导出文件').setInputFiles(first);
	await tablet.getByLabel('本设备的设备代码').fill('01');
	await tablet.getByRole('button', { name: '从文件恢复' }).click();
	await expect(tablet.getByTestId('restore-errors')).toContainText(
		'设备代码 01 已被此文件的责任中心使用'
	);
	await tablet.getByLabel('本设备的设备代码').fill('02');
	await tablet.getByRole('button', { name: '从文件恢复' }).click();
	await expect(tablet.getByTestId('centre-badge')).toHaveText('4002 · 02');
	await new UserPanel(tablet).switchTo('王敏', '202', 'staff');

	// Both change it without exchanging.
	await changeDescription(page, number, '活动柜锁坏（桌面电脑）');
	await changeDescription(tablet, number, '活动柜锁坏（平板）');
	const fromTablet = await new ExchangePage(tablet).exportTo(
		testInfo.outputPath('device-02-a.json')
	);

	// The desk keeps its own version; the tablet's stays in the history as the loser.
	const desk = new ExchangePage(page);
	await desk.choose(fromTablet);
	await expect(desk.conflicts()).toHaveCount(1);
	const row = desk.conflictField('通知单描述');
	await expect(row).toContainText('活动柜锁坏（桌面电脑）');
	await expect(row).toContainText('活动柜锁坏（平板）');
	await desk.confirmButton().click();
	await expect(desk.errors()).toContainText('冲突尚未处理');
	await desk.resolveAll('保留本机版本');
	await desk.confirm();
	const deskNotification = new NotificationPage(page);
	await deskNotification.goto(number);
	await expect(page.locator('h1')).toContainText('活动柜锁坏（桌面电脑）');
	await expect(deskNotification.history()).toContainText('导入冲突');

	// The merged version descends from both: the tablet simply takes it, no new conflict.
	const merged = await new ExchangePage(page).exportTo(testInfo.outputPath('device-01-b.json'));
	const onTablet = new ExchangePage(tablet);
	await onTablet.choose(merged);
	await expect(onTablet.conflicts()).toHaveCount(0);
	await expect(onTablet.preview().getByTestId('file-counts')).toContainText(
		'文件中的版本较新（采用）：1'
	);
	await onTablet.confirm();
	await new NotificationPage(tablet).goto(number);
	await expect(tablet.locator('h1')).toContainText('活动柜锁坏（桌面电脑）');

	// Both change it again; this time the desk takes the tablet's version.
	await changeDescription(page, number, '活动柜锁坏（桌面电脑，第二次）');
	await changeDescription(tablet, number, '活动柜锁坏（平板，第二次）');
	const fromTabletAgain = await new ExchangePage(tablet).exportTo(
		testInfo.outputPath('device-02-b.json')
	);
	await desk.choose(fromTabletAgain);
	await expect(desk.conflicts()).toHaveCount(1);
	await desk.resolveField(number, '通知单描述', '采用文件中的版本');
	await desk.confirm();
	await deskNotification.goto(number);
	await expect(page.locator('h1')).toContainText('活动柜锁坏（平板，第二次）');
	// The desk's losing version is kept in the history: a second conflict entry.
	await expect(deskNotification.history().getByText(/导入冲突/)).toHaveCount(2);
	expect(problems.errors).toEqual([]);
});

test('an import that fails half-way leaves the stored data exactly as it was', async ({
	otherDevice,
	page,
	problems
}, testInfo) => {
	const shop = await newDevice(otherDevice, { centre: '4003', name: '北京服务中心' });
	await new CreateNotificationPage(shop).create();
	await new CreateNotificationPage(shop).create(
		exampleNotification({ description: '办公椅扶手松动' })
	);
	const file = await new ExchangePage(shop).exportTo(testInfo.outputPath('4003.json'));

	await startSetUpDevice(page, { centre: '0001', name: '总部' });
	const exchange = new ExchangePage(page);
	await exchange.choose(file);
	await expect(exchange.preview().getByTestId('file-counts')).toContainText('新增：2');
	// The disk fills up after the first record: IndexedDB refuses the second write (a new record is
	// added, a newer one put: both are refused).
	await page.evaluate(() => {
		let count = 0;
		for (const method of ['put', 'add'] as const) {
			const write = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (
				this: IDBObjectStore,
				...args: Parameters<typeof write>
			) {
				if (this.name === 'notifications' && ++count > 1) {
					throw new DOMException('simulated: the disk is full', 'QuotaExceededError');
				}
				return write.apply(this, args);
			};
		}
	});
	await exchange.confirm();
	await expect(page.getByText('导入失败，本设备的数据没有任何改变。')).toBeVisible();
	await page.reload();
	await page.goto('/notifications');
	await expect(page.getByText('没有符合条件的通知单。')).toBeVisible();
	// The simulated full disk is the one error expected here.
	problems.errors = problems.errors.filter((error) => !/simulated: the disk is full/.test(error));
	expect(problems.errors).toEqual([]);
});

test('offline, a file is read in the Worker and imported: the parser ships with the app', async ({
	otherDevice,
	page,
	context,
	problems
}, testInfo) => {
	const shop = await newDevice(otherDevice, { centre: '4003', name: '北京服务中心' });
	await new CreateNotificationPage(shop).create();
	const file = await new ExchangePage(shop).exportTo(testInfo.outputPath('4003.json'));

	await startSetUpDevice(page, { centre: '0001', name: '总部' });
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	const workers: string[] = [];
	page.on('worker', (worker) => workers.push(worker.url()));
	const exchange = new ExchangePage(page);
	await exchange.choose(file);
	expect(workers.some((url) => /parse\.worker/.test(url))).toBe(true);
	await expect(exchange.preview().getByTestId('file-counts')).toContainText('新增：1');
	await exchange.confirm();
	await expect(page.getByText('导入完成：写入 1 条通知单')).toBeVisible();
	expect(problems.errors).toEqual([]);
});

/** A copy of an exchange file with `change` made to its parsed envelope, sealed again. */
function writeChanged(
	from: string,
	to: string,
	change: (envelope: { notifications: unknown[] }) => void
): string {
	const envelope = JSON.parse(readFileSync(from, 'utf8')) as {
		notifications: unknown[];
		checksum?: string;
	};
	delete envelope.checksum;
	change(envelope);
	const body = Buffer.from(JSON.stringify(envelope).slice(0, -1), 'utf8');
	const checksum = createHash('sha256').update(body).digest('hex');
	writeFileSync(to, Buffer.concat([body, Buffer.from(`,"checksum":"${checksum}"}`, 'utf8')]));
	return to;
}

test('a large current file is read in parts: listed whole once its rows are written, and a number in two of its parts refused', async ({
	page,
	otherDevice,
	problems
}, testInfo) => {
	test.setTimeout(240_000);
	// A current-version file of 4,000 records: what this app exports after taking them in.
	await startSetUpDevice(page);
	const exchange = new ExchangePage(page);
	await exchange.choose(
		writeGeneratedFile(testInfo.outputPath('generated.json'), 4000, (i) => ({
			description: `沙发异响 ${i + 1}`,
			isUrgent: false,
			requiredEnd: '2001-03-20'
		}))
	);
	await exchange.confirm();
	await expect(page.getByText(/导入完成/)).toBeVisible();
	const exported = await exchange.exportTo(testInfo.outputPath('export.json'));
	// The same number in the first part of 1,000 and in the second.
	const twice = writeChanged(exported, testInfo.outputPath('twice.json'), (envelope) => {
		envelope.notifications[1500] = envelope.notifications[10];
	});
	const { notifications } = JSON.parse(readFileSync(twice, 'utf8')) as {
		notifications: { number: string }[];
	};

	const tablet = await newDevice(otherDevice, {
		centre: '4002',
		name: '上海服务中心',
		device: '03'
	});
	// A file this large is checked by two parse Workers: the first part by one, the second by the other.
	const parseWorkers: string[] = [];
	tablet.on('worker', (worker) => {
		if (worker.url().includes('parse.worker')) parseWorkers.push(worker.url());
	});
	const other = new ExchangePage(tablet);
	await other.choose(twice);
	await expect(other.refused().first()).toContainText(notifications[10]!.number);
	await expect(other.refused().first()).toContainText('此记录在同一文件中出现了多次');
	// A record that is not valid in the second Worker's part is named as in any other file.
	const bad = writeChanged(exported, testInfo.outputPath('bad.json'), (envelope) => {
		(envelope.notifications[1200] as { shipTo: string }).shipTo = '';
	});
	await other.choose(bad);
	await expect(other.refused().first()).toContainText(notifications[1200]!.number);
	await expect(other.refused().first()).toContainText('送达方');
	expect(parseWorkers.length).toBeGreaterThanOrEqual(4);

	await other.choose(exported);
	await other.confirm();
	await expect(tablet.getByText(/导入完成/)).toBeVisible();
	// More than 2,000: the list rows are written after the import; the list waits for them.
	await tablet.goto('/notifications');
	await expect(tablet.getByTestId('list-count')).toHaveText('共 4000 条通知单', {
		timeout: 60_000
	});
	await expect(tablet.getByTestId('list-loading')).toHaveCount(0);
	await tablet.goto(`/notifications?q=${encodeURIComponent('沙发异响 3999')}`);
	await expect(tablet.getByTestId('list-count')).toHaveText('共 1 条通知单');
	expect(problems.errors).toEqual([]);
});
