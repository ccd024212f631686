import { expect, test } from './fixtures';
import { SetupPage } from './pages/setup-page';

test('a new device goes to first-run set-up, refuses bad codes by name and then opens the page asked for', async ({
	page,
	problems
}) => {
	await page.goto('/notifications?urgent=1');
	await expect(page).toHaveURL(/\/setup\?next=%2Fnotifications%3Furgent%3D1$/);
	const setup = new SetupPage(page);
	await setup.centreCode().fill('40021');
	await setup.submit().click();
	await expect(page.getByText('“责任中心”的格式不正确')).toBeVisible();
	await expect(page.getByText('请填写“责任中心名称”。')).toBeVisible();
	await expect(page.getByText('请填写“设备代码”。')).toBeVisible();
	await expect(setup.centreCode()).toHaveAttribute('aria-invalid', 'true');

	await setup.complete('4002', '上海服务中心', '01');
	await expect(page.getByTestId('centre-badge')).toHaveText('4002 · 01');
	await expect(page).toHaveURL(/\/notifications\?urgent=1$/);
	await expect(page.getByLabel('仅紧急')).toBeChecked();
	await page.reload();
	await expect(page.getByTestId('centre-badge')).toHaveText('4002 · 01');
	expect(problems.errors).toEqual([]);
});
