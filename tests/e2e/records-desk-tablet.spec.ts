import { expect, test } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { ServiceFormPanel } from './pages/onsite-forms';
import { LinkedRecordsPanel } from './pages/records-pages';
import { WorkPlanPage } from './pages/work-plan-page';
import { startSetUpDevice } from './support/device';

test.use({ hasTouch: true });

test('the tablet writes a signed service form while the desk prints the work plan with the parts to draw: the exchange merges both without a conflict, either way', async ({
	page,
	otherDevice,
	problems
}, testInfo) => {
	test.setTimeout(180_000);
	const file = (name: string) => testInfo.outputPath(name);
	// The desk creates the notification and the parts to draw, and hands both to the tablet.
	const desk = page;
	await startSetUpDevice(desk);
	await new UserPanel(desk).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(desk).create(exampleNotification());
	const partsId = await new LinkedRecordsPanel(desk).addParts([
		{ material: '100056', quantity: '1', note: '锁芯' }
	]);
	const shared = await new ExchangePage(desk).exportTo(file('desk-1.json'));
	const tablet = await otherDevice();
	await startSetUpDevice(tablet, { device: '02' });
	await new UserPanel(tablet).switchTo('王敏', '202', 'staff');
	const onTablet = new ExchangePage(tablet);
	await onTablet.choose(shared);
	await onTablet.confirm();

	// Meanwhile: the desk prints the plan (NOPT) — the parts to draw are on it …
	const plan = new WorkPlanPage(desk);
	await plan.goto();
	await plan.select('2001-03-07', '2001-03-08');
	await expect(plan.plan()).toContainText('100056 ×1（锁芯）');
	await plan.download(() => plan.printButton().click());
	await new NotificationPage(desk).goto(number);
	await expect(desk.getByTestId('system-status')).toContainText('NOPT');

	// … and the tablet writes the service form with the customer's signature.
	await new NotificationPage(tablet).goto(number);
	const formId = await new ServiceFormPanel(tablet).create({
		workDone: '更换锁芯',
		acceptance: { customerName: '王先生' }
	});
	const fromTablet = await onTablet.exportTo(file('tablet.zip'));
	const fromDesk = await new ExchangePage(desk).exportTo(file('desk-2.json'));

	for (const [device, path] of [
		[desk, fromTablet],
		[tablet, fromDesk]
	] as const) {
		const exchange = new ExchangePage(device);
		await exchange.choose(path);
		await expect(exchange.conflicts()).toHaveCount(0);
		await expect(exchange.merged()).toContainText(number);
		await exchange.confirm();
		await new NotificationPage(device).goto(number);
		await expect(device.getByTestId('system-status')).toContainText('NOPT');
		const records = new LinkedRecordsPanel(device);
		await expect(records.entry(formId)).toContainText('王先生');
		await expect(records.entry(partsId)).toBeVisible();
		await expect(new NotificationPage(device).history()).toContainText(
			`家具服务单 ${formId} 已建立`
		);
	}
	expect(problems.errors).toEqual([]);
});
