import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
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

	// Set-up first, then on to the page the visit asked for.
	await page.waitForURL(/\/setup\?next=%2Fnotifications%2Fnew$/);
	await new SetupPage(page).complete();
	await expect(page).toHaveURL(/\/notifications\/new$/);
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

test('issue 8.7: a pasted 10,000-character long-text entry is refused with the field and the limit named, never stored cut', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create();
	const notification = new NotificationPage(page);
	const pasted = '抽屉锁缺货请购。'.repeat(1250);
	expect(pasted.length).toBe(10_000);

	await notification.newLongText().fill(pasted);
	await expect(notification.newLongText()).toHaveValue(pasted);
	await expect(page.getByText('10000/4000 个字符')).toBeVisible();
	await expect(page.getByText('“新文本”最多 4000 个字符，现有 10000 个')).toBeVisible();
	await notification.addLongTextButton().click();
	await expect(page.getByText('“新文本”最多 4000 个字符。')).toBeVisible();
	await expect(notification.newLongText()).toBeFocused();
	await expect(notification.newLongText()).toHaveValue(pasted);

	await notification.goto(number);
	await expect(page.getByText('还没有长文本。')).toBeVisible();
	await expect(notification.history()).not.toContainText('抽屉锁缺货请购');
	expect(problems.errors).toEqual([]);
});

test('issue 8.7: a 38-character description with 𠀀𪚥𰻞 is kept whole, and twenty such characters count 20/40', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.field('通知单描述').fill('𠀀'.repeat(20));
	await expect(page.getByText('20/40 个字符')).toBeVisible();

	const description = `${'活动柜锁坏'.repeat(7)}𠀀𪚥𰻞`;
	expect([...description]).toHaveLength(38);
	await create.fill(exampleNotification({ description }));
	await expect(create.field('通知单描述')).toHaveValue(description);
	await expect(page.getByText('38/40 个字符')).toBeVisible();
	await create.save().click();
	await page.waitForURL(/\/notifications\/4002-01-000001$/);
	await expect(page.getByText(description).first()).toBeVisible();

	await new NotificationPage(page).goto('4002-01-000001', 'change');
	await expect(create.field('通知单描述')).toHaveValue(description);
	expect(problems.errors).toEqual([]);
});

test('issue 8.5: completing a rejected (BPZ) notification marks the reason required and says why before any refusal', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const users = new UserPanel(page);
	await users.switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create();
	const notification = new NotificationPage(page);
	await notification.action('KCJS 勘察结束').click();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	await users.switchTo('张伟', '301', 'supervisor', '4711');
	await notification.goto(number);
	await notification.action('BPZ 主管不批准').click();
	await expect(notification.userStatus()).toHaveText('BPZ 主管不批准');

	await notification.action('完成通知').click();
	const dialog = page.getByRole('form', { name: '完成通知' });
	const reason = dialog.getByLabel('完成原因');
	await expect(reason).toHaveAttribute('required', '');
	await expect(reason).toHaveAccessibleDescription(
		/用户状态为 BPZ 主管不批准，完成通知时必须填写原因。/
	);
	await reason.fill('客户撤回申请');
	await dialog.getByRole('button', { name: '完成通知' }).click();
	await expect(notification.systemStatus()).toContainText('NOCO');
	await expect(notification.actionMessage()).toHaveCount(0);
	expect(problems.errors).toEqual([]);
});

test('issue 8.10: a refused save moves focus to the first invalid field, on the create and the change form', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.save().click();
	await expect(create.field('通知单描述')).toHaveAttribute('aria-invalid', 'true');
	await expect(create.field('通知单描述')).toBeFocused();

	await create.fill(exampleNotification());
	await create.save().click();
	await page.waitForURL(/\/notifications\/4002-01-000001$/);
	const notification = new NotificationPage(page);
	await notification.goto('4002-01-000001', 'change');
	await create.field('送达方').fill('');
	await create.save().click();
	await expect(notification.formMessage()).toBeVisible();
	await expect(create.field('送达方')).toBeFocused();
	expect(problems.errors).toEqual([]);
});

test('issue 8.10: an action pressed right after adding a long text is never lost (stress, CPU ×4)', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const users = new UserPanel(page);
	await users.switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create();
	const notification = new NotificationPage(page);
	await notification.action('KCJS 勘察结束').click();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	await users.switchTo('张伟', '301', 'supervisor', '4711');
	await notification.goto(number);

	// Tall enough that the actions and the long-text box (below the linked records) are both on
	// screen for the mouse.
	const HEIGHT = 4000;
	await page.setViewportSize({ width: 1280, height: HEIGHT });
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	// BPZ and KCJS follow each other in the Z1 profile, so the supervisor can alternate them.
	const ROUNDS = 10;
	for (let round = 1; round <= ROUNDS; round += 1) {
		const status = round % 2 === 1 ? 'BPZ 主管不批准' : 'KCJS 勘察结束';
		const entry = `第 ${round} 次复查：抽屉锁仍然卡住。`;
		await notification.newLongText().fill(entry);
		const add = await notification.addLongTextButton().boundingBox();
		const action = await notification.action(status).boundingBox();
		for (const box of [add, action]) {
			expect(box && box.y >= 0 && box.y + box.height <= HEIGHT, 'the buttons are on screen').toBe(
				true
			);
		}
		if (!add || !action) return;
		// Two real clicks in quick succession, the action before the entry shows: the click once lost.
		await page.mouse.click(add.x + add.width / 2, add.y + add.height / 2);
		await page.mouse.click(action.x + action.width / 2, action.y + action.height / 2);
		await expect(notification.userStatus(), `round ${round}: the action landed`).toHaveText(status);
		await expect(page.getByText(entry, { exact: true }), `round ${round}: the entry`).toBeVisible();
		await expect(notification.actionMessage(), `round ${round}: no refusal`).toHaveCount(0);
		await expect(page.getByRole('alert'), `round ${round}: no error`).toHaveCount(0);
	}
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await expect(
		page.getByRole('region', { name: '通知单长文本' }).getByText('抽屉锁仍然卡住')
	).toHaveCount(ROUNDS);
	expect(problems.errors).toEqual([]);
});

test('issue 8.13: long text typed while creating is kept in the draft and becomes the first entry', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(exampleNotification());
	const longText = '活动柜被反锁,抽屉打不开。抽屉锁缺货、请购。';
	await create.field('通知单长文本').fill(longText);
	await expect(create.field('通知单长文本')).toHaveValue(longText);

	await page.reload();
	await expect(create.field('通知单长文本')).toHaveValue(longText);
	await expect(create.field('通知单描述')).toHaveValue('活动柜锁坏');

	await create.save().click();
	await page.waitForURL(/\/notifications\/4002-01-000001$/);
	await expect(new NotificationPage(page).userStatus()).toHaveText('TZJL 通知建立');
	await expect(
		page.getByRole('region', { name: '通知单长文本' }).getByText(longText, { exact: true })
	).toBeVisible();
	expect(problems.errors).toEqual([]);
});
