import type { Page } from '@playwright/test';

/** Settings: language, this device, storage state and the app version. */
export class SettingsPage {
	constructor(private readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1 });
	readonly language = () => this.page.getByLabel(/^(语言|Language)$/);
	readonly storagePanel = () => this.page.getByTestId('storage-panel');
	readonly persistence = () => this.page.getByTestId('storage-persistence');
	readonly usage = () => this.page.getByTestId('storage-usage');
	readonly requestPersistence = () =>
		this.page.getByRole('button', { name: /申请持久存储|Request persistent storage/ });
	readonly version = () => this.page.getByTestId('app-version');

	async goto(): Promise<void> {
		await this.page.goto('/settings');
		await this.heading().waitFor();
	}
}
