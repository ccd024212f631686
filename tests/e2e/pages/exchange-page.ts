import { expect, type Page } from '@playwright/test';

/** Exchange: export to a file, import files with their preview and conflicts. */
export class ExchangePage {
	constructor(private readonly page: Page) {}

	readonly preview = () => this.page.getByTestId('import-preview');
	readonly refused = () => this.page.getByTestId('import-refused');
	readonly errors = () => this.page.getByTestId('import-errors');
	readonly conflicts = () => this.page.getByTestId('conflict');
	/** The row of the conflict panel for one field (by its label). */
	readonly conflictField = (label: string) =>
		this.page
			.getByTestId('conflict-field')
			.filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
	readonly merged = () => this.page.getByTestId('merged');
	readonly collisions = () => this.page.getByTestId('collisions');
	readonly confirmButton = () => this.page.getByRole('button', { name: '导入', exact: true });

	async goto(): Promise<void> {
		await this.page.goto('/exchange');
		await this.page.getByRole('heading', { name: '数据交换', level: 1 }).waitFor();
	}

	/** Exports this device's data and saves the file at `path` (a ZIP when it has images). */
	async exportTo(path: string): Promise<string> {
		await this.goto();
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.page.getByRole('button', { name: '导出', exact: true }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^shouhou-[0-9A-Z]{4}-[0-9A-Z]{2}-\d{8}-\d{4}\.(json|zip)$/
		);
		await download.saveAs(path);
		return path;
	}

	/** Chooses files to import; the preview (or the refusal) follows. */
	async choose(...paths: string[]): Promise<void> {
		await this.goto();
		await this.page.getByLabel('导入文件').setInputFiles(paths);
		await this.preview().or(this.refused().first()).first().waitFor();
	}

	/** Settles every conflict the same way. */
	async resolveAll(choice: '保留本机版本' | '采用文件中的版本'): Promise<void> {
		await this.page.getByLabel('全部冲突').selectOption({ label: choice });
	}

	/** Settles one conflicting field of one notification. */
	async resolveField(
		number: string,
		field: string,
		choice: '保留本机版本' | '采用文件中的版本'
	): Promise<void> {
		await this.page.getByLabel(`通知单 ${number} 的“${field}”`).selectOption({ label: choice });
	}

	/** Confirms the import and waits for its outcome. */
	async confirm(): Promise<void> {
		await this.confirmButton().click();
		await this.page
			.getByText(/导入完成|没有需要写入的记录|导入失败/)
			.first()
			.waitFor();
	}
}
