import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SettingsPage } from './pages/settings-page';
import { startSetUpDevice } from './support/device';

/** Dexie's version number for the app's schema version `v` (Dexie multiplies by 10). */
const idbVersion = (v: number) => v * 10;

test.describe('IndexedDB cannot be used', () => {
	test('when opening fails the app says nothing can be saved, instead of loading forever', async ({
		page,
		problems
	}) => {
		await page.addInitScript(() => {
			// As in a private window that refuses storage: every open fails.
			IDBFactory.prototype.open = function () {
				throw new DOMException(
					'The user denied permission to access the database.',
					'SecurityError'
				);
			};
		});
		await page.goto('/');
		const shell = new AppShell(page);
		await expect(page.getByRole('heading', { name: '无法保存数据' })).toBeVisible();
		await expect(page.getByText('SecurityError')).toBeVisible();
		await expect(shell.loading()).toHaveCount(0);
		await expect(page).not.toHaveURL(/\/setup$/);
		expect(problems.errors).toEqual([]);
	});

	test('when the browser has no IndexedDB at all the same screen is shown', async ({
		page,
		problems
	}) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		});
		await page.goto('/settings');
		await expect(page.getByRole('heading', { name: '无法保存数据' })).toBeVisible();
		await expect(new AppShell(page).loading()).toHaveCount(0);
		expect(problems.errors).toEqual([]);
	});
});

test('issue 14.3: a newer schema opened in another tab closes this tab’s connection and asks to reload', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const shell = new AppShell(page);
	await expect(shell.versionChangeBanner()).toBeHidden();

	// What a newer version of the app does when it opens the database in another tab.
	const upgraded = await page.evaluate(
		(version) =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('shouhou', version);
				request.onsuccess = () => {
					request.result.close();
					resolve(version);
				};
				request.onerror = () => reject(request.error);
				request.onblocked = () => reject(new Error('blocked by this tab'));
			}),
		1000
	);
	expect(upgraded).toBe(1000);
	await expect(shell.versionChangeBanner()).toBeVisible();
	await expect(shell.versionChangeBanner()).toContainText('请重新加载');
	await expect(shell.versionChangeBanner().getByRole('button', { name: '重新加载' })).toBeVisible();
	expect(problems.errors).toEqual([]);
});

test('an old tab that keeps the database open blocks the upgrade, and the app says so', async ({
	page,
	context,
	problems
}) => {
	// An old tab: the v1 schema, opened by code that ignores "versionchange" (never closes).
	const oldTab = await context.newPage();
	await oldTab.goto('/manifest.webmanifest');
	await oldTab.evaluate(
		(version) =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('shouhou', version);
				request.onupgradeneeded = () =>
					request.result.createObjectStore('settings', { keyPath: 'key' });
				request.onsuccess = () => {
					(window as unknown as { oldConnection: IDBDatabase }).oldConnection = request.result;
					resolve();
				};
				request.onerror = () => reject(request.error);
			}),
		idbVersion(1)
	);

	await page.goto('/');
	const shell = new AppShell(page);
	await expect(shell.blockedBanner()).toBeVisible();
	await expect(shell.blockedBanner()).toContainText('关闭本应用的其他标签页');

	// Once the old tab lets go, the upgrade goes on and the app starts.
	await oldTab.evaluate(() =>
		(window as unknown as { oldConnection: IDBDatabase }).oldConnection.close()
	);
	await expect(shell.blockedBanner()).toBeHidden();
	await expect(page).toHaveURL(/\/setup$/);
	expect(problems.errors).toEqual([]);
});

test.describe('storage panel', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			const calls = { persist: 0 };
			(window as unknown as { persistCalls: typeof calls }).persistCalls = calls;
			const persist = StorageManager.prototype.persist;
			StorageManager.prototype.persist = function () {
				calls.persist++;
				return persist.call(this);
			};
		});
	});

	const persistCalls = (page: Page) =>
		page.evaluate(
			() => (window as unknown as { persistCalls: { persist: number } }).persistCalls.persist
		);

	test('shows usage, quota and persistence, and asks for persistence only when told to', async ({
		page,
		problems
	}) => {
		await startSetUpDevice(page);
		const settings = new SettingsPage(page);
		await settings.goto();

		await expect(settings.usage()).toHaveText(
			/^已用 [\d.]+ (B|KB|MB)，可用配额 [\d.]+ (MB|GB|TB)（[\d.]+%）。$/
		);
		await expect(settings.persistence()).toHaveText(/^持久存储：(已授予|未授予)/);
		expect(await persistCalls(page), 'no request on page load').toBe(0);

		await settings.requestPersistence().click();
		await expect.poll(() => persistCalls(page), { message: 'requested after the click' }).toBe(1);
		await expect(
			page
				.getByRole('status')
				.or(page.getByRole('alert'))
				.filter({ hasText: /持久存储/ })
		).toBeVisible();
		expect(problems.errors).toEqual([]);
	});
});
