import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { restoreDevice, startSetUpDevice } from './support/device';

/**
 * The desk PC and a tablet of centre 4002 exchanging files both ways as a shop does (issue: "a
 * settled conflict stays settled, a later change is never reverted, and two notifications never
 * share a number"), then a wiped desk set up again with its old code, then head office.
 */

async function edit(page: Page, number: string, label: string, value: string): Promise<void> {
	await new NotificationPage(page).goto(number, 'change');
	await page.getByLabel(label, { exact: true }).fill(value);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByText(`通知单 ${number} 已保存。`)).toBeVisible();
}

/** Imports one file and confirms; with `settle`, every asked field is settled that way first. */
async function importFile(
	page: Page,
	path: string,
	settle?: '保留本机版本' | '采用文件中的版本'
): Promise<ExchangePage> {
	const exchange = new ExchangePage(page);
	await exchange.choose(path);
	if (settle) await exchange.resolveAll(settle);
	await exchange.confirm();
	// A written (or needless) import closes its preview; a refused one keeps it with the errors.
	await expect(exchange.preview()).toHaveCount(0);
	return exchange;
}

test('desk and tablet: a conflict settled opposite ways stays settled, later changes travel, different fields merge', async ({
	otherDevice,
	page: desk,
	problems
}, testInfo) => {
	test.setTimeout(240_000);
	const file = (name: string) => testInfo.outputPath(name);

	await startSetUpDevice(desk, { device: '01' });
	await new UserPanel(desk).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(desk).create();
	const first = await new ExchangePage(desk).exportTo(file('desk-1.json'));

	const tablet = await otherDevice();
	await restoreDevice(tablet, first, '02');
	await expect(tablet.getByTestId('centre-badge')).toHaveText('4002 · 02');
	await new UserPanel(tablet).switchTo('王敏', '202', 'staff');

	// Both change the description, then send each other their files at the same time.
	await edit(desk, number, '通知单描述', '活动柜锁坏（桌面电脑）');
	await edit(tablet, number, '通知单描述', '活动柜锁坏（平板）');
	const fromDesk = await new ExchangePage(desk).exportTo(file('desk-2.json'));
	const fromTablet = await new ExchangePage(tablet).exportTo(file('tablet-2.json'));

	// The panel shows the field with both values; the desk keeps its own, the tablet takes the desk's.
	const onDesk = new ExchangePage(desk);
	await onDesk.choose(fromTablet);
	await expect(onDesk.conflicts()).toHaveCount(1);
	await expect(onDesk.conflictField('通知单描述')).toContainText('活动柜锁坏（桌面电脑）');
	await expect(onDesk.conflictField('通知单描述')).toContainText('活动柜锁坏（平板）');
	await onDesk.resolveAll('保留本机版本');
	await onDesk.confirm();
	await importFile(tablet, fromDesk, '采用文件中的版本');

	// Settled the same content both ways: the next exchange both ways finds them identical.
	const deskSettled = await new ExchangePage(desk).exportTo(file('desk-3.json'));
	const tabletSettled = await new ExchangePage(tablet).exportTo(file('tablet-3.json'));
	for (const [page, path] of [
		[desk, tabletSettled],
		[tablet, deskSettled]
	] as const) {
		const exchange = new ExchangePage(page);
		await exchange.choose(path);
		await expect(exchange.conflicts()).toHaveCount(0);
		await expect(exchange.preview().getByTestId('file-counts').first()).toContainText(
			'相同或本机较新（无需处理）：1'
		);
	}
	await new NotificationPage(desk).goto(number);
	await expect(new NotificationPage(desk).history()).toContainText(
		'导入冲突（通知单描述）：采用 活动柜锁坏（桌面电脑），未采用 活动柜锁坏（平板）'
	);

	// A later change on the desk reaches the tablet as newer, and nothing goes back.
	await edit(desk, number, '预期的终止', '2001-03-20');
	const deskLater = await new ExchangePage(desk).exportTo(file('desk-4.json'));
	const onTablet = new ExchangePage(tablet);
	await onTablet.choose(deskLater);
	await expect(onTablet.preview().getByTestId('file-counts')).toContainText(
		'文件中的版本较新（采用）：1'
	);
	await onTablet.confirm();
	await new NotificationPage(tablet).goto(number);
	await expect(tablet.locator('main')).toContainText('2001/03/20');

	// And a change on the tablet reaches the desk as newer.
	await edit(tablet, number, '报告者', '李先生');
	const tabletLater = await new ExchangePage(tablet).exportTo(file('tablet-4.json'));
	await onDesk.choose(tabletLater);
	await expect(onDesk.preview().getByTestId('file-counts')).toContainText(
		'文件中的版本较新（采用）：1'
	);
	await onDesk.confirm();
	await new NotificationPage(desk).goto(number);
	await expect(desk.locator('main')).toContainText('2001/03/20');

	// The desk changes the required end while the tablet records the survey: no question asked.
	await edit(desk, number, '预期的终止', '2001-03-22');
	const survey = new NotificationPage(tablet);
	await survey.goto(number);
	await survey.action('KCJS 勘察结束').click();
	await expect(survey.userStatus()).toHaveText('KCJS 勘察结束');
	const deskBoth = await new ExchangePage(desk).exportTo(file('desk-5.json'));
	const tabletBoth = await new ExchangePage(tablet).exportTo(file('tablet-5.json'));
	for (const [page, path] of [
		[desk, tabletBoth],
		[tablet, deskBoth]
	] as const) {
		const exchange = new ExchangePage(page);
		await exchange.choose(path);
		await expect(exchange.conflicts()).toHaveCount(0);
		await expect(exchange.merged()).toContainText(number);
		await exchange.confirm();
		const notification = new NotificationPage(page);
		await notification.goto(number);
		await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
		await expect(page.locator('main')).toContainText('2001/03/22');
	}
	expect(problems.errors).toEqual([]);
});

test('a wiped device set up again with its old code keeps both customer requests; head office holds each once', async ({
	otherDevice,
	page: desk,
	problems
}, testInfo) => {
	test.setTimeout(180_000);
	const file = (name: string) => testInfo.outputPath(name);

	await startSetUpDevice(desk, { device: '01' });
	await new UserPanel(desk).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(desk).create();
	const backup = await new ExchangePage(desk).exportTo(file('desk-backup.json'));

	// The tablet was restored from the desk; its file names both devices.
	const tablet = await otherDevice();
	await restoreDevice(tablet, backup, '02');
	const fromTablet = await new ExchangePage(tablet).exportTo(file('tablet.json'));

	// The desk's browser data is wiped; it is set up again as 4002/01 and a request is taken
	// before the old backup is imported: two different requests now carry the same number.
	const wiped = await otherDevice();
	await startSetUpDevice(wiped, { device: '01' });
	await new UserPanel(wiped).switchTo('李娜', '101', 'assistant');
	const fresh = await new CreateNotificationPage(wiped).create(
		exampleNotification({ description: '新客户：沙发异响' })
	);
	expect(fresh).toBe(number);

	const exchange = new ExchangePage(wiped);
	await exchange.choose(fromTablet);
	await expect(exchange.collisions()).toContainText(number);
	await expect(exchange.collisions()).toContainText('本设备将改用设备代码 03');
	await exchange.confirm();
	await expect(wiped.getByTestId('centre-badge')).toHaveText('4002 · 03');

	// Both requests are kept: the earlier keeps the number, the later has a new one.
	const kept = new NotificationPage(wiped);
	await kept.goto(number);
	await expect(wiped.locator('h1')).toContainText('活动柜锁坏');
	await expect(kept.history()).toContainText('4002-03-000001');
	await kept.goto('4002-03-000001');
	await expect(wiped.locator('h1')).toContainText('新客户：沙发异响');
	await expect(kept.history()).toContainText(
		`编号冲突：通知单编号由 ${number} 改为 4002-03-000001`
	);
	// The next request gets a number of the new range.
	expect(await new CreateNotificationPage(wiped).create()).toBe('4002-03-000002');
	const fromWiped = await new ExchangePage(wiped).exportTo(file('wiped.json'));

	// Head office imports both devices' files: each record once, under one number.
	const headOffice = await otherDevice();
	await startSetUpDevice(headOffice, { centre: '0001', name: '总部' });
	await importFile(headOffice, fromWiped);
	await importFile(headOffice, fromTablet);
	await headOffice.goto('/notifications');
	const rows = headOffice.getByTestId('notification-table').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(headOffice.getByTestId('notification-table')).toContainText('新客户：沙发异响');
	expect(problems.errors).toEqual([]);
});
