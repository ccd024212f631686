import type { Locator, Page } from '@playwright/test';

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The start page's overview: counts that link to the list, the urgent list and three charts. */
export class OverviewPage {
	constructor(private readonly page: Page) {}

	readonly section = () => this.page.getByTestId('overview');
	/** A count by its label, e.g. `逾期`: a link named "逾期 2". */
	readonly count = (label: string) =>
		this.section().getByRole('link', { name: new RegExp(`^${escape(label)}\\s*\\d+$`) });
	readonly centreChoice = () => this.section().getByLabel('责任中心');
	readonly urgentList = () => this.page.getByTestId('overview-urgent');
	readonly responsibleTable = () => this.page.getByTestId('overview-responsible');
	/** A chart's figure (`status`, `age` or `weeks`). */
	readonly chart = (id: 'status' | 'age' | 'weeks') => this.page.getByTestId(`chart-${id}`);
	/** A chart's text alternative: its table, found by its caption as a screen reader finds it. */
	readonly chartTable = (caption: string) => this.page.getByRole('table', { name: caption });

	async goto(query = ''): Promise<void> {
		await this.page.goto(`/${query}`);
		await this.count('全部').waitFor();
	}

	/** The figure of a count. */
	async countOf(label: string): Promise<number> {
		const text = await this.count(label).innerText();
		return Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
	}

	/** The rows of a chart's table: the row header and the figures. */
	async tableRows(caption: string): Promise<string[][]> {
		return this.chartTable(caption)
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((row) =>
					[...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')
				)
			);
	}

	/** How many pixels of a chart's canvas are painted (0 for a blank canvas). */
	async paintedPixels(id: 'status' | 'age' | 'weeks'): Promise<number> {
		const canvas: Locator = this.chart(id).locator('canvas');
		return canvas.evaluate((element: HTMLCanvasElement) => {
			const context = element.getContext('2d');
			if (!context || element.width === 0 || element.height === 0) return 0;
			const { data } = context.getImageData(0, 0, element.width, element.height);
			let painted = 0;
			for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) painted += 1;
			return painted;
		});
	}
}
