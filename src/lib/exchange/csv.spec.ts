import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MasterRecord } from '../domain/master-data';
import {
	buildCustomers,
	columnLetter,
	decodeCsvBytes,
	detectDelimiter,
	guessMapping,
	mergeCustomer,
	parseCsv,
	readCsvText,
	toTable,
	type ColumnMapping,
	type CsvRow
} from './csv';

/** "客户名称,地址\r\n申齐,上海市\r\n" as Chinese Excel saves it (GBK, from `iconv -t GBK`). */
const GBK_TABLE = new Uint8Array([
	0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb5, 0xd8, 0xd6, 0xb7, 0x0d, 0x0a, 0xc9,
	0xea, 0xc6, 0xeb, 0x2c, 0xc9, 0xcf, 0xba, 0xa3, 0xca, 0xd0, 0x0d, 0x0a
]);

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/csv/${name}`, import.meta.url)));

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

/** Data rows as a spreadsheet numbers them: the header is row 1. */
const rows = (...cells: string[][]): CsvRow[] =>
	cells.map((c, index) => ({ row: index + 2, cells: c }));

/** The mapping of a file with the columns code, name, address, phone, contact. */
const basicMapping = (): ColumnMapping => ({
	code: 0,
	name: 1,
	address: 2,
	phone: 3,
	contact: 4,
	functionalLocationCode: null,
	functionalLocationDescription: null,
	functionalLocationAddress: null
});

describe('decodeCsvBytes', () => {
	it('reads GBK bytes as GBK', () => {
		const decoded = decodeCsvBytes(GBK_TABLE);
		expect(decoded.encoding).toBe('gbk');
		expect(decoded.text).toBe('客户名称,地址\r\n申齐,上海市\r\n');
		expect(decoded.undecodable).toBe(0);
	});

	it('reads the GBK fixture saved the way Excel saves "CSV (逗号分隔)"', () => {
		const decoded = decodeCsvBytes(fixture('customers-gbk.csv'));
		expect(decoded.encoding).toBe('gbk');
		expect(decoded.text.startsWith('客户编号,客户名称,地址')).toBe(true);
		expect(decoded.text).toContain('申齐保健食品有限公司');
	});

	it('reads UTF-8 with and without a BOM as UTF-8, and drops the BOM', () => {
		const text = '客户编号,客户名称\r\n27,申齐保健食品有限公司\r\n';
		expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', undecodable: 0 });
		expect(decodeCsvBytes(withBom(utf8(text)))).toEqual({
			text,
			encoding: 'utf-8',
			undecodable: 0
		});
	});

	it('takes plain ASCII as UTF-8', () => {
		expect(decodeCsvBytes(utf8('code,name\n1,A\n')).encoding).toBe('utf-8');
	});

	it('decodes with a forced encoding and counts what it could not read', () => {
		const forced = decodeCsvBytes(GBK_TABLE, 'utf-8');
		expect(forced.encoding).toBe('utf-8');
		expect(forced.undecodable).toBeGreaterThan(0);
		expect(decodeCsvBytes(withBom(utf8('a,b')), 'gbk').text).not.toMatch(/^\uFEFF/);
	});
});

describe('parseCsv', () => {
	it('splits fields and CRLF or LF records, with no empty record for a final line end', () => {
		expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(parseCsv('a,b\nc,d')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
	});

	it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
		expect(parseCsv('"上海市, 2 号楼","浦江""精品""酒店","一行\r\n二行"\r\nx,y,z\r\n')).toEqual([
			['上海市, 2 号楼', '浦江"精品"酒店', '一行\r\n二行'],
			['x', 'y', 'z']
		]);
	});

	it('keeps empty fields, empty quoted fields and blank lines', () => {
		expect(parseCsv('a,,""\r\n\r\n,b,\r\n')).toEqual([['a', '', ''], [''], ['', 'b', '']]);
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv('a,\n')).toEqual([['a', '']]);
	});

	it('is lenient where spreadsheets are: stray quotes and an unclosed quote', () => {
		expect(parseCsv('ab"c,"d"e\n')).toEqual([['ab"c', 'de']]);
		expect(parseCsv('a,"b\nc')).toEqual([['a', 'b\nc']]);
	});

	it('parses with another delimiter, found in the first record outside quotes', () => {
		expect(detectDelimiter('code;name;"a,b,c"\n1;2;3')).toBe(';');
		expect(detectDelimiter('code\tname\n1\t2')).toBe('\t');
		expect(detectDelimiter('code,name\n1;2;3;4')).toBe(',');
		expect(detectDelimiter('code')).toBe(',');
		expect(parseCsv('a;"b;c"\n', ';')).toEqual([['a', 'b;c']]);
	});
});

describe('headers and mapping', () => {
	it('maps Chinese headers, with notes and marks', () => {
		expect(
			guessMapping([
				'客户编号*',
				'客户名称（必填）',
				'地址',
				'联系电话',
				'联系人',
				'功能位置',
				'功能位置说明',
				'功能位置地址'
			])
		).toEqual({
			code: 0,
			name: 1,
			address: 2,
			phone: 3,
			contact: 4,
			functionalLocationCode: 5,
			functionalLocationDescription: 6,
			functionalLocationAddress: 7
		});
		expect(guessMapping(['名称', '客户代码', '地址']).code).toBe(1);
		expect(guessMapping(['编号', '名称', '地址']).name).toBe(1);
	});

	it('maps English headers whatever their case, spaces and punctuation', () => {
		expect(
			guessMapping([
				'Customer No.',
				'Name',
				'ADDRESS',
				'Tel',
				'Contact person',
				'Functional location',
				'FL address'
			])
		).toEqual({
			code: 0,
			name: 1,
			address: 2,
			phone: 3,
			contact: 4,
			functionalLocationCode: 5,
			functionalLocationDescription: null,
			functionalLocationAddress: 6
		});
	});

	it('leaves fields without a matching header unmapped and uses each column once', () => {
		const mapping = guessMapping(['代码', '代码', '备注']);
		expect(mapping.code).toBe(0);
		expect(mapping.name).toBeNull();
		expect(mapping.address).toBeNull();
	});

	it('detects a header row, and numbers rows as the spreadsheet does', () => {
		const withHeader = readCsvText('\r\n客户编号,客户名称\r\n27,申齐\r\n\r\n31,华东\r\n');
		expect(withHeader.hasHeader).toBe(true);
		expect(toTable(withHeader.records, true)).toEqual({
			headers: ['客户编号', '客户名称'],
			rows: [
				{ row: 3, cells: ['27', '申齐'] },
				{ row: 5, cells: ['31', '华东'] }
			]
		});
		const withoutHeader = readCsvText('27,申齐,上海市\n31,华东\n');
		expect(withoutHeader.hasHeader).toBe(false);
		expect(toTable(withoutHeader.records, false)).toEqual({
			headers: ['A', 'B', 'C'],
			rows: [
				{ row: 1, cells: ['27', '申齐', '上海市'] },
				{ row: 2, cells: ['31', '华东'] }
			]
		});
	});

	it('names columns as spreadsheets do', () => {
		expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
			'A',
			'B',
			'Z',
			'AA',
			'AB',
			'ZZ',
			'AAA'
		]);
	});
});

describe('buildCustomers', () => {
	it('builds customers from the GBK fixture with its functional location', () => {
		const { records, hasHeader } = readCsvText(decodeCsvBytes(fixture('customers-gbk.csv')).text);
		const table = toTable(records, hasHeader);
		const result = buildCustomers(table.rows, guessMapping(table.headers));
		expect(result.issues).toEqual([]);
		expect(result.records.map((r) => [r.code, r.name])).toEqual([
			['27', '申齐保健食品有限公司'],
			['1001', '上海华东家具有限公司'],
			['1002', '浦江"精品"酒店']
		]);
		expect(result.records[1]).toMatchObject({
			kind: 'customer',
			address: '上海市闵行区春东路 508 号, 2 号楼',
			phone: '021-5488 0001',
			contact: '赵先生',
			isSample: false,
			functionalLocations: [
				{ code: '1001-01', description: '', address: '上海市闵行区都会路 1 号仓库' }
			]
		});
		expect(result.records[0]?.functionalLocations).toEqual([]);
	});

	it('trims cells and leaves unmapped fields empty', () => {
		const mapping = { ...basicMapping(), phone: null, contact: null };
		const { records, issues } = buildCustomers(
			rows([' 27 ', ' 申齐 ', ' 上海市 ', '021']),
			mapping
		);
		expect(issues).toEqual([]);
		expect(records[0]).toMatchObject({ code: '27', name: '申齐', address: '上海市', phone: '' });
	});

	it('names the row and field of every refused cell', () => {
		const { records, issues } = buildCustomers(
			rows(
				['27', '申齐', '上海市', '', ''],
				['31', '华东', '', '', ''],
				['4 5', '申城', '上海市', '', ''],
				['', '无编号', '上海市', '', ''],
				['46', 'x'.repeat(61), '上海市', '', '']
			),
			basicMapping()
		);
		expect(records.map((r) => r.code)).toEqual(['27']);
		expect(issues).toEqual([
			{ row: 3, field: 'address', code: 'required', params: {} },
			{ row: 4, field: 'code', code: 'pattern', params: {} },
			{ row: 5, field: 'code', code: 'required', params: {} },
			{ row: 6, field: 'name', code: 'tooLong', params: { max: 60 } }
		]);
	});

	it('refuses a customer code that repeats', () => {
		const { issues } = buildCustomers(
			rows(
				['27', '申齐', '上海市', '', ''],
				['31', '华东', '上海市', '', ''],
				['27', '申齐二', '北京', '', '']
			),
			basicMapping()
		);
		expect(issues).toEqual([
			{ row: 4, field: 'code', code: 'duplicate', params: { value: '27', first: 2 } }
		]);
	});

	it('takes a repeated code as another functional location of the same customer', () => {
		const mapping: ColumnMapping = {
			...basicMapping(),
			phone: null,
			contact: null,
			functionalLocationCode: 3,
			functionalLocationAddress: 4
		};
		const { records, issues } = buildCustomers(
			rows(
				['27', '申齐', '上海市', '27-01', '浦东仓库地址'],
				['27', '', '', '27-02', '嘉定仓库地址'],
				['27', '申齐', '上海市', '27-01', '又一次'],
				['27', '申齐', '别的地址', '27-03', '别处'],
				['27', '', '', '27-04', '']
			),
			mapping
		);
		expect(records).toHaveLength(1);
		expect(records[0]?.functionalLocations.map((l) => l.code)).toEqual(['27-01', '27-02']);
		expect(issues).toEqual([
			{
				row: 4,
				field: 'functionalLocationCode',
				code: 'duplicate',
				params: { value: '27-01', first: 2 }
			},
			{ row: 5, field: 'code', code: 'duplicate', params: { value: '27', first: 2 } },
			{ row: 6, field: 'functionalLocationAddress', code: 'required', params: {} }
		]);
	});

	it('names the functional-location field of a bad location', () => {
		const mapping: ColumnMapping = {
			...basicMapping(),
			phone: null,
			contact: null,
			functionalLocationCode: 3,
			functionalLocationAddress: 4
		};
		const { issues } = buildCustomers(rows(['27', '申齐', '上海市', '', '仓库地址']), mapping);
		expect(issues).toEqual([
			{ row: 2, field: 'functionalLocationCode', code: 'required', params: {} }
		]);
	});

	it('refuses a mapping without code, name or address before looking at rows', () => {
		const mapping = { ...basicMapping(), address: null, name: null };
		expect(buildCustomers(rows(['27', '申齐', '上海市']), mapping)).toEqual({
			records: [],
			issues: [
				{ field: 'name', code: 'columnMissing', params: {} },
				{ field: 'address', code: 'columnMissing', params: {} }
			]
		});
	});
});

describe('mergeCustomer', () => {
	const stored: MasterRecord = {
		kind: 'customer',
		code: '27',
		name: '申齐',
		parent: '',
		address: '上海市旧址',
		phone: '021-1',
		contact: '陈经理',
		emailTo: [],
		emailCc: [],
		functionalLocations: [
			{ code: '27-01', description: '浦东仓库', address: '浦东' },
			{ code: '27-02', description: '', address: '嘉定' }
		],
		isSample: true
	};
	const incoming: MasterRecord = {
		...stored,
		name: '申齐保健食品有限公司',
		address: '上海市新址',
		phone: '',
		contact: '',
		functionalLocations: [{ code: '27-02', description: '新库', address: '嘉定新' }],
		isSample: false
	};

	it('keeps what the file has no column for and adds or replaces functional locations', () => {
		const mapping = { ...basicMapping(), phone: null, contact: null };
		expect(mergeCustomer(stored, incoming, mapping)).toEqual({
			...incoming,
			phone: '021-1',
			contact: '陈经理',
			functionalLocations: [
				{ code: '27-01', description: '浦东仓库', address: '浦东' },
				{ code: '27-02', description: '新库', address: '嘉定新' }
			]
		});
	});

	it('takes mapped fields from the file even when empty, and is the file record for a new code', () => {
		const merged = mergeCustomer(stored, incoming, basicMapping());
		expect(merged.phone).toBe('');
		expect(merged.isSample).toBe(false);
		expect(mergeCustomer(undefined, incoming, basicMapping())).toBe(incoming);
	});
});
