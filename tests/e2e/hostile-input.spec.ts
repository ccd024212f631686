import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExchangePage } from './pages/exchange-page';
import { DepartmentAddresses, MailPanels, MailSettingsPanel } from './pages/mail-panels';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { SetupPage } from './pages/setup-page';
import { startSetUpDevice } from './support/device';
import { downloadedPdfPages } from './support/pdf';

/** Hostile text for each free-text field of the create form, each within the field's limit. */
const HOSTILE = {
	description: '<img src=x onerror=alert(1)>',
	reporter: '<script>alert(2)</script>',
	poNumber: "=cmd|' /C calc'!A0",
	reasonText: 'javascript:alert(3)\u202egnp.exe'
};

/** A customer (master data form) whose name and address are hostile too. */
const HOSTILE_CUSTOMER = {
	code: 'X1',
	name: '<b onmouseover=alert(6)>客户</b>',
	address: '\u202e路京南 1 号 =1+1'
};

/** The long text: markup, invisible and combining characters, emoji, NUL, a lone surrogate, CR/LF. */
const HOSTILE_LONG_TEXT = [
	'<svg onload=alert(4)>',
	'零\u200b宽\u200c字\u200d符\ufeff',
	'e\u0301\u0301\u0301 Z\u0337\u0322\u034e',
	'👨‍👩‍👧‍👦🧯',
	'NUL:\u0000:end',
	'lone:\ud800:end',
	'=HYPERLINK("javascript:alert(5)")'
].join('\r\n');

/** Whether the page is wider than its window (a layout broken by long or odd text). */
const overflows = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

test('issue 14.8: hostile text in every free-text field of the create form and a customer’s name and address is kept whole and shown as text in the list, the object page, the printed sheet, the CSV and the export; no script runs', async ({
	page,
	problems
}, testInfo) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	const masterData = page.locator('#master-data');
	await masterData.getByLabel('类别').selectOption({ label: '客户' });
	await masterData.getByLabel('代码', { exact: true }).fill(HOSTILE_CUSTOMER.code);
	await masterData.getByLabel('名称', { exact: true }).fill(HOSTILE_CUSTOMER.name);
	await masterData.getByLabel('地址', { exact: true }).fill(HOSTILE_CUSTOMER.address);
	await masterData.getByRole('button', { name: '保存记录' }).click();
	await expect(page.getByText(`已保存 ${HOSTILE_CUSTOMER.code}。`)).toBeVisible();
	await expect(masterData.getByText(HOSTILE_CUSTOMER.name, { exact: true })).toBeVisible();

	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(exampleNotification({ shipTo: HOSTILE_CUSTOMER.code }));

	// 10,000 characters are refused with the field and the limit named, never cut.
	const tooLong = 'x'.repeat(10_000);
	await create.field('通知单描述').fill(tooLong);
	await create.save().click();
	await expect(page.getByText(/“通知单描述”最多 40 个字符/).first()).toBeVisible();
	await expect(create.field('通知单描述')).toHaveValue(tooLong);
	await expect(page).toHaveURL(/\/notifications\/new$/);

	await create.field('通知单描述').fill(HOSTILE.description);
	await create.field('报告者').fill(HOSTILE.reporter);
	await create.field('PO号码').fill(HOSTILE.poNumber);
	await page.getByRole('group', { name: '项目 1' }).getByLabel('原因正文').fill(HOSTILE.reasonText);
	await create.field('通知单长文本').fill(HOSTILE_LONG_TEXT);
	// What the browser holds is what must come back (a textarea keeps line breaks as LF).
	const longText = await create.field('通知单长文本').inputValue();
	expect(longText).toBe(HOSTILE_LONG_TEXT.replaceAll('\r\n', '\n').replace('\ud800', '\ufffd'));
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const notification = new NotificationPage(page);
	const number = await notification.number();

	// The object page shows each value as text: no element made from it.
	for (const value of Object.values(HOSTILE)) {
		await expect(page.getByText(value, { exact: true }).first()).toBeVisible();
	}
	// The ship-to shows code and name; the object address is the customer's address.
	const { code, name, address } = HOSTILE_CUSTOMER;
	await expect(page.getByText(`${code} ${name}`, { exact: true }).first()).toBeVisible();
	await expect(page.getByText(address, { exact: true }).first()).toBeVisible();
	const entry = page
		.getByRole('region', { name: '通知单长文本' })
		.getByText('<svg onload=alert(4)>');
	await expect(entry).toBeVisible();
	expect(await entry.textContent()).toBe(longText);
	await expect(page.locator('main img, main svg[onload], main script, main b')).toHaveCount(0);
	expect(await overflows(page)).toBe(false);

	// The printed sheet (PDF) carries the text as text; characters its font lacks (emoji) are
	// named first, never dropped silently.
	await page.getByRole('button', { name: '打印', exact: true }).click();
	const missing = page.getByRole('alertdialog', { name: 'PDF 字体缺少以下字符' });
	await expect(missing).toBeVisible();
	const [sheet] = await Promise.all([
		page.waitForEvent('download'),
		missing.getByRole('button', { name: '用 〓 代替并打印' }).click()
	]);
	const sheetText = (await downloadedPdfPages(sheet)).join('\n');
	expect(sheetText).toContain(HOSTILE.description);
	expect(sheetText).toContain('<svg onload=alert(4)>');

	await page.goto('/notifications');
	const row = page.getByRole('row').filter({ hasText: number });
	await expect(row).toContainText(HOSTILE.description);
	await expect(page.locator('main img')).toHaveCount(0);
	expect(await overflows(page)).toBe(false);
	const [csvDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '导出 CSV' }).click()
	]);
	const csv = await readFile(await csvDownload.path(), 'utf8');
	expect(csv).toContain(HOSTILE.description);

	const path = await new ExchangePage(page).exportTo(testInfo.outputPath('hostile.json'));
	const file = JSON.parse(await readFile(path, 'utf8')) as {
		notifications: Record<string, unknown>[];
		masterData: Record<string, unknown>[];
	};
	expect(file.masterData).toContainEqual(
		expect.objectContaining({ kind: 'customer', code, name, address })
	);
	const exported = file.notifications.find((record) => record.number === number);
	expect(exported).toMatchObject({
		description: HOSTILE.description,
		reporter: HOSTILE.reporter,
		poNumber: HOSTILE.poNumber,
		items: [expect.objectContaining({ reasonText: HOSTILE.reasonText })],
		longText: [expect.objectContaining({ text: longText })]
	});

	expect(dialogs).toEqual([]);
	expect(problems.errors).toEqual([]);
});

/** Hostile text for the forms beyond the create form: set-up, user, change (IW52) and e-mail. */
const HOSTILE_OTHER = {
	centreName: '<img src=x onerror=alert(7)>\u202e心中务服',
	userName: '<script>alert(8)</script>𠀀',
	userCode: "=1+1'",
	description: '<b onclick=alert(9)>柜</b>\u200b𪚥',
	reporter: 'javascript:alert(10)//\u0301🪑',
	subject: '<img src=x onerror=alert(11)> 维修',
	body: [
		'<svg onload=alert(12)>',
		'NUL:\u0000:end',
		'lone:\ud800:end',
		"=cmd|' /C calc'!A0",
		'零\u200b宽'
	].join('\r\n')
};

test('issue 14.8: hostile text in the set-up form, the user panel, the change form (IW52) and the e-mail composer’s subject and body is kept and shown as text, too long is refused by name, and the mail carries it without a new header', async ({
	page,
	problems
}) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});

	// Set-up: 10,000 characters are refused with the field named; hostile text is kept as text.
	await page.goto('/');
	await page.waitForURL(/\/setup$/);
	const setup = new SetupPage(page);
	const tooLong = 'x'.repeat(10_000);
	await setup.centreCode().fill('4002');
	await setup.centreName().fill(tooLong);
	await setup.deviceCode().fill('01');
	await setup.fillPin();
	await setup.submit().click();
	await expect(page.getByText('“责任中心名称”最多 40 个字符。').first()).toBeVisible();
	await expect(setup.centreName()).toHaveValue(tooLong);
	await expect(page).toHaveURL(/\/setup$/);
	await setup.complete('4002', HOSTILE_OTHER.centreName, '01');

	// The user panel: too long refused by name, then a hostile name and code kept.
	const users = new UserPanel(page);
	await page.goto('/settings');
	await expect(page.getByText(`4002 ${HOSTILE_OTHER.centreName}`, { exact: true })).toBeVisible();
	await page.getByLabel('姓名').fill(tooLong);
	await page.getByLabel('员工代码').fill('101');
	await page.getByRole('button', { name: '切换用户' }).click();
	await expect(page.getByText('“姓名”最多 40 个字符。').first()).toBeVisible();
	await users.switchTo(HOSTILE_OTHER.userName, HOSTILE_OTHER.userCode, 'assistant');
	await expect(users.current()).toHaveText(
		`${HOSTILE_OTHER.userCode} ${HOSTILE_OTHER.userName} · 责任中心助理`
	);
	await expect(page.getByTestId('user-badge')).toContainText(HOSTILE_OTHER.userName);

	await new MailSettingsPanel(page).save('centre4002@example.com', 'LOG');
	await new DepartmentAddresses(page).save('LOG', 'logistics@example.com', '');
	await expect(page.getByText('已保存 LOG。')).toBeVisible();

	// A pre-payment complaint (Z2) needs no approval before its e-mail.
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z2');
	await create.fill(exampleNotification({ type: 'Z2', mainWorkCentre: 'F011' }));
	await create.field('处理方式').selectOption('prePayment');
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const notification = new NotificationPage(page);
	const number = await notification.number();

	// The change form (IW52): too long refused by name and kept; hostile text saved as typed.
	await notification.goto(number, 'change');
	const description = page.getByLabel('通知单描述', { exact: true });
	const reporter = page.getByLabel('报告者', { exact: true });
	await reporter.fill(tooLong);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByText('“报告者”最多 40 个字符。').first()).toBeVisible();
	await expect(reporter).toHaveValue(tooLong);
	await description.fill(HOSTILE_OTHER.description);
	await reporter.fill(HOSTILE_OTHER.reporter);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByText(`通知单 ${number} 已保存。`)).toBeVisible();
	await notification.goto(number);
	for (const value of [HOSTILE_OTHER.description, HOSTILE_OTHER.reporter]) {
		await expect(page.getByText(value, { exact: true }).first()).toBeVisible();
	}
	// The history names the hostile user as text.
	await expect(notification.history()).toContainText(HOSTILE_OTHER.userName);

	// The composer: the subject and the body edited with hostile text.
	const mail = new MailPanels(page);
	await mail.openEscalation();
	const subject = mail.composer().getByLabel('主题', { exact: true });
	const body = mail.composer().getByLabel('正文', { exact: true });
	await subject.fill(HOSTILE_OTHER.subject);
	await body.fill(HOSTILE_OTHER.body);
	const typedBody = await body.inputValue();
	const link = await mail.link();
	expect(Object.keys(link.headers).sort()).toEqual(['body', 'subject']);
	expect(link.to).toEqual(['logistics@example.com']);
	expect(link.headers.subject).toEqual([HOSTILE_OTHER.subject]);
	expect(link.headers.body?.[0]).toContain('<svg onload=alert(12)>');
	const { eml } = await mail.downloadEml();
	expect(eml.subject).toBe(HOSTILE_OTHER.subject);
	expect(eml.headers.bcc).toBeUndefined();
	expect(eml.headers.from?.[0]).toContain('<centre4002@example.com>');
	expect(eml.text).toContain('<svg onload=alert(12)>');
	expect(eml.text).toContain("=cmd|' /C calc'!A0");
	expect(typedBody).toContain('lone:\ufffd:end');

	await expect(page.locator('main img, main svg[onload], main script, main b')).toHaveCount(0);
	expect(await overflows(page)).toBe(false);
	expect(dialogs).toEqual([]);
	expect(problems.errors).toEqual([]);
});
