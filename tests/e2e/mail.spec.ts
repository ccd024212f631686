import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './axe';
import { DepartmentAddresses, MailPanels, MailSettingsPanel } from './pages/mail-panels';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { OverviewPage } from './pages/overview-page';
import { DEFAULT_SUPERVISOR_PIN } from './pages/setup-page';
import { startSetUpDevice } from './support/device';
import { pdfText } from './support/pdf';
import { waitForServiceWorkerControl } from './support/service-worker';

const HOSTILE =
	'<script>alert(1)</script> a&bcc=evil@example.com ?cc=x@y.example#frag %0D%0A \u202Egnp.exe 🪑';

test('escalation e-mail, offline: a head-office quote is refused before ZGPZ and sent after; a Z2 complaint goes straight to regional logistics', async ({
	page,
	context,
	problems
}) => {
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);

	const users = new UserPanel(page);
	await users.switchTo('李娜', '101', 'assistant');
	await new MailSettingsPanel(page).save('centre4002@example.com', 'LOG');
	// Regional logistics writes to two addresses and copies its manager; a bad address is named.
	const department = new DepartmentAddresses(page);
	await department.save('LOG', 'logistics@example.com, x@y.example&bcc=z@w.example', '');
	await expect(department.to()).toHaveAttribute('aria-invalid', 'true');
	await department.save('LOG', 'logistics@example.com, log2@example.com', 'manager@example.com');
	await expect(page.getByText('已保存 LOG。')).toBeVisible();

	// A head-office quote (Z1): 发送邮件 says why not, on the notification, before any composer.
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(exampleNotification());
	await create.field('处理方式').selectOption('hqQuote');
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const notification = new NotificationPage(page);
	const quote = await notification.number();
	const mail = new MailPanels(page);
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveText('上报总部前须先经主管批准（用户状态 ZGPZ 主管批准）。');
	await expect(mail.composer()).toHaveCount(0);

	// After the survey and the supervisor's approval, the composer opens with regional logistics.
	await notification.action('KCJS 勘察结束').click();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	await users.switchTo('张伟', '301', 'supervisor', DEFAULT_SUPERVISOR_PIN);
	await notification.goto(quote);
	await notification.action('ZGPZ 主管批准').click();
	await expect(notification.userStatus()).toHaveText('ZGPZ 主管批准');
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveCount(0);
	await expect(mail.department()).toHaveValue('LOG');
	await mail.escalation().getByRole('checkbox', { name: 'PUR 采购部' }).check();
	const link = await mail.link();
	expect(link.to).toEqual(['logistics@example.com', 'log2@example.com']);
	expect(link.headers.cc?.[0]?.split(',')).toEqual([
		'manager@example.com',
		'purchasing@example.com'
	]);
	expect(link.headers.subject).toEqual([`通知单 ${quote} 活动柜锁坏`]);
	expect(link.headers.body?.[0]).toContain('完款状况：已完款');
	expect(link.href.length).toBeLessThan(2000);

	// The .eml, parsed back: a draft with the priority of a normal notification and no injection.
	const { eml, name } = await mail.downloadEml();
	expect(name).toBe(`${quote}.eml`);
	expect(eml.headers['x-unsent']).toEqual(['1']);
	expect(eml.headers['x-priority']).toBeUndefined();
	expect(eml.headers.to?.[0]).toMatch(/<logistics@example\.com>,\s*=\?.*<log2@example\.com>$/);
	expect(eml.headers.cc?.[0]).toMatch(/<manager@example\.com>,\s*=\?.*<purchasing@example\.com>$/);
	expect(eml.headers.from?.[0]).toContain('<centre4002@example.com>');
	expect(eml.subject).toBe(`通知单 ${quote} 活动柜锁坏`);
	expect(eml.text).toContain('处理方式：向总部询报价');
	// The notification sheet travels as its PDF, readable back with the description in Chinese.
	expect(eml.attachments.map((a) => [a.filename, a.contentType])).toEqual([
		[`${quote}.pdf`, 'application/pdf']
	]);
	const sheet = await pdfText(eml.attachments[0]!.bytes);
	expect(sheet).toContain('活动柜锁坏');
	expect(sheet).toContain(quote);
	await expect(mail.sent()).toContainText('logistics@example.com');
	await expect(mail.sent()).toContainText('.eml 文件');
	await expect(notification.history()).toContainText('上报：总部询报价');
	await expectNoSeriousA11yViolations(page);

	// A pre-payment complaint (Z2), urgent, with hostile long text: no approval needed.
	await users.switchTo('李娜', '101', 'assistant');
	await create.goto();
	await create.chooseType('Z2');
	await create.fill(exampleNotification({ type: 'Z2', mainWorkCentre: 'F011' }));
	await create.field('处理方式').selectOption('prePayment');
	await page.getByLabel('紧急', { exact: true }).check();
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const complaint = await notification.number();
	await notification.addLongText(HOSTILE);
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveCount(0);
	await expect(mail.department()).toHaveValue('LOG');
	const urgentLink = await mail.link();
	expect(urgentLink.to).toEqual(['logistics@example.com', 'log2@example.com']);
	expect(urgentLink.headers.cc).toEqual(['manager@example.com']);
	expect(Object.keys(urgentLink.headers).sort()).toEqual(['body', 'cc', 'subject']);
	expect(urgentLink.headers.subject).toEqual([`【紧急】通知单 ${complaint} 活动柜锁坏`]);
	expect(urgentLink.headers.body?.[0]).toContain('完款状况：未完款');
	expect(urgentLink.headers.body?.[0]).toContain(HOSTILE);
	const urgent = (await mail.downloadEml()).eml;
	expect(urgent.headers['x-priority']).toEqual(['1']);
	expect(urgent.headers.importance).toEqual(['High']);
	expect(urgent.headers.bcc).toBeUndefined();
	expect(urgent.text).toContain(HOSTILE);

	// Copy where the clipboard is refused: the text is offered to select instead.
	await page.evaluate(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }
		});
	});
	await mail.escalation().getByRole('button', { name: '复制主题和正文' }).click();
	const fallback = mail.escalation().getByLabel('要复制的文字');
	await expect(fallback).toBeFocused();
	await expect(fallback).toHaveValue(
		new RegExp(
			`^收件人：logistics@example.com, log2@example.com\\n抄送：manager@example.com\\n主题：【紧急】`
		)
	);
	expect(await fallback.inputValue()).toContain(HOSTILE);
	await expect(mail.sent().getByRole('row')).toHaveCount(3);
	expect(problems.errors).toEqual([]);
});

test('urgent dispatch: 通知服务人员 offers the phone and a short message and records it', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(exampleNotification());
	await page.getByLabel('紧急', { exact: true }).check();
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const notification = new NotificationPage(page);
	const number = await notification.number();
	// Dispatched from the overview: the urgent notification nobody was told of yet is listed at
	// its top, and its link leads to the object page with 通知服务人员.
	await page.goto('/');
	await new OverviewPage(page).urgentList().getByRole('link', { name: number }).click();
	await page.waitForURL(`**/notifications/${number}`);
	const mail = new MailPanels(page);
	await expect(mail.dispatch()).toBeVisible();
	await expect(mail.dispatch().getByTestId('dispatched')).toHaveCount(0);
	await mail.dispatch().getByRole('button', { name: '通知服务人员' }).click();
	await expect(mail.dispatch().getByText('负责人：202 王敏')).toBeVisible();
	await expect(mail.dispatch().getByTestId('dispatch-call')).toHaveAttribute(
		'href',
		'tel:13800000202'
	);
	await expectNoSeriousA11yViolations(page);
	const link = await mail.link(mail.dispatch());
	expect(link.headers.subject).toEqual([`【紧急】通知单 ${number} 活动柜锁坏`]);
	expect(link.headers.body?.[0]).toContain('对象地址：上海市徐汇区漕溪北路 88 号 12 楼');
	// No sender address is set on this device: the .eml says so and the other ways stay offered.
	await mail.dispatch().getByRole('button', { name: '下载 .eml 文件' }).click();
	await expect(mail.dispatch().getByTestId('eml-problems')).toContainText(
		'请先在“设置 → 邮件”中填写责任中心的发件地址'
	);
	await mail.dispatch().getByRole('button', { name: '复制主题和正文' }).click();
	await expect(mail.dispatch().getByTestId('dispatched')).toHaveText('已通知服务人员');
	await expect(mail.sent()).toContainText('已通知服务人员');
	await expect(notification.history()).toContainText('通知服务人员（202）');
	await page.goto('/');
	await expect(page.getByText('没有尚未通知服务人员的紧急通知单。')).toBeVisible();
	await page.goto(`/notifications/${number}`);

	// A notification that is not urgent has no dispatch panel.
	await create.create(exampleNotification());
	await expect(mail.dispatch()).toHaveCount(0);
	expect(problems.errors).toEqual([]);
});
