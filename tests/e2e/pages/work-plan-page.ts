import type { Download, Page } from '@playwright/test';

/** Work plan (工作计划表, ZSMR006): selection, the plan on screen, 打印. */
export class WorkPlanPage {
	constructor(private readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1 });
	readonly from = () => this.page.getByLabel('开始日期');
	readonly to = () => this.page.getByLabel('结束日期');
	readonly centre = () => this.page.getByLabel('责任中心', { exact: true });
	readonly language = () => this.page.getByLabel('打印语言');
	readonly show = () => this.page.getByRole('button', { name: '显示' });
	readonly printButton = () => this.page.getByRole('button', { name: '打印', exact: true });
	readonly count = () => this.page.getByTestId('plan-count');
	readonly message = () => this.page.getByTestId('plan-message');
	readonly plan = () => this.page.getByTestId('work-plan');
	readonly missingGlyphs = () => this.page.getByTestId('missing-glyphs');
	readonly printWithPlaceholder = () => this.page.getByRole('button', { name: '用 〓 代替并打印' });

	async goto(): Promise<void> {
		await this.page.goto('/work-plan');
		await this.heading().waitFor();
	}

	/** Fills the selection and shows the plan (or its message). */
	async select(from: string, to: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
		await this.from().fill(from);
		await this.to().fill(to);
		await this.language().selectOption(language);
		await this.show().click();
	}

	/** Presses a print button and returns the downloaded file. */
	async download(press: () => Promise<void>): Promise<Download> {
		const download = this.page.waitForEvent('download');
		await press();
		return download;
	}
}
