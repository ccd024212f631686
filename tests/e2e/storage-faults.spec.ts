import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { CreateNotificationPage, UserPanel, exampleNotification } from './pages/notification-pages';
import { startSetUpDevice } from './support/device';

const STORAGE_FULL = /^存储空间已满/;
const RAW_ERROR_NAMES = /QuotaExceededError|AbortError|DatabaseClosedError/;

/** Tries one small write into a database of its own; says how it ended (the error's name). */
function probeWrite(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const request = indexedDB.open('quota-probe', 1);
				request.onupgradeneeded = () => request.result.createObjectStore('probe');
				request.onerror = () => resolve(request.error?.name ?? 'error');
				request.onsuccess = () => {
					const database = request.result;
					const transaction = database.transaction('probe', 'readwrite');
					transaction.objectStore('probe').put('x'.repeat(4096), Math.random());
					transaction.oncomplete = () => {
						database.close();
						resolve('written');
					};
					transaction.onabort = () => {
						database.close();
						resolve(transaction.error?.name ?? 'aborted');
					};
				};
			})
	);
}

test('defect: a save on a full disk says that storage is full, keeps the form, and works once space is back', async ({
	page,
	baseURL,
	problems
}) => {
	// Chromium spends space it already granted before an override bites (about 30 s).
	test.setTimeout(150_000);
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	const input = exampleNotification();
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(input);

	const cdp = await page.context().newCDPSession(page);
	const origin = new URL(baseURL!).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	await expect
		.poll(() => probeWrite(page), { timeout: 90_000, intervals: [2_000] })
		.toBe('QuotaExceededError');

	await create.save().click();
	const shell = new AppShell(page);
	await expect(shell.errorToast(STORAGE_FULL)).toBeVisible();
	await expect(shell.errorToast(STORAGE_FULL)).toContainText('导出');
	await expect(page.getByRole('alert').filter({ hasText: RAW_ERROR_NAMES })).toHaveCount(0);
	await expect(page).toHaveURL(/\/notifications\/new$/);
	await expect(create.field('通知单描述')).toHaveValue(input.description);
	await expect(create.field('送达方')).toHaveValue(input.shipTo);

	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	expect(problems.errors).toEqual([]);
});

test('issue 14.3 (defect): after the database is deleted in another tab, the banner says so and every later save is refused with its words', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	const input = exampleNotification();
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(input);
	const shell = new AppShell(page);

	// Another tab of the same origin deletes the database (as a "clear data" tool would).
	const other = await context.newPage();
	await other.goto('/manifest.webmanifest');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.deleteDatabase('shouhou');
				request.onsuccess = () => resolve();
				request.onerror = () => reject(request.error);
			})
	);

	await expect(shell.deletedBanner()).toBeVisible();
	const deleted = (await shell.deletedBanner().locator('span').textContent()) ?? '';
	expect(deleted).toContain('删除');
	await expect(shell.versionChangeBanner()).toBeHidden();

	for (const attempt of [1, 2]) {
		await create.save().click();
		const toast = shell.errorToast(deleted);
		await expect(toast, `save ${attempt}`).toBeVisible();
		await expect(page.getByRole('alert').filter({ hasText: RAW_ERROR_NAMES })).toHaveCount(0);
		await expect(create.field('通知单描述')).toHaveValue(input.description);
		await toast.getByRole('button', { name: '关闭' }).click();
		await expect(toast).toBeHidden();
	}
	expect(problems.errors).toEqual([]);
});
