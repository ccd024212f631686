import { expect, test } from './fixtures';
import { BackupReminder } from './pages/backup-reminder';
import { SettingsPage } from './pages/settings-page';
import { startSetUpDevice } from './support/device';

const DAY_MS = 24 * 60 * 60 * 1000;

test('a backup last exported 8 days ago is reminded, with the reason, until dismissed', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const backup = new BackupReminder(page);
	await backup.setLastExportAt(new Date(Date.now() - 8 * DAY_MS));
	await page.reload();

	await expect(backup.banner()).toContainText('已有 8 天没有导出备份');
	await expect(backup.banner()).toContainText('有些浏览器会在网站一段时间未使用后删除它保存的数据');
	await expect(backup.exportLink()).toHaveAttribute('href', '/exchange');

	await backup.dismiss().focus();
	await page.keyboard.press('Enter');
	await expect(backup.banner()).toHaveCount(0);
	// Dismissed for the session: a reload does not bring it back.
	await page.reload();
	await new SettingsPage(page).goto();
	await expect(backup.settingsStatus()).toContainText('（8 天前）');
	await expect(backup.banner()).toHaveCount(0);
	expect(problems.errors).toEqual([]);
});

test('an export made today shows no reminder, and Settings says when it was made', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const backup = new BackupReminder(page);
	await backup.setLastExportAt(new Date());
	await page.reload();
	await new SettingsPage(page).goto();
	await expect(backup.settingsStatus()).toContainText('（今天）');
	await expect(backup.banner()).toHaveCount(0);
	expect(problems.errors).toEqual([]);
});

test('never exported: no reminder for sample data only, one as soon as the user enters data', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const backup = new BackupReminder(page);
	await new SettingsPage(page).goto();
	await expect(backup.settingsStatus()).toHaveText('尚未导出过数据。');
	await expect(backup.banner()).toHaveCount(0);

	await page.getByLabel('类别', { exact: true }).selectOption('customer');
	await page.getByLabel('代码', { exact: true }).fill('1001');
	await page.getByLabel('名称', { exact: true }).fill('上海华东家具有限公司');
	await page.getByLabel('地址', { exact: true }).fill('上海市闵行区春东路 508 号');
	await page.getByRole('button', { name: '保存记录' }).click();

	await expect(backup.banner()).toContainText('本设备的数据还没有导出过备份');
	await backup.exportLink().click();
	await expect(page).toHaveURL(/\/exchange$/);
	expect(problems.errors).toEqual([]);
});
