import type { Page } from '@playwright/test';

/** The frame around every screen: header, command box, language, menu, banners. */
export class AppShell {
	constructor(private readonly page: Page) {}

	readonly skipLink = () =>
		this.page.getByRole('link', { name: /跳到主要内容|Skip to main content/ });
	readonly main = () => this.page.locator('main#main');
	readonly centreBadge = () => this.page.getByTestId('centre-badge');
	/** Who uses the device now and in which role, e.g. 张伟 · 主管. */
	readonly userBadge = () => this.page.getByTestId('user-badge');
	readonly commandBox = () => this.page.getByRole('textbox', { name: /事务代码|Transaction code/ });
	readonly commandMessage = () => this.page.getByRole('search').getByRole('alert');
	readonly dismissCommandMessage = () =>
		this.page.getByRole('search').getByRole('button', { name: /^(关闭提示|Dismiss message)$/ });
	readonly languageButton = () => this.page.getByRole('button', { name: /^(English|中文)$/ });
	readonly menuToggle = () => this.page.getByRole('button', { name: /^(菜单|Menu)$/ });
	readonly nav = () => this.page.getByRole('navigation', { name: /主导航|Main navigation/ });
	readonly loading = () => this.page.locator('[aria-busy="true"]');
	readonly updatePrompt = () => this.page.getByTestId('update-prompt');
	readonly versionChangeBanner = () => this.page.getByTestId('versionchange');
	readonly blockedBanner = () => this.page.getByTestId('blocked');
	readonly deletedBanner = () => this.page.getByTestId('deleted');
	/** An error toast (they stay until dismissed, with a close button; banners have none). */
	readonly errorToast = (text: string | RegExp) =>
		this.page
			.getByRole('alert')
			.filter({ hasText: text, has: this.page.getByRole('button', { name: /^(关闭|Close)$/ }) });

	/** Types a command (transaction code) into the command box and runs it with Enter. */
	async runCommand(command: string): Promise<void> {
		await this.commandBox().fill(command);
		await this.commandBox().press('Enter');
	}
}
