import { expect, type Page } from '@playwright/test';
import { SetupPage } from '../pages/setup-page';

/** A device as set up at first run: the factory's defaults, or the parts a test cares about. */
export interface DeviceFactoryInput {
	centre?: string;
	name?: string;
	device?: string;
	/** The supervisor PIN set at first run. */
	pin?: string;
}

/** Opens the app on a fresh profile and completes first-run set-up; the home page is then shown. */
export async function startSetUpDevice(page: Page, input: DeviceFactoryInput = {}): Promise<void> {
	await page.goto('/');
	await page.waitForURL(/\/setup$/);
	await new SetupPage(page).complete(
		input.centre ?? '4002',
		input.name ?? '上海服务中心',
		input.device ?? '01',
		input.pin
	);
}

/** First run from an export file (restore) with this device code; the home page is then shown. */
export async function restoreDevice(page: Page, file: string, deviceCode: string): Promise<void> {
	await page.goto('/setup');
	await page.getByLabel('导出文件').setInputFiles(file);
	await page.getByLabel('本设备的设备代码').fill(deviceCode);
	await page.getByRole('button', { name: '从文件恢复' }).click();
	await expect(page.getByTestId('centre-badge')).toContainText(deviceCode);
}
