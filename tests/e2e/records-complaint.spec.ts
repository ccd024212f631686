import type { Page } from '@playwright/test';
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
import { ComplaintFormPanel, ServiceFormPanel } from './pages/onsite-forms';
import { DEFAULT_SUPERVISOR_PIN } from './pages/setup-page';
import { startSetUpDevice } from './support/device';
import { downloadedPdfPages, pdfText } from './support/pdf';
import { waitForServiceWorkerControl } from './support/service-worker';
import { storedImages, storedRecords } from './support/stored-images';

/**
 * The two complaint routes of the seed (SM01 §7), on a tablet at the customer's, offline: the
 * complaint form with photos of the damage, the escalation, the statuses, completion; then the
 * export (a ZIP with the photos and the signature) read on a second device.
 */

const DAMAGE_PHOTO = 'tests/fixtures/images/damage.jpg';
const SMALL_PHOTO = 'tests/fixtures/images/small.png';

test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

async function setUpOffline(page: Page, context: import('@playwright/test').BrowserContext) {
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await new UserPanel(page).switchTo('李娜', '101', 'assistant');
	await new MailSettingsPanel(page).save('centre4002@example.com', 'LOG');
}

/** Exports this device's data; with images the file is a ZIP. */
async function exportArchive(page: Page, path: string): Promise<string> {
	await new ExchangePage(page).goto();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '导出', exact: true }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^shouhou-4002-01-\d{8}-\d{4}\.zip$/);
	await download.saveAs(path);
	return path;
}

/** Imports an export on another device of the centre and checks what arrived. */
async function importOnSecondDevice(otherDevice: () => Promise<Page>, path: string): Promise<Page> {
	const tablet = await otherDevice();
	await startSetUpDevice(tablet, { device: '02' });
	const exchange = new ExchangePage(tablet);
	await exchange.choose(path);
	await expect(exchange.refused()).toHaveCount(0);
	await exchange.confirm();
	await expect(tablet.getByText(/导入完成/).first()).toBeVisible();
	return tablet;
}

/** The records and images of one device, comparable with another's. */
async function keptData(page: Page) {
	const records = (await storedRecords(page))
		.map(({ id, kind, revision, photos, acceptance }) => ({
			id,
			kind,
			revision,
			photos,
			acceptance
		}))
		.sort((a, b) => String(a.id).localeCompare(String(b.id)));
	return { records, images: await storedImages(page) };
}

test('(c) complaint after payment with head-office support: photos, approval, escalation, reply, signed acceptance, complete; the ZIP export arrives whole on a second device', async ({
	page,
	context,
	otherDevice,
	problems
}, testInfo) => {
	test.setTimeout(240_000);
	await setUpOffline(page, context);
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z1');
	await create.fill(exampleNotification({ description: '会议桌桌面开裂' }));
	await create.field('需求类型').selectOption('exchange');
	await create.field('处理方式').selectOption('hqSupport');
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const notification = new NotificationPage(page);
	const number = await notification.number();

	// The assistant fills the complaint form: paid (Z1), exchange asked, two photos of the damage.
	const complaint = new ComplaintFormPanel(page);
	await complaint.open();
	await expect(complaint.paymentStatus()).toContainText('已完款');
	await expect(complaint.field('要求的处理方式')).toHaveValue('exchange');
	await complaint.fill({
		details: '桌面中部开裂约 30 cm，客户要求换货',
		cameraPhoto: DAMAGE_PHOTO,
		photos: [SMALL_PHOTO]
	});
	await expect(complaint.thumbnails()).toHaveCount(2);
	const complaintId = await complaint.save();
	await expect(page.getByTestId(`record-${complaintId}`)).toContainText('桌面中部开裂');
	await expect(complaint.entry(complaintId).locator('img')).toHaveCount(2);
	await expectNoSeriousA11yViolations(page);

	// The complaint form prints with its payment status and both photos.
	const complaintPdf = (await downloadedPdfPages(await complaint.print(complaintId))).join('\n');
	expect(complaintPdf).toContain(`客诉单 ${complaintId}`);
	expect(complaintPdf).toContain('已完款');
	expect(complaintPdf).toContain('换货');
	expect(complaintPdf).toContain('照片 2（64×48');

	// Head-office support needs the supervisor's approval before the escalation.
	await notification.action('KCJS 勘察结束').click();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	const users = new UserPanel(page);
	await users.switchTo('张伟', '301', 'supervisor', DEFAULT_SUPERVISOR_PIN);
	await notification.goto(number);
	await notification.action('ZGPZ 主管批准').click();
	await expect(notification.userStatus()).toHaveText('ZGPZ 主管批准');
	const mail = new MailPanels(page);
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveCount(0);
	const { eml } = await mail.downloadEml();
	expect(eml.text).toContain('完款状况：已完款');
	await expect(notification.history()).toContainText('上报');
	await notification.action('ZBHF 相应部门回复').click();
	await expect(notification.userStatus()).toHaveText('ZBHF 相应部门回复');

	// Not complete without the customer's acceptance (SM09).
	await expect(notification.refusalFor('完成通知')).toContainText('完成前须有客户验收（SM09）');
	await users.switchTo('王敏', '202', 'staff');
	await notification.goto(number);
	const service = new ServiceFormPanel(page);
	const serviceId = await service.create({
		workDone: '更换会议桌桌面',
		result: '客户满意',
		acceptance: { customerName: '赵经理' }
	});
	await expect(page.getByTestId(`record-${serviceId}`)).toContainText('赵经理');
	await users.switchTo('李娜', '101', 'assistant');
	await notification.goto(number);
	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');
	// After completion the on-site forms are read-only, and still print.
	await expect(complaint.section().getByRole('button', { name: /^修改/ })).toHaveCount(0);
	await expect(service.section().getByRole('button', { name: /^修改/ })).toHaveCount(0);
	await expect(complaint.section().getByRole('button', { name: '填写客诉单' })).toHaveCount(0);
	const servicePdf = (await downloadedPdfPages(await service.print(serviceId))).join('\n');
	expect(servicePdf).toContain('赵经理');

	// The export is a ZIP with the photos and the signature; a second device gets them whole.
	const desk = await keptData(page);
	expect(desk.images).toHaveLength(3);
	const file = await exportArchive(page, testInfo.outputPath('complaint-c.zip'));
	const tablet = await importOnSecondDevice(otherDevice, file);
	expect(await keptData(tablet)).toEqual(desk);
	for (const image of (await keptData(tablet)).images) expect(image.computed).toBe(image.key);
	await new NotificationPage(tablet).goto(number);
	await expect(tablet.getByTestId(`record-${complaintId}`)).toContainText('桌面中部开裂');
	await expect(new ComplaintFormPanel(tablet).entry(complaintId).locator('img')).toHaveCount(2);
	await expect(tablet.getByTestId(`record-${serviceId}`)).toContainText('赵经理');
	// The photos and the signature are shown from the imported bytes, decoded as images.
	const shown = tablet.locator(
		`[data-testid="complaint-${complaintId}"] img, [data-testid="service-form-${serviceId}"] img`
	);
	await expect(shown).toHaveCount(3);
	await expect(
		new ServiceFormPanel(tablet).entry(serviceId).getByRole('img', { name: '赵经理的签名' })
	).toBeVisible();
	await expect
		.poll(() =>
			shown.evaluateAll((images) => images.map((i) => (i as HTMLImageElement).naturalWidth > 0))
		)
		.toEqual([true, true, true]);
	expect(problems.errors).toEqual([]);
});

test('(d) complaint before payment (Z2): photos straight to regional logistics without approval, HWSD, complete; the ZIP export arrives whole on a second device', async ({
	page,
	context,
	otherDevice,
	problems
}, testInfo) => {
	test.setTimeout(240_000);
	await setUpOffline(page, context);
	const create = new CreateNotificationPage(page);
	await create.goto();
	await create.chooseType('Z2');
	await create.fill(exampleNotification({ type: 'Z2', description: '送货时柜门划伤' }));
	await create.field('需求类型').selectOption('repair');
	await create.field('处理方式').selectOption('prePayment');
	await create.save().click();
	await page.waitForURL(/\/notifications\/\d{4}-/);
	const notification = new NotificationPage(page);
	const number = await notification.number();

	const complaint = new ComplaintFormPanel(page);
	await complaint.open();
	await expect(complaint.paymentStatus()).toContainText('未完款');
	await complaint.fill({
		details: '送货时柜门划伤两处',
		resolution: '维修',
		photos: [DAMAGE_PHOTO, SMALL_PHOTO]
	});
	const complaintId = await complaint.save();
	await expect(complaint.entry(complaintId).locator('img')).toHaveCount(2);

	// Straight to regional logistics: no approval, the payment status stated.
	const mail = new MailPanels(page);
	await mail.openEscalation();
	await expect(mail.refusal()).toHaveCount(0);
	await expect(mail.department()).toHaveValue('LOG');
	const { eml } = await mail.downloadEml();
	expect(eml.text).toContain('完款状况：未完款');
	// The complaint form travels with the message, with its photos and the payment status.
	expect(eml.attachments.map((attachment) => attachment.filename)).toEqual([
		`${number}.pdf`,
		`${complaintId}.pdf`
	]);
	const sentForm = await pdfText(eml.attachments[1]!.bytes);
	expect(sentForm).toContain(`客诉单 ${complaintId}`);
	expect(sentForm).toContain('未完款');
	expect(sentForm).toContain('照片 2（64×48');
	const complaintPdf = (await downloadedPdfPages(await complaint.print(complaintId))).join('\n');
	expect(complaintPdf).toContain('未完款');
	expect(complaintPdf).toContain('维修');

	// Logistics resolves it: replied to sales, goods delivered, complete.
	await notification.action('HFYY 回复营业').click();
	await expect(notification.userStatus()).toHaveText('HFYY 回复营业');
	await notification.action('HWSD 货物送达客户').click();
	await page
		.getByRole('form', { name: 'HWSD 货物送达客户' })
		.getByRole('button', { name: 'HWSD 货物送达客户' })
		.click();
	await expect(notification.userStatus()).toHaveText('HWSD 货物送达客户');
	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');

	const desk = await keptData(page);
	expect(desk.images).toHaveLength(2);
	const file = await exportArchive(page, testInfo.outputPath('complaint-d.zip'));
	const tablet = await importOnSecondDevice(otherDevice, file);
	expect(await keptData(tablet)).toEqual(desk);
	await new NotificationPage(tablet).goto(number);
	await expect(new ComplaintFormPanel(tablet).entry(complaintId).locator('img')).toHaveCount(2);
	expect(problems.errors).toEqual([]);
});
