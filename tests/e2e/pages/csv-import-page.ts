import type { Page } from '@playwright/test';

/** Data exchange → import customers from CSV: file, encoding, column mapping, preview, issues. */
export class CsvImportPage {
	constructor(private readonly page: Page) {}

	readonly section = () =>
		this.page.locator('section', { has: this.page.locator('#csv-import-title') });
	readonly file = () => this.page.getByLabel(/^(CSV 文件|CSV file)$/);
	readonly encoding = () => this.page.getByTestId('csv-encoding');
	readonly encodingSelect = () => this.page.getByLabel(/^(按此编码读取|Read with encoding)$/);
	readonly mapping = () => this.page.getByTestId('csv-mapping');
	/** The column select of one target field, by its label (e.g. 客户编号, 地址). */
	readonly mappingFor = (field: string) => this.mapping().getByLabel(field, { exact: true });
	readonly preview = () => this.page.getByTestId('csv-preview');
	readonly issues = () => this.page.getByTestId('csv-issues');
	readonly summary = () => this.page.getByTestId('csv-summary');
	readonly importButton = () =>
		this.section().getByRole('button', { name: /^(导入 \d+ 个客户|Import \d+ customers)$/ });

	async goto(): Promise<void> {
		await this.page.goto('/exchange');
		await this.file().waitFor();
	}

	/** Picks a file from disk. */
	async chooseFile(path: string): Promise<void> {
		await this.file().setInputFiles(path);
		await this.mapping().waitFor();
	}

	/** Picks a file made in the test. */
	async chooseContent(name: string, content: Buffer): Promise<void> {
		await this.file().setInputFiles({ name, mimeType: 'text/csv', buffer: content });
		await this.mapping().waitFor();
	}
}
