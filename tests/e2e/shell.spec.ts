import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SettingsPage } from './pages/settings-page';
import { startSetUpDevice } from './support/device';

test.describe('language', () => {
	test('zh-CN by default; English from settings, remembered after a reload; back from the header', async ({
		page,
		problems
	}) => {
		await startSetUpDevice(page);
		const shell = new AppShell(page);
		const settings = new SettingsPage(page);
		await settings.goto();
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(settings.heading()).toHaveText('设置');

		await settings.language().selectOption('en');
		await expect(settings.heading()).toHaveText('Settings');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(shell.nav().getByRole('link', { name: 'Notification list' })).toBeVisible();

		await page.reload();
		await expect(settings.heading()).toHaveText('Settings');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(settings.language()).toHaveValue('en');

		await expect(shell.languageButton()).toHaveText('中文');
		await shell.languageButton().click();
		await expect(settings.heading()).toHaveText('设置');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(shell.languageButton()).toHaveText('English');

		await shell.languageButton().click();
		await page.reload();
		await expect(settings.heading()).toHaveText('Settings');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		expect(problems.errors).toEqual([]);
	});
});

test.describe('command box', () => {
	test.beforeEach(async ({ page }) => {
		await startSetUpDevice(page);
	});

	// One device for all four: each command is a step, the box is empty again after each.
	test('IW51, iw59, ZSMR006 and IW53 with a number open their pages', async ({
		page,
		problems
	}) => {
		const shell = new AppShell(page);
		for (const [command, path] of [
			['IW51', '/notifications/new'],
			['iw59', '/notifications'],
			['ZSMR006', '/work-plan'],
			['IW53 4002-01-000001', '/notifications/4002-01-000001']
		] as const) {
			await test.step(`${command} opens ${path}`, async () => {
				await shell.runCommand(command);
				await expect(page).toHaveURL(new RegExp(`${path}$`));
				await expect(shell.commandBox()).toHaveValue('');
			});
		}
		expect(problems.errors).toEqual([]);
	});

	test('IW53 without a number asks for one, an unknown code says so', async ({
		page,
		problems
	}) => {
		const shell = new AppShell(page);
		await shell.runCommand('IW53');
		await expect(shell.commandMessage()).toHaveText(/IW53 需要一个通知单编号/);
		await expect(page).toHaveURL(/\/$/);

		await shell.runCommand('VA01');
		await expect(shell.commandMessage()).toBeVisible();
		await expect(shell.commandMessage()).toHaveText(/未知的事务代码或命令：“VA01”/);
		await expect(shell.commandBox()).toHaveAttribute('aria-describedby', 'command-message');
		await expect(page).toHaveURL(/\/$/);

		// 10,000 pasted characters: the message repeats the first 39 and "…", not a page of text.
		await shell.runCommand('𠀀𪚥'.repeat(5000));
		await expect(shell.commandMessage()).toContainText(
			`未知的事务代码或命令：“${'𠀀𪚥'.repeat(19)}𠀀…”。可用：`
		);
		expect(problems.errors).toEqual([]);
	});

	test('works from the keyboard alone: skip link, Tab to the command box, Enter', async ({
		page,
		problems
	}) => {
		const shell = new AppShell(page);
		await page.keyboard.press('Tab');
		await expect(shell.skipLink()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(shell.main()).toBeFocused();

		// A fresh start at / (a reload of /#main would start the Tab order in the main content).
		await page.goto('/');
		await shell.centreBadge().waitFor();
		let presses = 0;
		while (!(await shell.commandBox().evaluate((input) => input === document.activeElement))) {
			expect(++presses, 'the command box is reached within a few Tabs').toBeLessThan(6);
			await page.keyboard.press('Tab');
		}
		await page.keyboard.type('ZSMR006');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/work-plan$/);
		expect(problems.errors).toEqual([]);
	});
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the navigation hides behind the menu button, which opens and closes it', async ({
		page,
		problems
	}) => {
		await startSetUpDevice(page);
		const shell = new AppShell(page);
		await expect(shell.nav()).toBeHidden();
		await expect(shell.menuToggle()).toBeVisible();
		await expect(shell.menuToggle()).toHaveAttribute('aria-expanded', 'false');

		await shell.menuToggle().tap();
		await expect(shell.nav()).toBeVisible();
		await expect(shell.menuToggle()).toHaveAttribute('aria-expanded', 'true');

		await shell.nav().getByRole('link', { name: '设置' }).tap();
		await expect(page).toHaveURL(/\/settings$/);
		await expect(shell.nav()).toBeHidden();
		expect(problems.errors).toEqual([]);
	});
});

test.describe('accessibility (axe)', () => {
	test('first-run set-up', async ({ page, problems }) => {
		await page.goto('/setup');
		await page.getByRole('heading', { level: 1 }).waitFor();
		await expectNoSeriousA11yViolations(page);
		expect(problems.errors).toEqual([]);
	});

	// One device for every screen (a set-up per screen cost more than the checks): each a step.
	test('every screen of a set-up device', async ({ page, problems }) => {
		await startSetUpDevice(page);
		const shell = new AppShell(page);
		for (const path of [
			'/',
			'/settings',
			'/notifications',
			'/work-plan',
			'/reports',
			'/exchange'
		]) {
			await test.step(`screen ${path}`, async () => {
				await page.goto(path);
				await shell.centreBadge().waitFor();
				await expect(shell.loading()).toHaveCount(0);
				await expectNoSeriousA11yViolations(page);
			});
		}
		await test.step('a path that is no page', async () => {
			await page.goto('/no/such/page');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到此页面。');
			await expectNoSeriousA11yViolations(page);
			await page.getByRole('main').getByRole('link', { name: '售后服务通知' }).click();
			await expect(page).toHaveURL(/\/$/);
		});
		await test.step('a notification number that no notification has, 10,000 characters long', async () => {
			await page.goto(`/notifications/4002-01-${'9'.repeat(10_000)}`);
			await expect(page.getByRole('alert')).toHaveText(`找不到通知单 4002-01-${'9'.repeat(31)}…。`);
			await expect(page).toHaveTitle(/^显示通知 4002-01-9{31}…（IW53） · /);
		});
		expect(problems.errors).toEqual([]);
	});
});
