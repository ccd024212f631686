import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, watchProblems } from './fixtures';
import { AppShell } from './pages/app-shell';
import { UserPanel } from './pages/notification-pages';
import { DEFAULT_SUPERVISOR_PIN } from './pages/setup-page';
import { startSetUpDevice } from './support/device';

test('defect: the supervisor PIN can be tried without limit — wrong tries make it wait, and a reload does not reset the wait', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const users = new UserPanel(page);
	const shell = new AppShell(page);
	await users.switchTo('李娜', '101', 'assistant');

	// The PIN was set at first run: the first one to pick the role cannot choose a new one.
	await users.switchTo('张伟', '301', 'supervisor', '0000');
	await expect(users.pinError()).toHaveText('主管 PIN 不正确。');
	await users.switchTo('张伟', '301', 'supervisor', '1111');
	await expect(users.pinError()).toHaveText('主管 PIN 不正确。');
	await users.switchTo('张伟', '301', 'supervisor', '2222');
	await expect(users.pinError()).toHaveText('PIN 错误次数过多。请等待 30 秒后再试。');

	// Even the right PIN waits, after a reload too: the wrong tries are kept in IndexedDB.
	await page.reload();
	await users.switchTo('张伟', '301', 'supervisor', DEFAULT_SUPERVISOR_PIN);
	await expect(users.pinError()).toHaveText(/^PIN 错误次数过多。请等待 \d+ 秒后再试。$/);
	await expect(users.current()).toContainText('李娜');
	await expect(shell.userBadge()).toHaveText('李娜 · 责任中心助理');
	expect(problems.errors).toEqual([]);
});

test('defect: the supervisor role never lapses — a restarted browser finds the role back at the normal one', async ({
	baseURL,
	launchOptions
}) => {
	const profile = await mkdtemp(join(tmpdir(), 'shouhou-profile-'));
	const launch = () =>
		chromium.launchPersistentContext(profile, {
			...launchOptions,
			baseURL,
			locale: 'zh-CN',
			serviceWorkers: 'allow'
		});
	try {
		const before = await launch();
		const page = before.pages()[0] ?? (await before.newPage());
		const problems = await watchProblems(page);
		await startSetUpDevice(page);
		const users = new UserPanel(page);
		await users.switchTo('张伟', '301', 'assistant');
		await users.switchTo('张伟', '301', 'supervisor', DEFAULT_SUPERVISOR_PIN);
		await expect(new AppShell(page).userBadge()).toHaveText('张伟 · 主管');

		// Another tab of the same browser session shares the role.
		const tab = await before.newPage();
		await tab.goto('/notifications');
		await expect(new AppShell(tab).userBadge()).toHaveText('张伟 · 主管');
		expect(problems.errors).toEqual([]);
		await before.close();

		// The browser restarts with the same profile: the role is gone, the person stays.
		const after = await launch();
		const restarted = after.pages()[0] ?? (await after.newPage());
		const afterProblems = await watchProblems(restarted);
		await restarted.goto('/notifications');
		await expect(new AppShell(restarted).userBadge()).toHaveText('张伟 · 责任中心助理');
		await new UserPanel(restarted).switchTo('张伟', '301', 'supervisor', DEFAULT_SUPERVISOR_PIN);
		await expect(new AppShell(restarted).userBadge()).toHaveText('张伟 · 主管');
		expect(afterProblems.errors).toEqual([]);
		await after.close();
	} finally {
		await rm(profile, { recursive: true, force: true });
	}
});
