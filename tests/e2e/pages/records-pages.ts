import { expect, type Download, type Page } from '@playwright/test';

/** A parts line or a quote line as typed on the desk forms. */
export interface PartsLineInput {
	material: string;
	quantity: string;
	note?: string;
}
export interface QuoteLineInput {
	item: string;
	quantity: string;
	unitPrice: string;
}

/** The linked records section of the object page (parts, quote, invoice, evaluation) and its forms. */
export class LinkedRecordsPanel {
	constructor(private readonly page: Page) {}

	readonly section = () => this.page.getByTestId('linked-records');
	readonly kind = (
		kind: 'parts' | 'quote' | 'serviceForm' | 'complaint' | 'invoice' | 'evaluation'
	) => this.page.getByTestId(`records-${kind}`);
	readonly entry = (id: string) => this.page.getByTestId(`record-${id}`);
	readonly form = (name: string) => this.page.getByRole('form', { name });
	readonly nextStep = () => this.page.getByTestId('next-step-next');
	readonly missing = () => this.page.getByTestId('next-step-missing');

	/** Saves the open form and returns the id named in the toast. */
	private async saveForm(formName: string, kindName: string): Promise<string> {
		await this.form(formName).getByRole('button', { name: '保存', exact: true }).click();
		const pattern = new RegExp(`^${kindName.replace(/[()（）]/g, '.')} (\\S+) 已保存。$`);
		const toast = this.page.getByText(pattern).last();
		await toast.waitFor();
		await expect(this.form(formName)).toHaveCount(0);
		return pattern.exec((await toast.textContent()) ?? '')?.[1] ?? '';
	}

	/** Adds a parts requisition (SM05). */
	async addParts(lines: PartsLineInput[], isDrawn = false): Promise<string> {
		await this.kind('parts').getByRole('button', { name: '新建预领零件单' }).click();
		const form = this.form('预领零件单');
		for (const [index, line] of lines.entries()) {
			if (index > 0) await form.getByRole('button', { name: '添加一行' }).click();
			const row = form.getByRole('group', { name: `第 ${index + 1} 行` });
			await row.getByLabel('物料').fill(line.material);
			await row.getByLabel('数量').fill(line.quantity);
			if (line.note) await row.getByLabel('备注').fill(line.note);
		}
		await form.getByLabel('已领料').setChecked(isDrawn);
		return this.saveForm('预领零件单', '预领零件单');
	}

	/** Opens a new quote form and types its lines (not saved). */
	async fillNewQuote(lines: QuoteLineInput[]): Promise<void> {
		await this.kind('quote')
			.getByRole('button', { name: /^新建报价单/ })
			.click();
		const form = this.form('报价单（服务销售订单 ZFFW）');
		for (const [index, line] of lines.entries()) {
			if (index > 0) await form.getByRole('button', { name: '添加一行' }).click();
			const row = form.getByRole('group', { name: `第 ${index + 1} 行` });
			await row.getByLabel('项目').fill(line.item);
			await row.getByLabel('数量').fill(line.quantity);
			await row.getByLabel('单价（元）').fill(line.unitPrice);
		}
	}

	/** The quote form as open now. */
	readonly quoteForm = () => this.form('报价单（服务销售订单 ZFFW）');

	/** Presses save on the quote form when the form must refuse: it stays open with its messages. */
	async saveQuoteExpectingErrors(): Promise<void> {
		await this.quoteForm().getByRole('button', { name: '保存', exact: true }).click();
		await expect(this.quoteForm().getByRole('alert').first()).toBeVisible();
	}

	/** Saves the open quote form. */
	async saveQuote(): Promise<string> {
		return this.saveForm('报价单（服务销售订单 ZFFW）', '报价单（服务销售订单 ZFFW）');
	}

	/** Changes a quote's state (sent, accepted, rejected) with its dates. */
	async decideQuote(
		id: string,
		state: '已发送' | '客户认可' | '客户不认可',
		dates: { sentOn: string; decidedOn?: string; reason?: string }
	): Promise<void> {
		await this.entry(id)
			.getByRole('button', { name: `修改 ${id}` })
			.click();
		const form = this.quoteForm();
		await form.getByLabel('报价状态').selectOption({ label: state });
		await form.getByLabel('发送日期').fill(dates.sentOn);
		if (dates.decidedOn) await form.getByLabel('客户答复日期').fill(dates.decidedOn);
		if (dates.reason) await form.getByLabel('拒绝原因').fill(dates.reason);
		await this.saveQuote();
	}

	/** Prints a quote as PDF. */
	async printQuote(id: string): Promise<Download> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.entry(id).getByRole('button', { name: '打印报价单' }).click()
		]);
		return download;
	}

	/** Opens the invoice form and types number, amount and date (not saved). */
	async fillInvoice(input: { number: string; amount?: string; date?: string }): Promise<void> {
		await this.kind('invoice')
			.getByRole('button', { name: /^新建服务销售发票/ })
			.click();
		const form = this.invoiceForm();
		await form.getByLabel('发票号').fill(input.number);
		if (input.amount !== undefined) await form.getByLabel('金额（元）').fill(input.amount);
		if (input.date !== undefined) await form.getByLabel('发票日期').fill(input.date);
	}

	readonly invoiceForm = () => this.form('服务销售发票（ZFW）');

	/** Saves the open invoice form. */
	async saveInvoice(): Promise<string> {
		return this.saveForm('服务销售发票（ZFW）', '服务销售发票（ZFW）');
	}

	/** Adds an evaluation with a rating, a comment and perhaps a follow-up date. */
	async addEvaluation(input: { rating: number; comment?: string; followUpDate?: string }) {
		await this.kind('evaluation').getByRole('button', { name: '新建服务评价' }).click();
		const form = this.form('服务评价');
		await form.getByLabel(`${input.rating} 分`).check();
		if (input.comment) await form.getByLabel('评价意见').fill(input.comment);
		if (input.followUpDate) await form.getByLabel('回访日期').fill(input.followUpDate);
		return this.saveForm('服务评价', '服务评价');
	}
}
