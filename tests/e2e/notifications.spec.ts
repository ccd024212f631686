import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { ServiceFormPanel } from './pages/onsite-forms';
import { startSetUpDevice } from './support/device';
import { waitForServiceWorkerControl } from './support/service-worker';

test('SM01 examples 1 and 2 offline: create, survey, approval, process, complete, reopen', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);

	const users = new UserPanel(page);
	await users.switchTo('李娜', '101', 'assistant');
	await expect(users.current()).toContainText('李娜');

	// Example 1 (IW51): customer 27 calls: the lock of a mobile pedestal is broken.
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.save().click();
	await expect(page.getByText('请填写“通知单描述”。')).toBeVisible();
	await expect(page.getByText('请填写“送达方”。')).toBeVisible();
	await create.fill(exampleNotification());
	await expectNoSeriousA11yViolations(page);
	await expect(create.objectAddress()).toContainText('上海市徐汇区漕溪北路 88 号');
	await create.save().click();
	await page.waitForURL(/\/notifications\/4002-01-000001$/);
	await expect(page.getByText('已创建通知单 4002-01-000001。')).toBeVisible();
	const notification = new NotificationPage(page);
	await expect(notification.userStatus()).toHaveText('TZJL 通知建立');
	await expect(notification.systemStatus()).toContainText('OSNO');
	await expect(notification.paymentStatus()).toHaveText('已完款');
	await expectNoSeriousA11yViolations(page);

	// Example 2 (IW52): the survey is finished and written up; the assistant may not approve.
	await notification.action('KCJS 勘察结束').click();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	await notification.addLongText('活动柜被反锁,抽屉打不开。抽屉锁缺货、请购。');
	await expect(notification.action('ZGPZ 主管批准')).toHaveCount(0);
	await expect(notification.analysis()).toContainText('ZGPZ 主管批准');
	await expect(notification.refusalFor('ZGPZ 主管批准')).toContainText('主管');

	await users.switchTo('张伟', '301', 'supervisor', '4711');
	await expect(users.current()).toContainText('张伟');
	await notification.goto('4002-01-000001');
	await notification.action('ZGPZ 主管批准').click();
	await expect(notification.userStatus()).toHaveText('ZGPZ 主管批准');

	// Put in process; postponing is then refused with the reason shown.
	await notification.action('进行处理').click();
	await expect(notification.systemStatus()).toContainText('NOPR');
	await expect(notification.action('延期')).toHaveCount(0);
	await expect(notification.refusalFor('延期')).toBeVisible();

	// Completing a Z1 needs the customer's acceptance (SM09) on a signed service form (issue 13).
	await expect(notification.refusalFor('完成通知')).toContainText('客户验收');
	await new ServiceFormPanel(page).create({
		workDone: '更换锁芯',
		acceptance: { customerName: '王先生' }
	});

	// Complete; afterwards the notification is read-only.
	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');
	await expect(page.getByTestId('readonly-reason')).toContainText('通知单已完成，不能再修改');
	await expect(notification.action('修改')).toHaveCount(0);
	await expect(page.getByLabel('新文本')).toHaveCount(0);

	// Only a supervisor reopens: the assistant is refused, a wrong PIN is refused.
	await users.switchTo('李娜', '101', 'assistant');
	await notification.goto('4002-01-000001');
	await expect(notification.action('重新处理')).toHaveCount(0);
	await expect(notification.refusalFor('重新处理')).toContainText('主管');
	await users.switchTo('张伟', '301', 'supervisor', '0000');
	await expect(users.pinError()).toHaveText('主管 PIN 不正确。');
	await expect(users.current()).toContainText('李娜');
	await users.switchTo('张伟', '301', 'supervisor', '4711');
	await notification.goto('4002-01-000001');
	await notification.confirmWith('重新处理', { reason: '客户反映锁仍然卡住' });
	await expect(notification.systemStatus()).toContainText('NOPR');
	await expect(notification.history()).toContainText('客户反映锁仍然卡住');
	await expect(notification.history()).toContainText('ZGPZ');

	// The list report (IW59) shows it with its statuses; settings shows master data and users.
	await page.goto('/notifications');
	await expect(page.getByTestId('notification-table')).toContainText('4002-01-000001');
	await expect(page.getByTestId('notification-table')).toContainText('ZGPZ 主管批准');
	await expectNoSeriousA11yViolations(page);
	await page.goto('/settings');
	await expect(page.getByTestId('master-table')).toContainText('申齐保健食品有限公司');
	await expectNoSeriousA11yViolations(page);
	expect(problems.errors).toEqual([]);
});

test('two tabs change the same notification: the first save wins, the second keeps its text', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create();

	const first = new NotificationPage(page);
	const otherPage = await context.newPage();
	const second = new NotificationPage(otherPage);
	await first.goto(number, 'change');
	await second.goto(number, 'change');

	await page.getByLabel('通知单描述', { exact: true }).fill('活动柜锁坏（第一个标签页）');
	await otherPage.getByLabel('通知单描述', { exact: true }).fill('活动柜锁坏（第二个标签页）');
	// Ctrl+S saves, as in SAP GUI.
	await page.getByLabel('通知单描述', { exact: true }).press('Control+s');
	await expect(page.getByText(`通知单 ${number} 已保存。`)).toBeVisible();

	await otherPage.getByRole('button', { name: '保存', exact: true }).click();
	await expect(second.formMessage()).toContainText('已在其他地方被修改');
	await expect(otherPage.getByLabel('通知单描述', { exact: true })).toHaveValue(
		'活动柜锁坏（第二个标签页）'
	);

	await first.goto(number);
	await expect(page.getByText('活动柜锁坏（第一个标签页）').first()).toBeVisible();
	expect(problems.errors).toEqual([]);
});

test('a notification copied from a reference, with codes looked up by code and name', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	const first = await create.create(exampleNotification({ functionalLocation: '27-01' }));

	await create.goto();
	await create.reference().fill('4002-01-999999');
	await create.continueButton().click();
	await expect(
		page.getByText('“参照-通知单”中的代码 4002-01-999999 在主数据中不存在。')
	).toBeVisible();
	await create.reference().fill(first);
	await create.continueButton().click();
	await expect(create.field('通知单描述')).toHaveValue('活动柜锁坏');
	await expect(create.field('送达方')).toHaveValue('27');
	await expect(create.objectAddress()).toContainText('上海市浦东新区张江路 500 号 3 号库');
	// The lookups offer each code with its name, so typing either finds it.
	await expect(page.locator('#dl-customer option[value="27"]')).toHaveText(
		'27 申齐保健食品有限公司'
	);
	await expect(page.locator('#dl-staff option[value="202"]')).toHaveText('202 王敏');
	await create.field('通知单描述').fill('活动柜锁坏（复查）');
	await create.save().click();
	await page.waitForURL(/\/notifications\/4002-01-000002$/);
	await expect(page.locator('[data-field="referenceNumber"]')).toHaveText(first);
	await expect(page.getByTestId('header-object-address')).toHaveText(
		'上海市浦东新区张江路 500 号 3 号库'
	);
	expect(problems.errors).toEqual([]);
});

test('Z2 delivery exception: replied to sales, goods delivered at the time entered, then completed', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const number = await new CreateNotificationPage(page).create(
		exampleNotification({ type: 'Z2', description: '桌面划痕，要求换货' })
	);
	const notification = new NotificationPage(page);
	await expect(notification.paymentStatus()).toHaveText('未完款');
	await expect(notification.refusalFor('完成通知')).toContainText('HWSD 货物送达客户');

	await notification.action('HFYY 回复营业').click();
	await expect(notification.userStatus()).toHaveText('HFYY 回复营业');
	await notification.action('HWSD 货物送达客户').click();
	const dialog = page.getByRole('form', { name: 'HWSD 货物送达客户' });
	await expect(dialog.getByLabel('HWSD 货物送达客户的时间')).toBeFocused();
	const pad = (n: number) => String(n).padStart(2, '0');
	const local = (d: Date) =>
		`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
	const timeField = dialog.getByLabel('HWSD 货物送达客户的时间');
	// Yesterday is before the notification existed: refused, with the reason.
	await timeField.fill(local(new Date(Date.now() - 24 * 60 * 60 * 1000)));
	await dialog.getByRole('button', { name: 'HWSD 货物送达客户' }).click();
	await expect(notification.actionMessage()).toContainText('不能早于通知单的创建时间');
	await expect(notification.userStatus()).toHaveText('HFYY 回复营业');
	const deliveredAt = local(new Date());
	await timeField.fill(deliveredAt);
	await dialog.getByRole('button', { name: 'HWSD 货物送达客户' }).click();
	await expect(notification.userStatus()).toHaveText('HWSD 货物送达客户');
	await expect(page.getByTestId('user-status-time')).toHaveText(
		deliveredAt.replaceAll('-', '/').replace('T', ' ')
	);

	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');
	await expect(page.getByText(number).first()).toBeVisible();
	expect(problems.errors).toEqual([]);
});
