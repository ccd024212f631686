import { expect, type Page } from '@playwright/test';

/** What the create form needs; defaults are the seed's example 1 (活动柜锁坏 for customer 27). */
export interface NotificationInput {
	type?: string;
	description?: string;
	shipTo?: string;
	requiredStart?: string;
	requiredEnd?: string;
	mainWorkCentre?: string;
	responsible?: string;
	salesOrg?: string;
	functionalLocation?: string;
	isUrgent?: boolean;
	/** 需求类型 by its label (有费服务, 维修…); 处理方式 by its label (本地处理, 向总部询报价…). */
	demandType?: string;
	route?: string;
	items?: {
		productCategory: string;
		colourMain?: string;
		materialQuantity: string;
		reasonCode?: string;
		reasonText?: string;
	}[];
}

/** Builds the seed's example 1 with overrides. */
export function exampleNotification(
	overrides: NotificationInput = {}
): Required<Omit<NotificationInput, 'functionalLocation' | 'isUrgent' | 'demandType' | 'route'>> &
	NotificationInput {
	return {
		type: 'Z1',
		description: '活动柜锁坏',
		shipTo: '27',
		requiredStart: '2001-03-07',
		requiredEnd: '2001-03-08',
		mainWorkCentre: 'S4002',
		responsible: '202',
		salesOrg: 'F011',
		items: [
			{
				productCategory: '06',
				colourMain: 'A',
				materialQuantity: '100056,1',
				reasonCode: '1',
				reasonText: 'OEM厂商'
			}
		],
		...overrides
	};
}

/** Create notification (IW51): type step, then the form. */
export class CreateNotificationPage {
	constructor(private readonly page: Page) {}

	readonly type = () => this.page.getByLabel('通知类型');
	readonly reference = () => this.page.getByLabel('参照-通知单');
	readonly continueButton = () => this.page.getByRole('button', { name: '继续' });
	readonly field = (label: string) => this.page.getByLabel(label, { exact: true });
	readonly save = () => this.page.getByRole('button', { name: '保存', exact: true });
	readonly objectAddress = () => this.page.getByTestId('object-address');

	async goto(): Promise<void> {
		await this.page.goto('/notifications/new');
		await this.type().waitFor();
	}

	/** Chooses the type and goes on to the form. */
	async chooseType(type = 'Z1', reference = ''): Promise<void> {
		await this.type().selectOption(type);
		if (reference) await this.reference().fill(reference);
		await this.continueButton().click();
		await this.field('通知单描述').waitFor();
	}

	/** Fills the form from input. */
	async fill(input: NotificationInput): Promise<void> {
		if (input.description !== undefined) await this.field('通知单描述').fill(input.description);
		if (input.shipTo !== undefined) await this.field('送达方').fill(input.shipTo);
		if (input.functionalLocation !== undefined)
			await this.field('功能位置').selectOption(input.functionalLocation);
		if (input.requiredStart !== undefined) await this.field('需要的起始').fill(input.requiredStart);
		if (input.requiredEnd !== undefined) await this.field('预期的终止').fill(input.requiredEnd);
		if (input.mainWorkCentre !== undefined)
			await this.field('主工作中心').fill(input.mainWorkCentre);
		if (input.responsible !== undefined) await this.field('负责人').fill(input.responsible);
		if (input.salesOrg !== undefined) await this.field('销售组织').fill(input.salesOrg);
		if (input.isUrgent !== undefined) await this.field('紧急').setChecked(input.isUrgent);
		if (input.demandType !== undefined)
			await this.field('需求类型').selectOption({ label: input.demandType });
		if (input.route !== undefined)
			await this.field('处理方式').selectOption({ label: input.route });
		for (const [index, item] of (input.items ?? []).entries()) {
			await this.page.getByRole('button', { name: '添加项目' }).click();
			const row = this.page.getByRole('group', { name: `项目 ${index + 1}` });
			await row.getByLabel('产品大类').fill(item.productCategory);
			if (item.colourMain) await row.getByLabel('主色码').fill(item.colourMain);
			await row.getByLabel('文本（物料号,数量）').fill(item.materialQuantity);
			if (item.reasonCode) await row.getByLabel('原因代码').fill(item.reasonCode);
			if (item.reasonText) await row.getByLabel('原因正文').fill(item.reasonText);
		}
	}

	/** Creates a notification and returns the number the app gave it. */
	async create(input: NotificationInput = exampleNotification()): Promise<string> {
		await this.goto();
		await this.chooseType(input.type ?? 'Z1');
		await this.fill(input);
		await this.save().click();
		await this.page.waitForURL(/\/notifications\/\d{4}-/);
		return new NotificationPage(this.page).number();
	}
}

/** Display/change notification (IW53/IW52): header, actions, analysis, long text, history. */
export class NotificationPage {
	constructor(private readonly page: Page) {}

	readonly systemStatus = () => this.page.getByTestId('system-status');
	readonly userStatus = () => this.page.getByTestId('user-status');
	readonly paymentStatus = () => this.page.getByTestId('payment-status');
	readonly actions = () => this.page.getByTestId('allowed-actions');
	readonly analysis = () => this.page.getByTestId('transaction-analysis');
	readonly actionMessage = () => this.page.getByTestId('action-message');
	readonly history = () => this.page.getByTestId('history');
	readonly action = (name: string | RegExp) => this.actions().getByRole('button', { name });
	readonly formMessage = () => this.page.getByTestId('form-message');
	readonly newLongText = () => this.page.getByLabel('新文本', { exact: true });
	readonly addLongTextButton = () => this.page.getByRole('button', { name: '添加文本' });
	/** The transaction-analysis line of one action: its label, then why it is not possible now. */
	readonly refusalFor = (label: string) =>
		this.analysis()
			.locator('li')
			.filter({ has: this.page.locator('strong').getByText(label, { exact: true }) });

	async number(): Promise<string> {
		return (await this.page.getByTestId('notification-number').textContent())?.trim() ?? '';
	}

	async goto(number: string, mode: 'display' | 'change' = 'display'): Promise<void> {
		await this.page.goto(`/notifications/${number}${mode === 'change' ? '?mode=change' : ''}`);
		await this.page.getByTestId('notification-number').waitFor();
	}

	/** Runs an action that needs a reason (and a date) in its small dialog. */
	async confirmWith(
		actionName: string,
		values: { reason?: string; until?: string; at?: string }
	): Promise<void> {
		await this.action(actionName).click();
		const dialog = this.page.getByRole('form', { name: actionName });
		if (values.until !== undefined) await dialog.getByLabel('新日期').fill(values.until);
		if (values.at !== undefined) await dialog.getByLabel('完成参考时间').fill(values.at);
		if (values.reason !== undefined) await dialog.getByLabel(/原因/).fill(values.reason);
		await dialog.getByRole('button', { name: actionName }).click();
	}

	async addLongText(text: string): Promise<void> {
		await this.page.getByLabel('新文本').fill(text);
		await this.page.getByRole('button', { name: '添加文本' }).click();
		await expect(this.page.getByText(text)).toBeVisible();
	}
}

/** Settings → current user: name, staff code, role and the supervisor PIN. */
export class UserPanel {
	constructor(private readonly page: Page) {}

	readonly current = () => this.page.getByTestId('current-user');
	readonly pinError = () => this.page.locator('#user-pin-error');

	/** Switches the device's user; for the supervisor role the PIN is typed too. */
	async switchTo(
		name: string,
		code: string,
		role: 'assistant' | 'staff' | 'supervisor',
		pin = ''
	): Promise<void> {
		await this.page.goto('/settings');
		await this.page.getByLabel('姓名').fill(name);
		await this.page.getByLabel('员工代码').fill(code);
		await this.page.getByLabel('角色').selectOption(role);
		if (role === 'supervisor') await this.page.locator('#user-pin').fill(pin);
		await this.page.getByRole('button', { name: '切换用户' }).click();
		// The PIN is hashed (PBKDF2) before the switch is stored: wait for the outcome either way.
		await this.page.getByText(`当前用户：${name}`).or(this.pinError()).first().waitFor();
	}
}
