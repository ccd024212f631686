import { expect, test, watchProblems } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { ServiceFormPanel } from './pages/onsite-forms';
import { WorkPlanPage } from './pages/work-plan-page';
import { restoreDevice, startSetUpDevice } from './support/device';
import { storedImages } from './support/stored-images';

/**
 * Issue 13: each linked record is a record of its own, so the tablet writing a service form and
 * the desk printing the work plan never touch the same record, and their exchange needs no choice.
 */

test('the tablet writes a signed service form while the desk prints the work plan: the exchange merges both without a conflict', async ({
	page: desk,
	browser,
	baseURL,
	problems
}, testInfo) => {
	test.setTimeout(180_000);
	await startSetUpDevice(desk, { device: '01' });
	await new UserPanel(desk).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(desk).create(exampleNotification());
	const first = await new ExchangePage(desk).exportTo(testInfo.outputPath('desk-1.json'));

	// The tablet: a device of its own with touch, set up from the desk's file.
	const tabletContext = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		serviceWorkers: 'block',
		hasTouch: true,
		viewport: { width: 820, height: 1180 }
	});
	const tablet = await tabletContext.newPage();
	const tabletProblems = await watchProblems(tablet);
	await restoreDevice(tablet, first, '02');
	await new UserPanel(tablet).switchTo('王敏', '202', 'staff');
	await new NotificationPage(tablet).goto(number);
	const serviceId = await new ServiceFormPanel(tablet).create({
		workDone: '更换锁芯',
		acceptance: { customerName: '王女士' }
	});
	expect(serviceId).toBe(`${number}-S1-02`);

	// Meanwhile the desk prints the work plan with the notification in it (NOPT).
	const plan = new WorkPlanPage(desk);
	await plan.goto();
	await plan.select('2001-03-07', '2001-03-08');
	await plan.download(() => plan.printButton().click());
	await expect(desk.getByText('1 张通知单已标记为已打印（NOPT）')).toBeVisible();

	// The tablet's export (a ZIP: the signature travels) merges into the desk without a question.
	const [download] = await Promise.all([
		tablet.waitForEvent('download'),
		new ExchangePage(tablet)
			.goto()
			.then(() => tablet.getByRole('button', { name: '导出', exact: true }).click())
	]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const fromTablet = testInfo.outputPath('tablet.zip');
	await download.saveAs(fromTablet);
	const exchange = new ExchangePage(desk);
	await exchange.choose(fromTablet);
	await expect(exchange.conflicts()).toHaveCount(0);
	await exchange.confirm();
	await expect(exchange.preview()).toHaveCount(0);

	const notification = new NotificationPage(desk);
	await notification.goto(number);
	await expect(notification.systemStatus()).toContainText('NOPT');
	await expect(desk.getByTestId(`record-${serviceId}`)).toContainText('王女士');
	await expect(notification.history()).toContainText(serviceId);
	const [signature] = await storedImages(desk);
	expect(signature?.computed).toBe(signature?.key);
	expect(await storedImages(desk)).toEqual(await storedImages(tablet));
	await tabletContext.close();
	expect(tabletProblems.errors).toEqual([]);
	expect(problems.errors).toEqual([]);
});
