import type { Page } from '@playwright/test';

/** The first-run screen: centre and device identity. */
export class SetupPage {
	constructor(private readonly page: Page) {}

	readonly centreCode = () => this.page.getByLabel('责任中心', { exact: true });
	readonly centreName = () => this.page.getByLabel('责任中心名称', { exact: true });
	readonly deviceCode = () => this.page.getByLabel('设备代码', { exact: true });
	readonly submit = () => this.page.getByRole('button', { name: '开始使用' });

	/** Fills the form and starts; the app then shows the home page. */
	async complete(centre = '4002', name = '上海服务中心', device = '01'): Promise<void> {
		await this.centreCode().fill(centre);
		await this.centreName().fill(name);
		await this.deviceCode().fill(device);
		await this.submit().click();
		await this.page.getByTestId('centre-badge').waitFor();
	}
}
