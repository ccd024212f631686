import type { Page } from '@playwright/test';

/** The supervisor PIN the factories set at first run. */
export const DEFAULT_SUPERVISOR_PIN = '4711';

/** The first-run screen: centre and device identity, and the supervisor PIN. */
export class SetupPage {
	constructor(private readonly page: Page) {}

	readonly centreCode = () => this.page.getByLabel('责任中心', { exact: true });
	readonly centreName = () => this.page.getByLabel('责任中心名称', { exact: true });
	readonly deviceCode = () => this.page.getByLabel('设备代码', { exact: true });
	readonly pin = () => this.page.getByLabel('主管 PIN', { exact: true });
	readonly pinConfirmation = () => this.page.getByLabel('再次输入主管 PIN', { exact: true });
	readonly submit = () => this.page.getByRole('button', { name: '开始使用' });

	/** Types the supervisor PIN twice. */
	async fillPin(pin = DEFAULT_SUPERVISOR_PIN): Promise<void> {
		await this.pin().fill(pin);
		await this.pinConfirmation().fill(pin);
	}

	/** Fills the form and starts; the app then shows the home page. */
	async complete(
		centre = '4002',
		name = '上海服务中心',
		device = '01',
		pin = DEFAULT_SUPERVISOR_PIN
	): Promise<void> {
		await this.centreCode().fill(centre);
		await this.centreName().fill(name);
		await this.deviceCode().fill(device);
		await this.fillPin(pin);
		await this.submit().click();
		await this.page.getByTestId('centre-badge').waitFor();
	}
}
