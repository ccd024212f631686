import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { WorkPlanPage } from './pages/work-plan-page';
import { startSetUpDevice } from './support/device';
import { downloadedPdfPages } from './support/pdf';
import { waitForServiceWorkerControl } from './support/service-worker';

test('offline after a first visit: the work plan and a notification sheet print as PDF and set NOPT', async ({
	page,
	context,
	problems
}) => {
	// jsPDF (the only code that writes /FontFile2) is not in the first page's JavaScript.
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.push(response.text().catch(() => ''));
	});
	const hasJsPdf = async () =>
		(await Promise.all(scripts)).some((source) => source.includes('FontFile2'));
	await startSetUpDevice(page);
	expect(await hasJsPdf(), 'jsPDF is not loaded by the first page').toBe(false);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);

	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	const first = await create.create(exampleNotification());
	const second = await create.create(
		exampleNotification({
			description: '椅子扶手松动',
			requiredStart: '2001-03-08',
			requiredEnd: '2001-03-09'
		})
	);
	const later = await create.create(
		exampleNotification({
			description: '桌面划伤',
			requiredStart: '2001-03-20',
			requiredEnd: '2001-03-21'
		})
	);

	const plan = new WorkPlanPage(page);
	await plan.goto();
	await expect(plan.heading()).toHaveText('工作计划表（ZSMR006）');
	await plan.select('2001-03-07', '2001-03-08');
	await expect(plan.count()).toHaveText('共 2 张通知单，2 天');
	await expect(plan.plan().getByRole('heading', { level: 3 })).toHaveText([
		'2001/03/07 负责人：202 王敏',
		'2001/03/08 负责人：202 王敏'
	]);
	await expect(plan.plan()).toContainText('活动柜锁坏');
	await expect(plan.plan()).not.toContainText('桌面划伤');
	await expectNoSeriousA11yViolations(page);

	const download = await plan.download(() => plan.printButton().click());
	expect(download.suggestedFilename()).toBe('ZSMR006_2001-03-07_2001-03-08.pdf');
	const [sheet, ...more] = await downloadedPdfPages(download);
	expect(more).toEqual([]);
	expect(sheet).toContain('活动柜锁坏');
	expect(sheet).toContain('椅子扶手松动');
	expect(sheet).toContain('4002 上海服务中心');
	expect(sheet).toContain('第 1 页 / 共 1 页');
	await expect(page.getByText('2 张通知单已标记为已打印（NOPT）')).toBeVisible();

	const notification = new NotificationPage(page);
	for (const number of [first, second]) {
		await notification.goto(number);
		await expect(notification.systemStatus()).toContainText('NOPT');
		await expect(notification.history()).toContainText(
			'已在工作计划表 2001/03/07–2001/03/08 中打印'
		);
	}
	await notification.goto(later);
	await expect(notification.systemStatus()).not.toContainText('NOPT');

	// The notification sheet, in English on request while the screen stays Chinese.
	await page.getByLabel('打印语言').selectOption('en');
	const sheetDownload = await plan.download(() =>
		page.getByRole('button', { name: '打印', exact: true }).click()
	);
	expect(sheetDownload.suggestedFilename()).toBe(`${later}.pdf`);
	const sheetText = (await downloadedPdfPages(sheetDownload)).join('\n');
	expect(sheetText).toContain(`Customer service notification ${later}`);
	expect(sheetText).toContain('桌面划伤');
	expect(sheetText).toContain('Payment status');
	expect(sheetText).toContain('Page 1 of 1');
	await expect(notification.systemStatus()).toContainText('NOPT');
	await expect(notification.history()).toContainText('已打印');

	expect(await hasJsPdf(), 'jsPDF was loaded, from the precache, to print').toBe(true);
	expect(problems.errors).toEqual([]);
});

test('a character the font lacks is reported with where it occurs; print with 〓 or cancel', async ({
	page
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create(
		exampleNotification({ description: '龑记活动柜锁坏😀' })
	);

	const plan = new WorkPlanPage(page);
	await plan.goto();
	await plan.select('2001-03-07', '2001-03-07');
	await plan.printButton().click();
	await expect(plan.missingGlyphs()).toContainText(`龑（U+9F91）出现在：${number} · 通知单描述`);
	await expect(plan.missingGlyphs()).toContainText('U+1F600');
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('button', { name: '取消' }).click();
	await expect(plan.missingGlyphs()).toHaveCount(0);
	const notification = new NotificationPage(page);

	await plan.printButton().click();
	const download = await plan.download(() => plan.printWithPlaceholder().click());
	const [text] = await downloadedPdfPages(download);
	expect(text).toContain('〓记活动柜锁坏〓');

	await notification.goto(number);
	await expect(notification.history()).toContainText('已在工作计划表 2001/03/07–2001/03/07 中打印');
});

test('bad ranges give a message, never an empty PDF', async ({ page }) => {
	await startSetUpDevice(page);
	const plan = new WorkPlanPage(page);
	await plan.goto();

	await plan.select('2001-03-08', '2001-03-07');
	await expect(plan.message()).toHaveText('“结束日期”不能早于“开始日期”。');
	await expect(plan.printButton()).toHaveCount(0);

	await plan.from().fill('');
	await plan.show().click();
	await expect(page.getByText('请填写“开始日期”。')).toBeVisible();

	await plan.select('2001-03-07', '2001-03-08');
	await expect(plan.message()).toHaveText('此日期范围内没有未结的通知单，不生成 PDF。');
	await expect(plan.printButton()).toHaveCount(0);

	await plan.select('2000-01-01', '2001-06-30');
	await expect(plan.message()).toContainText('日期范围超过一年（547 天）');
	await page.getByRole('button', { name: '确定使用此范围' }).click();
	await expect(plan.message()).toHaveText('此日期范围内没有未结的通知单，不生成 PDF。');
});
