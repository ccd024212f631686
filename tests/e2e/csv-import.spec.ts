import { fileURLToPath } from 'node:url';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import { CsvImportPage } from './pages/csv-import-page';
import { SettingsPage } from './pages/settings-page';
import { startSetUpDevice } from './support/device';

/** Three customers as Chinese Excel saves "CSV (逗号分隔)": GBK, CRLF, a header row. */
const GBK_FIXTURE = fileURLToPath(new URL('../fixtures/csv/customers-gbk.csv', import.meta.url));

/** A customer CSV as Excel's "CSV UTF-8" saves it: BOM, CRLF, quotes only where needed. */
function customerCsv(rows: string[][], header = ['客户编号', '客户名称', '地址']): Buffer {
	const quote = (cell: string) =>
		/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
	const text = [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
	return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/** The customers in Settings → master data (kind 客户). */
async function openCustomers(page: import('@playwright/test').Page) {
	await new SettingsPage(page).goto();
	await page.getByLabel('类别', { exact: true }).selectOption('customer');
	return page.getByTestId('master-table');
}

test('customers from a GBK file: encoding, mapping, preview, then visible in master data', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const csv = new CsvImportPage(page);
	await csv.goto();
	await csv.chooseFile(GBK_FIXTURE);

	await expect(csv.encoding()).toContainText('GBK');
	await expect(csv.encodingSelect()).toHaveValue('gbk');
	await expect(csv.mappingFor('客户编号')).toHaveValue('0');
	await expect(csv.mappingFor('客户名称')).toHaveValue('1');
	await expect(csv.mappingFor('地址')).toHaveValue('2');
	await expect(csv.mappingFor('电话')).toHaveValue('3');
	await expect(csv.mappingFor('联系人')).toHaveValue('4');
	await expect(csv.mappingFor('功能位置代码')).toHaveValue('5');
	await expect(csv.mappingFor('功能位置说明')).toHaveValue('');
	await expect(csv.mappingFor('功能位置地址')).toHaveValue('6');
	await expect(csv.mappingFor('地址').locator('option:checked')).toHaveText('C 列：地址');

	await expect(csv.preview()).toContainText('申齐保健食品有限公司');
	await expect(csv.preview()).toContainText('浦江"精品"酒店');
	await expect(csv.preview()).toContainText('上海市闵行区春东路 508 号, 2 号楼');
	await expect(csv.issues()).toHaveCount(0);
	// Customer 27 is in the sample data: it is updated, the other two are new.
	await expect(csv.summary()).toContainText('共 3 个客户：新增 2 个，更新 1 个');

	await expect(csv.importButton()).toHaveText('导入 3 个客户');
	await csv.importButton().focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('已导入 3 个客户。')).toBeVisible();
	await expect(csv.mapping()).toHaveCount(0);

	const table = await openCustomers(page);
	await expect(table.getByRole('row', { name: /1001 上海华东家具有限公司/ })).toContainText(
		'上海市闵行区春东路 508 号, 2 号楼'
	);
	await expect(table.getByRole('row', { name: /1002 浦江"精品"酒店/ })).toBeVisible();
	const updated = table.getByRole('row', { name: /^27 / });
	await expect(updated).toContainText('申齐保健食品有限公司');
	await expect(updated).not.toContainText('示例数据');
	// The file has no location for 27: the one the device had is kept.
	await updated.getByRole('button', { name: '27', exact: true }).click();
	await expect(page.getByLabel('功能位置代码', { exact: true })).toHaveValue('27-01');
	expect(problems.errors).toEqual([]);
});

test('a file with a row without an address is refused, naming row and field, and nothing is written', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const csv = new CsvImportPage(page);
	await csv.goto();
	await csv.chooseContent(
		'bad.csv',
		customerCsv([
			['2001', '华南贸易有限公司', '广州市天河区体育西路 1 号'],
			['2002', '缺地址公司', '']
		])
	);

	await expect(csv.encoding()).toContainText('UTF-8');
	await expect(csv.issues()).toContainText('第 3 行：请填写“地址”。');
	await expect(csv.importButton()).toBeDisabled();
	await expect(csv.preview()).toContainText('缺地址公司');
	await expectNoSeriousA11yViolations(page);

	const table = await openCustomers(page);
	await expect(table.getByRole('row', { name: /^27 / })).toBeVisible();
	await expect(table).not.toContainText('2001');
	await expect(table).not.toContainText('华南贸易有限公司');
	expect(problems.errors).toEqual([]);
});

test('headers the app does not know: the user says the first row is headers and maps the columns', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	const csv = new CsvImportPage(page);
	await csv.goto();
	await csv.chooseContent(
		'own-headers.csv',
		customerCsv([['3001', '东方酒店', '上海市浦东新区世纪大道 8 号']], ['户号', '公司', '所在地'])
	);

	// Without a header it knows, the first row is taken as data, and no column is mapped.
	await expect(csv.issues()).toContainText('请为“客户编号”选择文件中的一列。');
	await expect(csv.importButton()).toBeDisabled();

	const hasHeader = page.getByLabel('第一行是标题行');
	await expect(hasHeader).not.toBeChecked();
	await hasHeader.focus();
	await page.keyboard.press('Space');
	await expect(hasHeader).toBeChecked();

	await csv.mappingFor('客户编号').selectOption({ label: 'A 列：户号' });
	await csv.mappingFor('客户名称').selectOption({ label: 'B 列：公司' });
	await csv.mappingFor('地址').selectOption({ label: 'C 列：所在地' });
	await expect(csv.issues()).toHaveCount(0);
	await expect(csv.preview().getByRole('row')).toHaveCount(2);
	await csv.importButton().click();
	await expect(page.getByText('已导入 1 个客户。')).toBeVisible();

	const table = await openCustomers(page);
	await expect(table.getByRole('row', { name: /3001 东方酒店/ })).toBeVisible();
	expect(problems.errors).toEqual([]);
});
