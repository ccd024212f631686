import {
	functionalLocationSchema,
	masterRecordSchema,
	type FunctionalLocation,
	type MasterRecord
} from '../domain/master-data';
import { toFieldIssues, type ValidationCode } from '../domain/validation';

/** The encodings a customer CSV comes in: UTF-8 (with or without BOM) or GBK (Chinese Excel, WPS). */
export type CsvEncoding = 'utf-8' | 'gbk';

/** A CSV file's text and the encoding it was read with. */
export interface DecodedCsv {
	text: string;
	encoding: CsvEncoding;
	/** Characters the encoding could not decode (U+FFFD); more than none suggests the wrong one. */
	undecodable: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads a CSV file's bytes. A UTF-8 BOM or bytes that are valid UTF-8 mean UTF-8; anything else is
 * taken as GBK, which is what "CSV (逗号分隔)" in Chinese Excel and WPS writes. Pass `encoding`
 * to force one when the user knows better.
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
	const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
	let detected: CsvEncoding = encoding ?? 'utf-8';
	let text: string | undefined;
	if (!encoding && !hasBom) {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			detected = 'gbk';
		}
	}
	text ??= new TextDecoder(detected).decode(bytes);
	// TextDecoder drops a UTF-8 BOM itself; one read as GBK (forced) must not reach the first header.
	if (text.startsWith('\uFEFF')) text = text.slice(1);
	const undecodable = text.match(/\uFFFD/g)?.length ?? 0;
	return { text, encoding: detected, undecodable };
}

function isBlank(cells: readonly string[]): boolean {
	return cells.every((cell) => cell.trim() === '');
}

/** The delimiters met in spreadsheet CSV: comma, semicolon (European locales) and tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/** The delimiter of a CSV text: the most frequent of comma, semicolon and tab in its first record. */
export function detectDelimiter(text: string): CsvDelimiter {
	const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
	let isQuoted = false;
	for (const char of text) {
		if (char === '"') isQuoted = !isQuoted;
		else if (!isQuoted && (char === '\n' || char === '\r')) break;
		else if (!isQuoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
	}
	const candidates: CsvDelimiter[] = [',', ';', '\t'];
	return candidates.reduce((best, next) => (counts[next] > counts[best] ? next : best), ',');
}

/**
 * Parses CSV as RFC 4180 describes it: quoted fields with doubled quotes, CRLF, LF (or lone CR)
 * line ends, line breaks inside quotes, and no empty record for a final line end. It is lenient
 * where spreadsheets are: text after a closing quote and a quote inside an unquoted field are kept
 * as they are, and an unclosed quote runs to the end of the file.
 */
export function parseCsv(text: string, delimiter: string = ','): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let isQuoted = false;
	let isFieldStart = true;
	let index = 0;
	const endField = () => {
		record.push(field);
		field = '';
		isFieldStart = true;
	};
	const endRecord = () => {
		endField();
		records.push(record);
		record = [];
	};
	while (index < text.length) {
		const char = text[index];
		if (isQuoted) {
			if (char === '"') {
				if (text[index + 1] === '"') {
					field += '"';
					index += 2;
					continue;
				}
				isQuoted = false;
			} else {
				field += char;
			}
			index += 1;
			continue;
		}
		if (char === '"' && isFieldStart) {
			isQuoted = true;
			isFieldStart = false;
			index += 1;
		} else if (char === delimiter) {
			endField();
			index += 1;
		} else if (char === '\r' || char === '\n') {
			endRecord();
			index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
		} else {
			field += char;
			isFieldStart = false;
			index += 1;
		}
	}
	// A last line without a line end is a record; a final line end adds no empty record.
	if (!isFieldStart || record.length > 0) endRecord();
	return records;
}

/** A decoded file parsed: its records, the delimiter found, and whether row 1 reads as headers. */
export interface ParsedCsv {
	records: string[][];
	delimiter: CsvDelimiter;
	hasHeader: boolean;
}

/** Parses a decoded CSV text with the delimiter it uses and guesses whether it has a header row. */
export function readCsvText(text: string): ParsedCsv {
	const delimiter = detectDelimiter(text);
	const records = parseCsv(text, delimiter);
	const firstRow = records.find((cells) => !isBlank(cells));
	return { records, delimiter, hasHeader: firstRow !== undefined && looksLikeHeader(firstRow) };
}

/** The customer fields a column can be mapped to; code, name and address are required. */
export const CUSTOMER_FIELDS = [
	'code',
	'name',
	'address',
	'phone',
	'contact',
	'functionalLocationCode',
	'functionalLocationDescription',
	'functionalLocationAddress'
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** The fields without which no customer can be built. */
export const REQUIRED_CUSTOMER_FIELDS: readonly CustomerField[] = ['code', 'name', 'address'];

/** Which column (0-based) each field is read from; null when the file has none for it. */
export type ColumnMapping = Record<CustomerField, number | null>;

/** Header texts, normalised (see `normaliseHeader`), that name each field in Chinese or English. */
const HEADER_NAMES: Record<CustomerField, readonly string[]> = {
	code: [
		'客户编号',
		'客户代码',
		'客户编码',
		'客户号',
		'编号',
		'代码',
		'送达方',
		'code',
		'customercode',
		'customerno',
		'customernumber',
		'customerid',
		'no'
	],
	name: ['客户名称', '名称', '客户名', '客户', '公司名称', 'name', 'customername', 'customer'],
	address: ['地址', '客户地址', '详细地址', '送货地址', 'address', 'customeraddress'],
	phone: ['电话', '联系电话', '电话号码', '手机', 'phone', 'tel', 'telephone', 'mobile'],
	contact: ['联系人', 'contact', 'contactperson', 'contactname'],
	functionalLocationCode: [
		'功能位置',
		'功能位置代码',
		'功能位置编号',
		'functionallocation',
		'functionallocationcode',
		'flcode'
	],
	functionalLocationDescription: [
		'功能位置说明',
		'功能位置描述',
		'functionallocationdescription',
		'fldescription'
	],
	functionalLocationAddress: ['功能位置地址', 'functionallocationaddress', 'fladdress']
};

/** A header as compared: no bracketed notes ("地址（必填）"), marks, spaces or case. */
function normaliseHeader(header: string): string {
	return header
		.replace(/[(（[【].*?[)）\]】]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Guesses which column holds each field from the header texts; each column serves one field. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
	const normalised = headers.map(normaliseHeader);
	const used = new Set<number>();
	const mapping = Object.fromEntries(
		CUSTOMER_FIELDS.map((field) => [field, null])
	) as ColumnMapping;
	for (const field of CUSTOMER_FIELDS) {
		for (const name of HEADER_NAMES[field]) {
			const column = normalised.findIndex((header, index) => header === name && !used.has(index));
			if (column >= 0) {
				mapping[field] = column;
				used.add(column);
				break;
			}
		}
	}
	return mapping;
}

/** Whether a row reads as headers: it names at least one field; a row that names none is data. */
export function looksLikeHeader(cells: readonly string[]): boolean {
	return Object.values(guessMapping(cells)).some((column) => column !== null);
}

/** The spreadsheet's name of a column: A, B, …, Z, AA, AB, … */
export function columnLetter(index: number): string {
	let letter = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
	}
	return letter;
}

/** One data row with the number the spreadsheet shows for it (1 = the first line). */
export interface CsvRow {
	row: number;
	cells: string[];
}

/** A parsed file: its header texts (or column letters without a header row) and data rows. */
export interface CsvTable {
	headers: string[];
	rows: CsvRow[];
}

/**
 * Splits parsed records into headers and data rows. Blank rows are skipped but keep their place
 * in the numbering, so that "row 5" is row 5 in the spreadsheet.
 */
export function toTable(records: readonly string[][], hasHeader: boolean): CsvTable {
	const rows: CsvRow[] = [];
	let headerCells: string[] | undefined;
	records.forEach((cells, index) => {
		if (isBlank(cells)) return;
		if (hasHeader && !headerCells) headerCells = cells.map((cell) => cell.trim());
		else rows.push({ row: index + 1, cells });
	});
	const width = Math.max(headerCells?.length ?? 0, ...rows.map((row) => row.cells.length));
	const headers = Array.from(
		{ length: width },
		(_, index) => headerCells?.[index] || columnLetter(index)
	);
	return { headers, rows };
}

/** Why a row or column was refused: a validation code, a repeated key, or an unmapped field. */
export type CsvIssueCode = ValidationCode | 'duplicate' | 'columnMissing';

/** One refused cell: its spreadsheet row (absent for the column mapping itself) and field. */
export interface CsvIssue {
	row?: number;
	field: CustomerField;
	code: CsvIssueCode;
	params: Record<string, string | number>;
}

/** The customers a file gives and everything that stops it being imported. */
export interface CustomerImport {
	records: MasterRecord[];
	issues: CsvIssue[];
}

/** The field of an issue path of a customer record (`functionalLocations.0.address` → …Address). */
function fieldOfPath(path: string): CustomerField {
	const [head = '', , leaf] = path.split('.');
	if (head === 'functionalLocations') {
		if (leaf === 'description') return 'functionalLocationDescription';
		if (leaf === 'address') return 'functionalLocationAddress';
		return 'functionalLocationCode';
	}
	return (CUSTOMER_FIELDS as readonly string[]).includes(head) ? (head as CustomerField) : 'code';
}

type Cells = Record<CustomerField, string>;

function readCells(cells: readonly string[], mapping: ColumnMapping): Cells {
	return Object.fromEntries(
		CUSTOMER_FIELDS.map((field) => {
			const column = mapping[field];
			return [field, column === null ? '' : (cells[column] ?? '').trim()];
		})
	) as Cells;
}

function locationOf(cells: Cells): FunctionalLocation | undefined {
	const { functionalLocationCode, functionalLocationDescription, functionalLocationAddress } =
		cells;
	if (!functionalLocationCode && !functionalLocationDescription && !functionalLocationAddress) {
		return undefined;
	}
	return {
		code: functionalLocationCode,
		description: functionalLocationDescription,
		address: functionalLocationAddress
	};
}

const CUSTOMER_PART: CustomerField[] = ['name', 'address', 'phone', 'contact'];

/**
 * Builds customers from data rows, validating each with the master-data schema. A customer code
 * may appear again only to add another functional location (the row's other customer cells empty
 * or the same as before); any other repeat is refused, as is a field without a column.
 */
export function buildCustomers(rows: readonly CsvRow[], mapping: ColumnMapping): CustomerImport {
	const missing = REQUIRED_CUSTOMER_FIELDS.filter((field) => mapping[field] === null);
	if (missing.length > 0) {
		return {
			records: [],
			issues: missing.map((field) => ({ field, code: 'columnMissing', params: {} }))
		};
	}
	const records: MasterRecord[] = [];
	const issues: CsvIssue[] = [];
	const seen = new Map<
		string,
		{ row: number; cells: Cells; record?: MasterRecord; locations: Map<string, number> }
	>();

	for (const { row, cells: raw } of rows) {
		const cells = readCells(raw, mapping);
		const location = locationOf(cells);
		const first = cells.code ? seen.get(cells.code) : undefined;

		if (first) {
			const isSameCustomer = CUSTOMER_PART.every(
				(field) => !cells[field] || cells[field] === first.cells[field]
			);
			if (!isSameCustomer || !location) {
				issues.push({
					row,
					field: 'code',
					code: 'duplicate',
					params: { value: cells.code, first: first.row }
				});
				continue;
			}
			const parsed = functionalLocationSchema.safeParse(location);
			if (!parsed.success) {
				for (const issue of toFieldIssues(parsed.error)) {
					const field = fieldOfPath(`functionalLocations.0.${issue.path}`);
					issues.push({ row, field, code: issue.code, params: { ...issue.params } });
				}
				continue;
			}
			const earlier = first.locations.get(parsed.data.code);
			if (earlier !== undefined) {
				issues.push({
					row,
					field: 'functionalLocationCode',
					code: 'duplicate',
					params: { value: parsed.data.code, first: earlier }
				});
				continue;
			}
			first.locations.set(parsed.data.code, row);
			first.record?.functionalLocations.push(parsed.data);
			continue;
		}

		const parsed = masterRecordSchema.safeParse({
			kind: 'customer',
			code: cells.code,
			name: cells.name,
			address: cells.address,
			phone: cells.phone,
			contact: cells.contact,
			functionalLocations: location ? [location] : [],
			isSample: false
		});
		const entry = {
			row,
			cells,
			record: parsed.success ? parsed.data : undefined,
			locations: new Map(location?.code ? [[location.code, row]] : [])
		};
		if (cells.code) seen.set(cells.code, entry);
		if (entry.record) records.push(entry.record);
		else if (!parsed.success) {
			for (const issue of toFieldIssues(parsed.error)) {
				issues.push({
					row,
					field: fieldOfPath(issue.path),
					code: issue.code,
					params: { ...issue.params }
				});
			}
		}
	}
	return { records, issues };
}

/**
 * The record an imported customer becomes on a device that may already know it. The file adds and
 * updates, never removes: fields without a column keep their stored values, and functional
 * locations not in the file are kept (one with the same code is replaced).
 */
export function mergeCustomer(
	existing: MasterRecord | undefined,
	incoming: MasterRecord,
	mapping: ColumnMapping
): MasterRecord {
	if (!existing || existing.kind !== incoming.kind) return incoming;
	const merged: MasterRecord = { ...existing, ...incoming, isSample: false };
	if (mapping.phone === null) merged.phone = existing.phone;
	if (mapping.contact === null) merged.contact = existing.contact;
	const incomingCodes = new Set(incoming.functionalLocations.map((location) => location.code));
	merged.functionalLocations = [
		...existing.functionalLocations.filter((location) => !incomingCodes.has(location.code)),
		...incoming.functionalLocations
	];
	return merged;
}
