import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { CreateNotificationPage, UserPanel, exampleNotification } from './pages/notification-pages';
import { startSetUpDevice } from './support/device';
import { boundQuota, fillQuota, restoreQuota } from './support/fault-injection';

const STORAGE_FULL = /^存储空间已满/;
const RAW_ERROR_NAMES = /QuotaExceededError|AbortError|DatabaseClosedError/;

test('defect: a save on a full disk says that storage is full, keeps the form, and works once space is back', async ({
	page,
	baseURL,
	problems
}) => {
	const origin = new URL(baseURL!).origin;
	const cdp = await boundQuota(page, origin);
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	const input = exampleNotification();
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(input);

	await fillQuota(page, cdp, origin);

	await create.save().click();
	const shell = new AppShell(page);
	await expect(shell.errorToast(STORAGE_FULL)).toBeVisible();
	await expect(shell.errorToast(STORAGE_FULL)).toContainText('导出');
	await expect(page.getByRole('alert').filter({ hasText: RAW_ERROR_NAMES })).toHaveCount(0);
	await expect(page).toHaveURL(/\/notifications\/new$/);
	await expect(create.field('通知单描述')).toHaveValue(input.description);
	await expect(create.field('送达方')).toHaveValue(input.shipTo);

	await restoreQuota(cdp, origin);
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
