import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { CreateNotificationPage, UserPanel } from './pages/notification-pages';
import { SetupPage } from './pages/setup-page';
import { startSetUpDevice } from './support/device';
import { waitForServiceWorkerControl } from './support/service-worker';

test('issue 8.1: a first visit at a deep link registers /sw.js with scope / and then works offline', async ({
	page,
	context,
	problems
}) => {
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('sw.js')) scripts.push(`${response.status()} ${response.url()}`);
	});
	await page.goto('/notifications/new');
	const origin = new URL(page.url()).origin;
	await expect
		.poll(
			() =>
				page.evaluate(async () =>
					(await navigator.serviceWorker.getRegistrations()).map((registration) => ({
						scope: registration.scope,
						script: (registration.installing ?? registration.waiting ?? registration.active)
							?.scriptURL
					}))
				),
			{ message: 'the one registration of the app' }
		)
		.toEqual([{ scope: `${origin}/`, script: `${origin}/sw.js` }]);
	expect(scripts.filter((line) => !line.startsWith('200 '))).toEqual([]);

	await page.waitForURL(/\/setup$/);
	await new SetupPage(page).complete();
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	const response = await page.goto('/notifications/new');
	expect(response?.fromServiceWorker(), 'the deep link comes from the service worker').toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('创建通知（IW51）');
	await expect(new AppShell(page).centreBadge()).toHaveText('4002 · 01');
	expect(problems.errors).toEqual([]);
});

test('issue 8.16: the command box message never covers the menu at 1280×720 and can be dismissed', async ({
	page,
	problems
}) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await startSetUpDevice(page);
	const shell = new AppShell(page);
	for (const [name, path] of [
		['报表', '/reports'],
		['数据交换', '/exchange'],
		['设置', '/settings']
	] as const) {
		await shell.runCommand('VA01');
		await expect(shell.commandMessage()).toHaveText(/未知的事务代码或命令：“VA01”/);
		// A covered link would make Playwright wait for it: a short wait shows the defect quickly.
		await shell.nav().getByRole('link', { name, exact: true }).click({ timeout: 5_000 });
		await expect(page).toHaveURL(new RegExp(`${path}$`));
	}

	await shell.runCommand('VA01');
	await expect(shell.commandMessage()).toBeVisible();
	await shell.commandBox().press('Escape');
	await expect(shell.commandMessage()).toHaveCount(0);
	await expect(shell.commandBox()).not.toHaveAttribute('aria-describedby');

	await shell.runCommand('VA01');
	await shell.dismissCommandMessage().click();
	await expect(shell.commandMessage()).toHaveCount(0);
	expect(problems.errors).toEqual([]);
});

test('issue 8.8: keystrokes typed 0.1 s before a reload are kept in the draft and restored', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.field('通知单描述').fill('活动柜锁坏');
	await create.field('送达方').pressSequentially('27');
	// Less than the draft's debounce: only a save as the page goes keeps these keystrokes.
	await page.waitForTimeout(100);
	await page.reload();
	await expect(create.field('送达方')).toHaveValue('27');
	await expect(create.field('通知单描述')).toHaveValue('活动柜锁坏');
	expect(problems.errors).toEqual([]);
});
