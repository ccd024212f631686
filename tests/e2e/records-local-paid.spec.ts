import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './axe';
import { ExchangePage } from './pages/exchange-page';
import {
	CreateNotificationPage,
	NotificationPage,
	UserPanel,
	exampleNotification
} from './pages/notification-pages';
import { ServiceFormPanel } from './pages/onsite-forms';
import { LinkedRecordsPanel } from './pages/records-pages';
import { startSetUpDevice } from './support/device';
import { downloadedPdfPages } from './support/pdf';
import { waitForServiceWorkerControl } from './support/service-worker';
import { storedImages, storedRecords } from './support/stored-images';

// The service person signs on a tablet: touch.
test.use({ hasTouch: true });

test('local paid service, offline: parts → quote accepted → service form signed → invoice → complete → evaluation; a second device imports every record and the signature', async ({
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
	const number = await new CreateNotificationPage(page).create(
		exampleNotification({ demandType: '有费服务' })
	);
	const notification = new NotificationPage(page);
	const records = new LinkedRecordsPanel(page);

	// The route's next step and what completing lacks, in the transaction analysis.
	await expect(records.nextStep()).toHaveText('下一步：现场勘察');
	await expect(records.missing()).toContainText('完成前须有客户验收（SM09）');
	await expect(records.missing()).toContainText('有费服务完成前须记录服务销售发票（ZFW）');
	await expect(notification.refusalFor('完成通知')).toContainText('客户验收');

	// 是否需预领零件: the parts to draw before the visit.
	const partsId = await records.addParts([{ material: '100056', quantity: '1', note: '锁芯' }]);
	expect(partsId).toBe(`${number}-P1-01`);
	await expect(records.entry(partsId)).toContainText('100056 ×1');

	// 是否需报价: a negative price and an absurd quantity are refused next to their fields.
	await records.fillNewQuote([
		{ item: '更换锁芯', quantity: '100000', unitPrice: '-45.5' },
		{ item: '上门服务费', quantity: '1', unitPrice: '30' }
	]);
	await records.saveQuoteExpectingErrors();
	const quoteForm = records.quoteForm();
	await expect(quoteForm.getByText('“数量”不能大于 9999。')).toBeVisible();
	await expect(quoteForm.getByText('“单价（元）”不能为负数。')).toBeVisible();
	expect((await storedRecords(page)).filter((record) => record.kind === 'quote')).toEqual([]);
	await quoteForm.getByRole('group', { name: '第 1 行' }).getByLabel('数量').fill('1');
	await quoteForm.getByRole('group', { name: '第 1 行' }).getByLabel('单价（元）').fill('45.5');
	await expect(quoteForm.getByTestId('quote-total')).toHaveText('总计（元）：75.50');
	await expectNoSeriousA11yViolations(page);
	const quoteId = await records.saveQuote();
	await expect(records.nextStep()).toHaveText('下一步：现场勘察');

	// Printed for the customer, then 客户是否认可: accepted.
	const pdf = (await downloadedPdfPages(await records.printQuote(quoteId))).join('\n');
	expect(pdf).toContain(`报价单（服务销售订单 ZFFW）${quoteId}`);
	expect(pdf).toContain('75.50');
	await records.decideQuote(quoteId, '客户认可', { sentOn: '2001-03-08', decidedOn: '2001-03-08' });
	await expect(records.entry(quoteId)).toContainText('客户认可 2001/03/08');

	// 家具服务单 on the tablet: the survey done and the customer's signature (SM09).
	await users.switchTo('王敏', '202', 'staff');
	await notification.goto(number);
	const service = new ServiceFormPanel(page);
	const formId = await service.create({
		workDone: '更换锁芯',
		partsUsed: '100056 ×1',
		surveyDone: true,
		acceptance: { customerName: '王先生' }
	});
	// Point 4: the saved form proposes KCJS, set through the engine.
	await service.applyProposal();
	await expect(notification.userStatus()).toHaveText('KCJS 勘察结束');
	await expect(records.nextStep()).toHaveText('下一步：服务销售发票（ZFW）');
	await expect(records.missing()).not.toContainText('客户验收');

	// The invoice: an amount other than the accepted total warns and needs a reason.
	await users.switchTo('李娜', '101', 'assistant');
	await notification.goto(number);
	await records.fillInvoice({ number: 'ZFW-2001-0001', amount: '70', date: '2001-03-09' });
	await expect(records.invoiceForm().getByTestId('invoice-mismatch')).toContainText(
		'发票金额 70.00 元与客户认可的报价总计 75.50 元不符'
	);
	await records.invoiceForm().getByRole('button', { name: '保存', exact: true }).click();
	await expect(
		records.invoiceForm().getByText('金额与客户认可的报价总计不符：请填写“金额不符的原因”。')
	).toBeVisible();
	await records.invoiceForm().getByLabel('金额不符的原因').fill('客户议价优惠 5.50 元');
	const invoiceId = await records.saveInvoice();
	await expect(records.entry(invoiceId)).toContainText('70.00');
	await expect(records.nextStep()).toHaveText('下一步：完成通知');
	await expect(page.getByTestId('next-step')).toContainText('完成通知单所需的条件都已具备。');

	// 关闭: complete; afterwards only the evaluation and printing remain.
	await notification.confirmWith('完成通知', {});
	await expect(notification.systemStatus()).toContainText('NOCO');
	await expect(page.getByTestId('linked-records')).toContainText(
		'通知单已完成，只能记录服务评价和回访，以及打印。'
	);
	await expect(records.kind('parts').getByRole('button', { name: /^新建/ })).toHaveCount(0);
	await expect(records.kind('invoice').getByRole('button', { name: /^修改/ })).toHaveCount(0);
	await expect(records.kind('quote').getByRole('button', { name: '打印报价单' })).toBeVisible();
	const evaluationId = await records.addEvaluation({
		rating: 5,
		comment: '上门及时，修得很好',
		followUpDate: '2001-03-16'
	});
	await expect(records.entry(evaluationId)).toContainText('5 分');
	await expectNoSeriousA11yViolations(page);

	// The overview lists the follow-up due and the average rating of the person responsible.
	await page.goto('/');
	await expect(page.getByTestId('follow-ups')).toContainText(number);
	await expect(
		page.getByTestId('average-ratings').getByRole('row', { name: /202 王敏/ })
	).toContainText('5.0');
	await expectNoSeriousA11yViolations(page);
	// The follow-up is recorded after completion too, and leaves the list.
	await notification.goto(number);
	await records
		.entry(evaluationId)
		.getByRole('button', { name: `修改 ${evaluationId}` })
		.click();
	await records.form('服务评价').getByRole('button', { name: '记录回访完成' }).click();
	await records.form('服务评价').getByRole('button', { name: '保存', exact: true }).click();
	await expect(records.form('服务评价')).toHaveCount(0);
	await page.goto('/');
	await expect(page.getByTestId('follow-ups')).toContainText('没有到期的回访。');
	await notification.goto(number);

	// The history names each record.
	await expect(notification.history()).toContainText(`家具服务单 ${formId} 已建立`);
	await expect(notification.history()).toContainText(`服务销售发票（ZFW） ${invoiceId} 已建立`);

	// Exported with the signature, the export is a ZIP; a second device imports all of it.
	await context.setOffline(false);
	const file = await new ExchangePage(page).exportTo(testInfo.outputPath('desk.zip'));
	expect(file).toMatch(/\.zip$/);
	const tablet = await otherDevice();
	await startSetUpDevice(tablet, { device: '02' });
	const exchange = new ExchangePage(tablet);
	await exchange.goto();
	// The file picker offers ZIP exports as well as JSON.
	await expect(tablet.getByLabel('导入文件')).toHaveAttribute('accept', /\.zip/);
	await exchange.choose(file);
	await exchange.confirm();
	await expect(tablet.getByText('写入 5 张关联单据。')).toBeVisible();
	await new NotificationPage(tablet).goto(number);
	const arrived = new LinkedRecordsPanel(tablet);
	for (const id of [partsId, quoteId, formId, invoiceId, evaluationId]) {
		await expect(arrived.entry(id)).toBeVisible();
	}
	await expect(arrived.entry(formId)).toContainText('王先生');
	const signatures = await storedImages(tablet);
	expect(signatures).toEqual(await storedImages(page));
	expect(signatures).toHaveLength(1);
	expect(signatures[0]!.computed).toBe(signatures[0]!.key);
	expect(problems.errors).toEqual([]);
});
