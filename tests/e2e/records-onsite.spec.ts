import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './axe';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { ComplaintFormPanel, ServiceFormPanel } from './pages/onsite-forms';
import { startSetUpDevice } from './support/device';
import { boundQuota, fillQuota, restoreQuota } from './support/fault-injection';
import { downloadedPdfPages } from './support/pdf';
import { waitForServiceWorkerControl } from './support/service-worker';
import { storedImages, storedRecords } from './support/stored-images';

const DAMAGE_PHOTO = 'tests/fixtures/images/damage.jpg';

// A phone at the customer's: touch, a narrow screen.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('on site, offline on a phone: bad photos and an empty signature are refused next to their fields; the signed form and its PDF carry the signature', async ({
	page,
	context,
	problems
}, testInfo) => {
	test.setTimeout(120_000);
	// A 50 MB "photo" that starts like a JPEG: refused for its size alone.
	const huge = testInfo.outputPath('huge.jpg');
	const bytes = Buffer.alloc(50 * 1024 * 1024, 0);
	bytes.set([0xff, 0xd8, 0xff, 0xe0]);
	writeFileSync(huge, bytes);
	const notAPhoto = testInfo.outputPath('not-a-photo.jpg');
	writeFileSync(notAPhoto, '%PDF-1.7 not a photo');
	// Starts like a JPEG, but is no image anyone can decode.
	const broken = testInfo.outputPath('broken.jpg');
	writeFileSync(broken, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await new UserPanel(page).switchTo('王敏', '202', 'staff');
	const number = await new CreateNotificationPage(page).create(exampleNotification());
	const notification = new NotificationPage(page);

	// Complaint form: a text file named .jpg and a 50 MB file are refused by name, with the limit.
	const complaint = new ComplaintFormPanel(page);
	await complaint.open();
	await expect(complaint.paymentStatus()).toContainText('已完款');
	await complaint.field('客诉内容').fill('柜门划伤，漆面脱落 🪑');
	await complaint.chooseInput().setInputFiles([notAPhoto, huge, broken]);
	await expect(complaint.photoAlert()).toContainText('“损坏照片”：文件“not-a-photo.jpg”不是图片');
	await expect(complaint.photoAlert()).toContainText(
		'“损坏照片”：文件“huge.jpg”有 50 MB，超过每张 20 MB 的上限。'
	);
	await expect(complaint.photoAlert()).toContainText(
		'“损坏照片”：图片“broken.jpg”无法读取，可能已损坏。'
	);
	await expect(complaint.thumbnails()).toHaveCount(0);
	// The camera's photo is scaled on the device to 1600 px and shown as a thumbnail.
	await complaint.addPhotos([DAMAGE_PHOTO], 'camera');
	await expect(complaint.thumbnails()).toHaveCount(1);
	await expect(complaint.thumbnails().first()).toHaveAttribute('alt', '照片 1（1600×1200）');
	await expectNoSeriousA11yViolations(page);
	const complaintId = await complaint.save();
	expect(complaintId).toMatch(new RegExp(`^${number}-C1-01$`));
	await expect(complaint.entry(complaintId).locator('img')).toHaveCount(1);

	// Service form: accepting with an empty pad is refused on the signature field; nothing is saved.
	const service = new ServiceFormPanel(page);
	await service.open();
	await service.fill({ workDone: '更换锁芯', surveyDone: true });
	await service.field('客户已验收并签名').check();
	await service.field('客户姓名').fill('王女士');
	await service.form().getByRole('button', { name: '保存', exact: true }).click();
	await expect(service.signatureError()).toHaveText('“客户签名”为空：请客户在框内签名。');
	expect((await storedRecords(page)).filter((r) => r.kind === 'serviceForm')).toEqual([]);
	await expectNoSeriousA11yViolations(page);
	await service.sign();
	const serviceId = await service.save();
	expect(serviceId).toBe(`${number}-S1-01`);
	await expect(page.getByTestId(`record-${serviceId}`)).toContainText('王女士');
	// Saved with the survey done, KCJS is proposed and set through the engine.
	await service.applyProposal();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');

	// Every kept image is stored under the SHA-256 of its bytes.
	const images = await storedImages(page);
	expect(images).toHaveLength(2);
	for (const image of images) expect(image.computed).toBe(image.key);

	// The service form's PDF carries the acceptance and the signature image.
	const pdf = await service.print(serviceId);
	expect(pdf.suggestedFilename()).toBe(`${serviceId}.pdf`);
	const text = (await downloadedPdfPages(pdf)).join('\n');
	expect(text).toContain(`家具服务单 ${serviceId}`);
	expect(text).toContain('王女士');
	expect(text).toContain('客户签名');
	// The emoji has no glyph in the PDF font: named before printing, printed as 〓.
	const complaintPdf = (
		await downloadedPdfPages(await complaint.print(complaintId, { missingGlyphs: ['🪑'] }))
	).join('\n');
	expect(complaintPdf).toContain('漆面脱落 〓');
	expect(complaintPdf).toContain(`客诉单 ${complaintId}`);
	expect(complaintPdf).toContain('照片 1（1600×1200');
	// The object page with the saved forms, their photos and the signature.
	await expect(service.entry(serviceId).getByRole('img', { name: '王女士的签名' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	expect(problems.errors).toEqual([]);
});

test('storage full while saving photos: the message names storage, the form keeps the text and the photos, and saves once space is back', async ({
	page,
	baseURL,
	problems
}) => {
	const origin = new URL(baseURL!).origin;
	const cdp = await boundQuota(page, origin);
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('王敏', '202', 'staff');
	const number = await new CreateNotificationPage(page).create(exampleNotification());
	const complaint = new ComplaintFormPanel(page);
	await complaint.open();
	await complaint.fill({ details: '柜门划伤', photos: [DAMAGE_PHOTO] });
	await expect(complaint.thumbnails()).toHaveCount(1);

	await fillQuota(page, cdp, origin);
	await complaint.form().getByRole('button', { name: '保存', exact: true }).click();
	await expect(complaint.message()).toContainText('存储空间已满');
	await expect(complaint.message()).toContainText('客诉单及其签名、照片均未保存');
	await expect(complaint.field('客诉内容')).toHaveValue('柜门划伤');
	await expect(complaint.thumbnails()).toHaveCount(1);
	expect(await storedRecords(page)).toEqual([]);
	expect(await storedImages(page)).toEqual([]);

	await restoreQuota(cdp, origin);
	const id = await complaint.save();
	expect(id).toBe(`${number}-C1-01`);
	expect(await storedImages(page)).toHaveLength(1);
	expect(problems.errors).toEqual([]);
});

test('drafts on site: a reload keeps the typed text, the photos and the signature strokes; targets are at least 44 px', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	await new UserPanel(page).switchTo('王敏', '202', 'staff');
	const number = await new CreateNotificationPage(page).create(exampleNotification());
	const complaint = new ComplaintFormPanel(page);
	await complaint.open();
	await complaint.fill({ details: '柜门划伤（草稿）', photos: [DAMAGE_PHOTO] });
	const service = new ServiceFormPanel(page);
	await service.open();
	await service.fill({ workDone: '更换锁芯（草稿）', acceptance: { customerName: '王女士' } });
	// One column on a phone, and every button of the forms a large target.
	for (const button of await page.locator('form.onsite-form button').all()) {
		const box = await button.boundingBox();
		expect(box?.height, await button.innerText()).toBeGreaterThanOrEqual(44);
	}
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);

	// The debounced draft is written before the page goes: reload at once.
	await page.reload();
	await new NotificationPage(page).goto(number);
	await complaint.open();
	await expect(complaint.form().getByText(/已恢复 .* 保存的草稿。/)).toBeVisible();
	await expect(complaint.field('客诉内容')).toHaveValue('柜门划伤（草稿）');
	await expect(complaint.thumbnails()).toHaveCount(1);
	await service.open();
	await expect(service.field('服务内容')).toHaveValue('更换锁芯（草稿）');
	await expect(service.field('客户姓名')).toHaveValue('王女士');
	await expect(service.form().getByTestId('signature-state')).toHaveText('已签名');
	const serviceId = await service.save();
	await expect(page.getByTestId(`record-${serviceId}`)).toContainText('王女士');
	const complaintId = await complaint.save();
	await expect(complaint.entry(complaintId).locator('img')).toHaveCount(1);
	expect(await storedImages(page)).toHaveLength(2);
	expect(problems.errors).toEqual([]);
});

test.describe('at a desk, without touch', () => {
	test.use({ viewport: { width: 1280, height: 900 }, hasTouch: false, isMobile: false });

	test('the signature pad takes a pen and the mouse; cleared, it is empty again', async ({
		page,
		problems
	}) => {
		await startSetUpDevice(page);
		await new UserPanel(page).switchTo('王敏', '202', 'staff');
		await new CreateNotificationPage(page).create(exampleNotification());
		const service = new ServiceFormPanel(page);
		await service.open();
		await service.fill({ workDone: '更换锁芯' });
		await service.field('客户已验收并签名').check();
		await service.field('客户姓名').fill('王女士');
		await service.sign('pen');
		// Cleared with the keyboard: the pad is empty and saving is refused on the signature.
		await service.form().getByRole('button', { name: '清除签名' }).focus();
		await page.keyboard.press('Enter');
		await expect(service.form().getByTestId('signature-state')).toHaveCount(0);
		await service.form().getByRole('button', { name: '保存', exact: true }).click();
		await expect(service.signatureError()).toHaveText('“客户签名”为空：请客户在框内签名。');
		await service.sign('mouse');
		const id = await service.save();
		await expect(page.getByTestId(`record-${id}`)).toContainText('王女士');
		const [signature] = await storedImages(page);
		expect(signature).toMatchObject({ type: 'image/png' });
		expect(signature?.computed).toBe(signature?.key);
		expect(problems.errors).toEqual([]);
	});
});
