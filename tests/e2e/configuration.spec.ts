import homeServices from '../../src/lib/domain/status/fixtures/home-services.json' with { type: 'json' };
import { expect, test } from './fixtures';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { startSetUpDevice } from './support/device';
import { writeSettingsRow } from './support/settings-row';

test('a home-services profile loaded as data drives the screens with no code change', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page, { pin: '2468' });
	await writeSettingsRow(page, 'configuration', homeServices);
	await page.reload();
	const users = new UserPanel(page);
	await users.switchTo('王敏', '202', 'staff');

	const create = new CreateNotificationPage(page);
	await create.goto();
	await expect(create.type().locator('option')).toHaveText(['H1 家政服务']);
	await create.chooseType('H1');
	await create.fill(exampleNotification({ description: '上门保洁', items: [] }));
	await create.save().click();
	await page.waitForURL(/\/notifications\/4002-01-000001$/);

	const notification = new NotificationPage(page);
	await expect(notification.userStatus()).toHaveText('SL 受理');
	// 派单 is the supervisor's: the staff member sees why not.
	await expect(notification.action('PD 派单')).toHaveCount(0);
	await expect(notification.refusalFor('PD 派单')).toContainText('主管');
	await expect(notification.refusalFor('完成通知')).toContainText('YS 验收');

	await users.switchTo('张伟', '301', 'supervisor', '2468');
	await notification.goto('4002-01-000001');
	await notification.action('PD 派单').click();
	await expect(notification.userStatus()).toHaveText('PD 派单');
	// 上门服务 is the service staff's own status, as the profile says.
	await expect(notification.refusalFor('SMFW 上门服务')).toContainText('服务人员');
	await users.switchTo('王敏', '202', 'staff');
	await notification.goto('4002-01-000001');
	await notification.action('SMFW 上门服务').click();
	await expect(notification.userStatus()).toHaveText('SMFW 上门服务');
	await notification.action('YS 验收').click();
	await expect(notification.userStatus()).toHaveText('YS 验收');
	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');
	expect(problems.errors).toEqual([]);
});

test('a half-typed notification survives a reload as a draft', async ({ page, problems }) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z2');
	await create.fill({ description: '桌面划痕', shipTo: '31' });
	// The draft is written a moment after typing stops.
	await page.waitForTimeout(700);
	await page.reload();
	await expect(page.getByText(/已恢复未保存的草稿/)).toBeVisible();
	await expect(create.field('通知单描述')).toHaveValue('桌面划痕');
	await expect(create.field('送达方')).toHaveValue('31');
	await expect(create.field('通知类型')).toHaveValue('Z2');
	expect(problems.errors).toEqual([]);
});
