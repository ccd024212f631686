import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsv, UTF8_BOM } from './list-csv';

describe('CSV of the list', () => {
	it('starts with a BOM, keeps Chinese and quotes commas, quotes and line breaks', async () => {
		const csv = await buildCsv(
			['通知单', '描述'],
			[['4002-01-000001', '活动柜锁坏, "急"\n第二行 𠀀']]
		);
		expect(csv.startsWith(UTF8_BOM)).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
		expect(parsed.data).toEqual([
			['通知单', '描述'],
			['4002-01-000001', '活动柜锁坏, "急"\n第二行 𠀀']
		]);
	});

	it.each(["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1)', '\tx', '\rx'])(
		'neutralises a cell that a spreadsheet would run as a formula: %j',
		async (value) => {
			const csv = await buildCsv(['描述'], [[value]]);
			const [, cell] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
			expect(cell![0]).toBe(`'${value}`);
		}
	);
});
