import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import { CreateNotificationPage, UserPanel, exampleNotification } from './pages/notification-pages';
import { startSetUpDevice } from './support/device';
import { writeGeneratedFile } from './support/generated-file';
import { waitForServiceWorkerControl } from './support/service-worker';

/**
 * A file of another device of centre 4002 (device 02) with `count` notifications: every fifth
 * urgent, required ends spread over March 2001, descriptions from the seed and a formula-like one.
 */
function writeFile(path: string, count: number): string {
	const descriptions = ['活动柜锁坏', '抽屉打不开', '沙发异响', '文件柜门变形', '椅子轮子坏'];
	return writeGeneratedFile(path, count, (i) => ({
		description: i === 2 ? "=cmd|' /C calc'!A0 锁" : `${descriptions[i % 5]} ${i + 1}`,
		isUrgent: i % 5 === 0,
		requiredEnd: `2001-03-${String(8 + (i % 20)).padStart(2, '0')}`
	}));
}

async function importFile(page: Page, path: string): Promise<void> {
	const exchange = new ExchangePage(page);
	await exchange.choose(path);
	await exchange.confirm();
	await expect(page.getByText(/导入完成/)).toBeVisible();
}

const count = (page: Page) => page.getByTestId('list-count');
const rows = (page: Page) =>
	page.getByTestId('notification-table').locator('tbody tr[data-position]');
const headers = (page: Page) => page.getByTestId('notification-table').locator('thead th');

test('the list offline: selection in the URL, sort, columns, variant, keyboard and CSV', async ({
	page,
	context,
	problems
}, testInfo) => {
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await importFile(page, writeFile(testInfo.outputPath('sixty.json'), 60));

	// A selection survives a reload: it lives in the URL.
	await page.goto('/notifications');
	await expect(count(page)).toHaveText('共 60 条通知单');
	await page.getByLabel('全文搜索').fill('锁');
	await page.getByLabel('仅紧急').check();
	await page.getByRole('form', { name: '选择条件' }).getByRole('button', { name: '执行' }).click();
	await expect(page).toHaveURL(/urgent=1/);
	await expect(count(page)).toHaveText('共 12 条通知单');
	await page.reload();
	await expect(count(page)).toHaveText('共 12 条通知单');
	await expect(page.getByLabel('全文搜索')).toHaveValue('锁');
	await expect(page.getByLabel('仅紧急')).toBeChecked();

	// Sort by any column, both ways.
	await page.goto('/notifications?q=%E9%94%81');
	await expect(count(page)).toHaveText('共 13 条通知单');
	await expect(rows(page).first()).toHaveAttribute('data-number', '4002-02-000056');
	await page.getByRole('button', { name: '通知单', exact: true }).click();
	await expect(page).toHaveURL(/sort=number&dir=asc/);
	await expect(rows(page).first()).toHaveAttribute('data-number', '4002-02-000001');
	await expect(headers(page).first()).toHaveAttribute('aria-sort', 'ascending');

	// Choose, order and hide columns.
	await page.getByText('选择列').click();
	await page.getByLabel('显示“对象地址”').uncheck();
	await expect(headers(page).filter({ hasText: '对象地址' })).toHaveCount(0);
	await page.getByLabel('“描述”上移').click();
	await expect(headers(page).nth(1)).toHaveText('描述');
	await expect(page).toHaveURL(/cols=number%2Cdescription%2Ctype/);

	// Keyboard: arrows move the focus row by row, Enter opens.
	await rows(page).first().focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(rows(page).nth(2)).toBeFocused();
	const third = await rows(page).nth(2).getAttribute('data-number');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/notifications/${third}$`));
	await page.goBack();

	// CSV of the current selection with the chosen columns: BOM, Chinese, a formula neutralised.
	await expect(count(page)).toHaveText('共 13 条通知单');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '导出 CSV' }).click()
	]);
	const csv = readFileSync(await download.path(), 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const lines = csv.slice(1).split('\r\n');
	expect(lines[0]).toMatch(/^通知单,描述,通知类型,/);
	expect(lines).toHaveLength(14);
	expect(csv).toContain(`4002-02-000003,"'=cmd|' /C calc'!A0 锁"`);
	expect(csv).not.toContain('对象地址');

	// A saved variant is the default: the list opens with it.
	await page.goto('/notifications?urgent=1&sort=requiredEnd&dir=desc');
	await page.getByLabel('变式名称').fill('');
	await page.getByRole('button', { name: '保存为变式' }).click();
	await expect(page.getByText('请输入变式名称。')).toBeVisible();
	await page.getByLabel('变式名称').fill('我的紧急单');
	await page.getByLabel('设为默认变式（打开清单时使用）').check();
	await page.getByRole('button', { name: '保存为变式' }).click();
	await expect(page.getByText('已保存变式“我的紧急单”。')).toBeVisible();
	await page.getByLabel('变式名称').fill('我的紧急单');
	await page.getByRole('button', { name: '保存为变式' }).click();
	await expect(page.getByText('已有名为“我的紧急单”的变式，请换一个名称。')).toBeVisible();
	await page.goto('/');
	await page.getByRole('link', { name: '通知清单' }).first().click();
	await expect(page).toHaveURL(/urgent=1&sort=requiredEnd&dir=desc/);
	await expect(count(page)).toHaveText('共 12 条通知单');
	await expect(page.getByLabel('变式', { exact: true })).toHaveValue('我的紧急单');
	await page.goto('/notifications');
	await expect(page).toHaveURL(/urgent=1/);
	expect(problems.errors).toEqual([]);
});

test('a nonsense URL opens the list with a message about each bad criterion and the rest applied', async ({
	page,
	problems
}, testInfo) => {
	await startSetUpDevice(page);
	await importFile(page, writeFile(testInfo.outputPath('ten.json'), 10));
	// A 90 KB address is more than a web server takes (Node's limit is 16 KB): the installed app's
	// service worker answers it, as it answers every navigation once the app was opened.
	await waitForServiceWorkerControl(page);
	const longText = '锁'.repeat(10_000);
	await page.goto(
		`/notifications?status=XXXX&status=OSNO&endFrom=2001-03-20&endTo=2001-03-01&q=${encodeURIComponent(longText)}&urgent=1`
	);
	const messages = page.getByTestId('list-problems');
	await expect(messages).toContainText('选择条件“通知状态”的值“XXXX”无法识别');
	await expect(messages).toContainText(
		'选择条件“预期的终止 到”的范围 2001-03-20 – 2001-03-01 起止颠倒'
	);
	await expect(messages).toContainText('选择条件“全文搜索”太长（最多 100 个字符）');
	await expect(count(page)).toHaveText('共 2 条通知单');
	expect(problems.errors).toEqual([]);
});

test('20,000 notifications: the list scrolls to the end and the document stays under 1,400 nodes', async ({
	page,
	problems
}, testInfo) => {
	test.setTimeout(240_000);
	await startSetUpDevice(page);
	await importFile(page, writeFile(testInfo.outputPath('twenty-thousand.json'), 20_000));
	await page.goto('/notifications');
	await expect(count(page)).toHaveText('共 20000 条通知单', { timeout: 60_000 });
	const nodes = () =>
		page.evaluate(() => {
			const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
			let total = 0;
			while (walker.nextNode()) total++;
			return total;
		});
	let most = await nodes();
	const viewport = page.getByTestId('list-viewport');
	for (let step = 1; step <= 10; step++) {
		await viewport.evaluate((element, fraction) => {
			element.scrollTop = (element.scrollHeight - element.clientHeight) * fraction;
		}, step / 10);
		await page.waitForTimeout(100);
		most = Math.max(most, await nodes());
	}
	// Urgent first (every fifth, from 000001), then the newest: the oldest non-urgent one is last.
	await expect(rows(page).last()).toHaveAttribute('data-number', '4002-02-000002');
	most = Math.max(most, await nodes());
	expect(most, 'the most nodes in the document while scrolling').toBeLessThan(1400);
	// Search at this size: a word in one notification only.
	await page.goto(`/notifications?q=${encodeURIComponent('椅子轮子坏 20000')}`);
	await expect(count(page)).toHaveText('共 1 条通知单');
	expect(problems.errors).toEqual([]);
});

test('a database of the previous version (v4) with 5,000 notifications is upgraded with progress shown, then listed', async ({
	page,
	problems
}, testInfo) => {
	test.setTimeout(240_000);
	const file = writeFile(testInfo.outputPath('v4.json'), 5_000);
	const { notifications } = JSON.parse(readFileSync(file, 'utf8')) as {
		notifications: unknown[];
	};
	// A page of the origin that does not open the database, to write it as v4 left it.
	await page.goto('/manifest.webmanifest');
	await page.evaluate(
		({ records }) =>
			new Promise<void>((resolve, reject) => {
				// Dexie stores version n as IndexedDB version n × 10.
				const request = indexedDB.open('shouhou', 40);
				request.onupgradeneeded = () => {
					const db = request.result;
					db.createObjectStore('settings', { keyPath: 'key' });
					db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
					const notifications = db.createObjectStore('notifications', { keyPath: 'number' });
					for (const index of [
						'centre',
						'systemStatus',
						'userStatus',
						'type',
						'createdAt',
						'requiredStart',
						'requiredEnd',
						'mainWorkCentre',
						'responsible'
					])
						notifications.createIndex(index, index);
					notifications.createIndex('formerNumbers', 'formerNumbers', { multiEntry: true });
					db.createObjectStore('masterData', { keyPath: ['kind', 'code'] }).createIndex(
						'kind',
						'kind'
					);
				};
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const tx = db.transaction(['settings', 'notifications'], 'readwrite');
					tx.objectStore('settings').put({
						key: 'identity',
						value: { centreCode: '4002', centreName: '上海服务中心', deviceCode: '01' }
					});
					for (const record of records) tx.objectStore('notifications').put(record);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ records: notifications }
	);
	await page.addInitScript(() => {
		const seen = { progress: false };
		(window as unknown as { upgradeSeen: typeof seen }).upgradeSeen = seen;
		new MutationObserver(() => {
			if (document.querySelector('[data-testid="upgrade-progress"]')) seen.progress = true;
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto('/notifications');
	await expect(count(page)).toHaveText('共 5000 条通知单', { timeout: 120_000 });
	expect(
		await page.evaluate(
			() => (window as unknown as { upgradeSeen: { progress: boolean } }).upgradeSeen.progress
		),
		'the upgrade showed its progress'
	).toBe(true);
	expect(problems.errors).toEqual([]);
});

test('a save in another tab shows in the open list within a second, without reloading it', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	await page.goto('/notifications');
	await expect(count(page)).toHaveText('共 0 条通知单');
	const other = await context.newPage();
	const create = new CreateNotificationPage(other);
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(exampleNotification());
	await create.save().click();
	await other.waitForURL(/\/notifications\/4002-01-000001$/);
	await expect(count(page)).toHaveText('共 1 条通知单', { timeout: 1000 });
	await expect(rows(page).first()).toHaveAttribute('data-number', '4002-01-000001');
	expect(problems.errors).toEqual([]);
});
