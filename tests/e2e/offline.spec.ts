import type { Page, Response } from '@playwright/test';
import { expect, test, watchProblems } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SettingsPage } from './pages/settings-page';
import { startSetUpDevice } from './support/device';
import { waitForServiceWorkerControl } from './support/service-worker';

/** Whether the page has the shipped CJK font loaded (not merely a system fallback). */
async function hasCjkFontLoaded(page: Page): Promise<boolean> {
	return page.evaluate(async () => {
		await document.fonts.ready;
		const faces = [...document.fonts].filter(
			(face) => face.family.replace(/"/g, '') === 'Noto Sans SC'
		);
		await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
		return (
			faces.some((face) => face.status === 'loaded') &&
			document.fonts.check('16px "Noto Sans SC"', '售后')
		);
	});
}

test('after the first visit the app starts, deep-links and shows Chinese with the network off', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);

	await context.setOffline(true);
	expect(await page.evaluate(() => navigator.onLine)).toBe(false);

	// A cold start: a new tab, nothing in memory, every file from the service worker.
	const cold = await context.newPage();
	const coldProblems = await watchProblems(cold);
	const fontResponses: Response[] = [];
	cold.on('response', (response) => {
		if (/noto-sans-sc.*\.woff/.test(response.url())) fontResponses.push(response);
	});
	const shell = new AppShell(cold);

	const home = await cold.goto('/');
	expect(home?.fromServiceWorker(), '/ comes from the service worker').toBe(true);
	await expect(shell.centreBadge()).toHaveText('4002 · 01');
	await expect(cold.getByRole('heading', { level: 1 })).toHaveText('售后服务通知');
	expect(await hasCjkFontLoaded(cold), 'the CJK font loads offline').toBe(true);
	expect(fontResponses.length).toBeGreaterThan(0);
	for (const response of fontResponses) {
		expect(response.fromServiceWorker(), `${response.url()} from the service worker`).toBe(true);
	}

	const settings = await cold.goto('/settings');
	expect(settings?.fromServiceWorker(), '/settings comes from the service worker').toBe(true);
	await expect(new SettingsPage(cold).heading()).toHaveText('设置');
	await expect(shell.centreBadge()).toHaveText('4002 · 01');

	const notification = await cold.goto('/notifications/4002-01-000001');
	expect(notification?.fromServiceWorker(), 'a notification deep link comes from the worker').toBe(
		true
	);
	await expect(shell.nav()).toBeVisible();
	await expect(shell.centreBadge()).toHaveText('4002 · 01');
	await expect(cold.getByRole('alert').filter({ hasText: /失败|Failed to fetch/ })).toHaveCount(0);

	// Every other area opens offline too, each as a cold deep link.
	for (const [path, heading] of [
		['/notifications', '通知清单（IW59）'],
		['/notifications/new', '创建通知（IW51）'],
		['/exchange', '数据交换']
	] as const) {
		const response = await cold.goto(path);
		expect(response?.fromServiceWorker(), `${path} comes from the service worker`).toBe(true);
		await expect(cold.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
	for (const path of ['/work-plan', '/reports']) {
		const response = await cold.goto(path);
		expect(response?.fromServiceWorker(), `${path} comes from the service worker`).toBe(true);
		await expect(shell.centreBadge()).toHaveText('4002 · 01');
	}

	// The command box's code loads on the first command: offline, from the service worker.
	await shell.runCommand('IW51');
	await expect(cold).toHaveURL(/\/notifications\/new$/);
	await expect(cold.getByRole('heading', { level: 1 })).toHaveText('创建通知（IW51）');

	// The open tab survives a reload offline too.
	const reloaded = await page.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await expect(new AppShell(page).centreBadge()).toHaveText('4002 · 01');

	expect(coldProblems.errors).toEqual([]);
	expect(problems.errors).toEqual([]);
});
