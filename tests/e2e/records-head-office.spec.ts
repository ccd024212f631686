import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './axe';
import { ExchangePage } from './pages/exchange-page';
import { MailPanels, MailSettingsPanel } from './pages/mail-panels';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { ServiceFormPanel } from './pages/onsite-forms';
import { LinkedRecordsPanel } from './pages/records-pages';
import { DEFAULT_SUPERVISOR_PIN } from './pages/setup-page';
import { startSetUpDevice } from './support/device';
import { waitForServiceWorkerControl } from './support/service-worker';

test.use({ hasTouch: true });

test('head-office quote, offline: escalation refused before ZGPZ, approval, escalation, ZBHF, the quote, the signed service form, invoice, complete; head office imports the records read-only', async ({
	page,
	context,
	otherDevice,
	problems
}, testInfo) => {
	test.setTimeout(180_000);
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	const users = new UserPanel(page);
	await users.switchTo('李娜', '101', 'assistant');
	await new MailSettingsPanel(page).save('centre4002@example.com', 'LOG');
	const number = await new CreateNotificationPage(page).create(
		exampleNotification({ demandType: '有费服务', route: '向总部询报价' })
	);
	const notification = new NotificationPage(page);
	const records = new LinkedRecordsPanel(page);
	const mail = new MailPanels(page);

	// Escalation is refused before the supervisor's approval, and the panel says what comes next.
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveText('上报总部前须先经主管批准（用户状态 ZGPZ 主管批准）。');
	await notification.action('KCJS 勘察结束').click();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	await expect(records.nextStep()).toHaveText('下一步：主管批准');
	await expect(records.missing()).toContainText('ZBHF');

	await users.switchTo('张伟', '301', 'supervisor', DEFAULT_SUPERVISOR_PIN);
	await notification.goto(number);
	await notification.action('ZGPZ 主管批准').click();
	await expect(notification.userStatus()).toHaveText('ZGPZ 主管批准');
	await expect(records.nextStep()).toHaveText('下一步：上报');
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveCount(0);
	await mail.downloadEml();
	await expect(notification.history()).toContainText('上报：总部询报价');
	await expect(records.nextStep()).toHaveText('下一步：相应部门回复');
	// Completing before head office replied is refused with its reason.
	await expect(notification.refusalFor('完成通知')).toContainText('ZBHF');

	// Head office replied with its quote (ZBHF); the quote is recorded and the customer accepts.
	await users.switchTo('李娜', '101', 'assistant');
	await notification.goto(number);
	await notification.action('ZBHF 相应部门回复').click();
	await expect(notification.userStatus()).toHaveText('ZBHF 相应部门回复');
	await expect(records.nextStep()).toHaveText('下一步：报价（服务销售订单）');
	await records.fillNewQuote([
		{ item: '定制柜门（总部报价）', quantity: '2', unitPrice: '380' },
		{ item: '安装', quantity: '1', unitPrice: '120.00' }
	]);
	await expect(records.quoteForm().getByTestId('quote-total')).toHaveText('总计（元）：880.00');
	const quoteId = await records.saveQuote();
	await records.decideQuote(quoteId, '客户认可', { sentOn: '2001-03-08', decidedOn: '2001-03-09' });
	await expect(records.nextStep()).toHaveText('下一步：家具服务单');

	// The work on site, accepted and signed; the invoice matches the accepted total: no warning.
	const formId = await new ServiceFormPanel(page).create({
		workDone: '更换柜门两扇并安装',
		acceptance: { customerName: '赵女士' }
	});
	await records.fillInvoice({ number: 'ZFW-2001-0002', date: '2001-03-10' });
	await expect(records.invoiceForm().getByLabel('金额（元）')).toHaveValue('880.00');
	await expect(records.invoiceForm().getByTestId('invoice-mismatch')).toHaveCount(0);
	const invoiceId = await records.saveInvoice();
	await expect(page.getByTestId('next-step')).toContainText('完成通知单所需的条件都已具备。');
	await expectNoSeriousA11yViolations(page);
	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');

	// Head office imports the centre's export: the records arrive, read-only there.
	await context.setOffline(false);
	const file = await new ExchangePage(page).exportTo(testInfo.outputPath('4002.zip'));
	const headOffice = await otherDevice();
	await startSetUpDevice(headOffice, { centre: '0001', name: '总部' });
	await new UserPanel(headOffice).switchTo('周总', '900', 'assistant');
	const exchange = new ExchangePage(headOffice);
	await exchange.choose(file);
	await exchange.confirm();
	await expect(headOffice.getByText('写入 3 张关联单据。')).toBeVisible();
	await new NotificationPage(headOffice).goto(number);
	const arrived = new LinkedRecordsPanel(headOffice);
	for (const id of [quoteId, formId, invoiceId]) await expect(arrived.entry(id)).toBeVisible();
	await expect(arrived.entry(formId)).toContainText('赵女士');
	await expect(arrived.section().getByRole('button', { name: /^(新建|修改)/ })).toHaveCount(0);
	expect(problems.errors).toEqual([]);
});
