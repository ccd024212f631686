import type { Response } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { OverviewPage } from './pages/overview-page';
import { startSetUpDevice } from './support/device';
import { waitForServiceWorkerControl } from './support/service-worker';

/** A local calendar day `offset` days from today, `YYYY-MM-DD` (the browser runs on this clock). */
function day(offset: number): string {
	const date = new Date();
	date.setDate(date.getDate() + offset);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Monday of this week, as an offset from today. */
function mondayOffset(): number {
	return -((new Date().getDay() + 6) % 7);
}

test('the overview counts the centre offline, drills down to the list and draws its charts under the CSP', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');

	// Three notifications: urgent and overdue; due today; put in process, due in ten days.
	const create = new CreateNotificationPage(page);
	const urgent = await create.create(
		exampleNotification({ requiredStart: day(-3), requiredEnd: day(-1), isUrgent: true })
	);
	await create.create(
		exampleNotification({ description: '抽屉卡住', requiredStart: day(0), requiredEnd: day(0) })
	);
	await create.create(
		exampleNotification({ description: '桌面划伤', requiredStart: day(0), requiredEnd: day(10) })
	);
	const notification = new NotificationPage(page);
	await notification.action('进行处理').click();
	await expect(notification.systemStatus()).toContainText('NOPR');

	const chunks: Response[] = [];
	page.on('response', (response) => {
		if (response.url().includes('/_app/immutable/')) chunks.push(response);
	});
	const overview = new OverviewPage(page);
	await overview.goto();

	// Point 7: the counts of this centre (a centre has no choice of centre).
	await expect(overview.centreChoice()).toHaveCount(0);
	const counts: Record<string, number> = {};
	for (const label of [
		'OSNO 未结',
		'NOPR 正在处理',
		'NOPO 延期',
		'NOCO 已完成',
		'全部',
		'紧急（未完成）',
		'逾期',
		'今日到期',
		'本周到期',
		'紧急，未通知服务人员',
		'Z1 · TZJL 通知建立'
	]) {
		counts[label] = await overview.countOf(label);
	}
	const monday = mondayOffset();
	const dueThisWeek = [-1, 0, 10].filter((end) => end >= monday && end <= monday + 6).length;
	expect(counts).toEqual({
		'OSNO 未结': 2,
		'NOPR 正在处理': 1,
		'NOPO 延期': 0,
		'NOCO 已完成': 0,
		全部: 3,
		'紧急（未完成）': 1,
		逾期: 1,
		今日到期: 1,
		本周到期: dueThisWeek,
		'紧急，未通知服务人员': 1,
		'Z1 · TZJL 通知建立': 3
	});
	await expect(
		overview
			.responsibleTable()
			.getByRole('row', { name: /202 王敏/ })
			.getByRole('cell')
	).toHaveText(['3', '1', '1']);
	await expect(overview.urgentList().getByRole('link', { name: urgent })).toHaveAttribute(
		'href',
		`/notifications/${urgent}`
	);
	// Urgent work not yet dispatched is the first thing on the overview (issue 12.6).
	await expect(page.getByTestId('overview').locator('h3').first()).toHaveText(
		'紧急，尚未通知服务人员'
	);

	// Point 8: three charts drawn on their canvases, each with its figures as a table.
	for (const id of ['status', 'age', 'weeks'] as const) {
		await expect
			.poll(() => overview.paintedPixels(id), { message: `${id} chart drawn` })
			.toBeGreaterThan(0);
	}
	await expect(page.getByText('图表无法显示')).toHaveCount(0);
	expect(await overview.tableRows('未完成通知单（按系统状态）')).toEqual([
		['OSNO 未结', '2'],
		['NOPR 正在处理', '1'],
		['NOPO 延期', '0']
	]);
	expect(await overview.tableRows('未完成通知单的账龄（自通知日期起的天数）')).toEqual([
		['0–2 天', '3'],
		['3–7 天', '0'],
		['8–30 天', '0'],
		['30 天以上', '0']
	]);
	const weeks = await overview.tableRows('近 12 周每周创建与完成的通知单');
	expect(weeks).toHaveLength(12);
	expect(weeks.at(-1)).toEqual([day(monday).replaceAll('-', '/'), '3', '0']);
	expect(
		weeks.slice(0, -1).every(([, created, completed]) => created === '0' && completed === '0')
	).toBe(true);
	// Offline, so Chart.js's chunk (loaded on demand) came from the service worker's precache.
	expect(chunks.length).toBeGreaterThan(0);
	for (const response of chunks) {
		expect(response.fromServiceWorker(), `${response.url()} from the service worker`).toBe(true);
	}
	await expectNoSeriousA11yViolations(page);

	// Each count opens the list with its selection in the URL.
	await overview.count('逾期').click();
	await page.waitForURL(/\/notifications\?/);
	expect(new URL(page.url()).search).toBe('?overdue=1&centre=4002');
	await page.goBack();
	await overview.count('今日到期').click();
	await page.waitForURL(/\/notifications\?/);
	expect(new URL(page.url()).search).toBe(
		`?status=OSNO&status=NOPR&status=NOPO&endFrom=${day(0)}&endTo=${day(0)}&centre=4002`
	);
	await page.goBack();
	await overview.count('Z1 · TZJL 通知建立').click();
	await page.waitForURL(/\/notifications\?/);
	expect(new URL(page.url()).search).toBe(
		'?status=OSNO&status=NOPR&status=NOPO&type=Z1&userStatus=TZJL&centre=4002'
	);
	await page.goBack();
	await overview.urgentList().getByRole('link', { name: urgent }).click();
	await page.waitForURL(`**/notifications/${urgent}`);
	expect(problems.errors).toEqual([]);
});

test('head office sees all centres together and chooses one, kept in the URL', async ({
	otherDevice,
	page,
	problems
}, testInfo) => {
	const files: string[] = [];
	for (const [centre, name, urgentCount] of [
		['4002', '上海服务中心', 2],
		['4003', '北京服务中心', 1]
	] as const) {
		const shop = await otherDevice();
		await startSetUpDevice(shop, { centre, name });
		await new UserPanel(shop).switchTo('李娜', '101', 'assistant');
		for (let index = 0; index < urgentCount; index += 1) {
			await new CreateNotificationPage(shop).create(
				exampleNotification({ requiredStart: day(-2), requiredEnd: day(-1), isUrgent: true })
			);
		}
		// A centre's own overview offers no choice and counts only its own.
		const own = new OverviewPage(shop);
		await own.goto();
		await expect(own.centreChoice()).toHaveCount(0);
		expect(await own.countOf('全部')).toBe(urgentCount);
		files.push(await new ExchangePage(shop).exportTo(testInfo.outputPath(`${centre}.json`)));
	}

	await startSetUpDevice(page, { centre: '0001', name: '总部' });
	const exchange = new ExchangePage(page);
	await exchange.choose(...files);
	await exchange.confirm();
	await expect(page.getByText('导入完成：写入 3 条通知单')).toBeVisible();

	const overview = new OverviewPage(page);
	await overview.goto();
	await expect(overview.centreChoice()).toHaveValue('');
	await expect(overview.centreChoice().locator('option')).toHaveText([
		'全部责任中心',
		'0001',
		'4002',
		'4003'
	]);
	expect(await overview.countOf('全部')).toBe(3);
	expect(await overview.countOf('逾期')).toBe(3);
	await expect(overview.count('逾期')).toHaveAttribute('href', '/notifications?overdue=1');
	await expect(overview.urgentList().locator('tbody tr')).toHaveCount(3);

	await overview.centreChoice().selectOption('4003');
	await page.waitForURL(/\/\?centre=4003$/);
	await expect(overview.count('全部')).toHaveAccessibleName(/^全部\s*1$/);
	expect(await overview.countOf('逾期')).toBe(1);
	await expect(overview.count('逾期')).toHaveAttribute(
		'href',
		'/notifications?overdue=1&centre=4003'
	);
	await expect(overview.urgentList()).toContainText('4003-01-000001');
	await expect(overview.urgentList()).not.toContainText('4002-01-');

	// The choice is in the URL: a reload keeps it.
	await page.reload();
	await expect(overview.centreChoice()).toHaveValue('4003');
	expect(await overview.countOf('全部')).toBe(1);
	await expectNoSeriousA11yViolations(page);
	expect(problems.errors).toEqual([]);
});
