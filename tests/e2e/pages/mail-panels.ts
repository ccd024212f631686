import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
	parseEml,
	parseMailto,
	type ParsedEml,
	type ParsedMailto
} from '../../../src/lib/domain/mail/test-mail-readers';

/** Settings → E-mail: the centre's sender address and its regional logistics department. */
export class MailSettingsPanel {
	constructor(private readonly page: Page) {}

	async save(senderAddress: string, logisticsDepartment: string): Promise<void> {
		await this.page.goto('/settings');
		await this.page.getByLabel('发件地址（责任中心）').fill(senderAddress);
		await this.page.getByLabel('本中心的区物流部门').selectOption(logisticsDepartment);
		await this.page
			.getByRole('region', { name: '邮件' })
			.getByRole('button', { name: '保存' })
			.click();
		await expect(this.page.getByText('邮件设置已保存。')).toBeVisible();
	}
}

/** Settings → master data: a department's to and cc addresses. */
export class DepartmentAddresses {
	constructor(private readonly page: Page) {}

	readonly to = () => this.page.getByLabel('收件地址（多个用逗号分隔）');
	readonly cc = () => this.page.getByLabel('抄送地址（多个用逗号分隔）');

	/** Opens a department of master data and saves new address lists (as typed). */
	async save(code: string, to: string, cc: string): Promise<void> {
		await this.page.goto('/settings');
		await this.page.getByLabel('类别').selectOption('department');
		await this.page
			.getByTestId('master-table')
			.getByRole('button', { name: code, exact: true })
			.click();
		await this.to().fill(to);
		await this.cc().fill(cc);
		await this.page.getByRole('button', { name: '保存记录' }).click();
	}
}

/** The object page's 发送邮件 and 通知服务人员 panels and the list of sent e-mails. */
export class MailPanels {
	constructor(private readonly page: Page) {}

	readonly escalation = () => this.page.getByTestId('escalation');
	readonly refusal = () => this.page.getByTestId('escalation-refusal');
	readonly composer = () => this.escalation().getByTestId('mail-composer');
	readonly department = () => this.escalation().getByLabel('收件部门');
	readonly dispatch = () => this.page.getByTestId('dispatch');
	readonly sent = () => this.page.getByTestId('sent-messages');

	async openEscalation(): Promise<void> {
		await this.escalation().getByRole('button', { name: '发送邮件' }).click();
	}

	/** The composer's mailto link, read back per RFC 6068. */
	async link(scope = this.escalation()): Promise<ParsedMailto & { href: string }> {
		const href = (await scope.getByTestId('mail-link').getAttribute('href')) ?? '';
		return { ...parseMailto(href), href };
	}

	/** Downloads the .eml of a panel and reads it back. */
	async downloadEml(scope = this.escalation()): Promise<{ eml: ParsedEml; name: string }> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			scope.getByRole('button', { name: '下载 .eml 文件' }).click()
		]);
		return { eml: parseEml(await textOf(download)), name: download.suggestedFilename() };
	}
}

async function textOf(download: Download): Promise<string> {
	const path = await download.path();
	return readFile(path, 'utf8');
}
