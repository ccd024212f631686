import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../src/lib/domain/configuration';
import { objectAddress, groupMasterData } from '../src/lib/domain/master-data';
import { notificationSchema, SYSTEM_STATUSES } from '../src/lib/domain/notification';
import { isConsistent } from '../src/lib/domain/status/engine';
import { readExchangeBytes } from '../src/lib/exchange/import';
import {
	benchMasterData,
	benchNotification,
	changeableNumbers,
	generateExport,
	RARE_WORD
} from './generate';

const SIZE = 2000;
const records = Array.from({ length: SIZE }, (_, index) => benchNotification(index, SIZE));

describe('bench data generator', () => {
	it('makes records the app accepts: schema, status engine, unique numbers', () => {
		for (const record of records) {
			expect(notificationSchema.safeParse(record).success).toBe(true);
			expect(isConsistent(record, defaultConfiguration)).toBe(true);
		}
		expect(new Set(records.map((record) => record.number)).size).toBe(SIZE);
	});

	it('is deterministic: the same index gives the same record', () => {
		expect(benchNotification(1234, SIZE)).toEqual(records[1234]);
	});

	it('covers both types, every system status and user status, 1–3 items, 3–10 history entries', () => {
		expect(new Set(records.map((record) => record.type))).toEqual(new Set(['Z1', 'Z2']));
		expect(new Set(records.map((record) => record.systemStatus))).toEqual(new Set(SYSTEM_STATUSES));
		const userStatuses = new Set(records.map((record) => record.userStatus));
		for (const code of ['TZJL', 'KCJS', 'ZGPZ', 'BPZ', 'ZBHF', 'HFYY', 'HWSD', 'HWTH']) {
			expect(userStatuses).toContain(code);
		}
		for (const record of records) {
			expect(record.items.length).toBeGreaterThanOrEqual(1);
			expect(record.items.length).toBeLessThanOrEqual(3);
			expect(record.history.length).toBeGreaterThanOrEqual(3);
			expect(record.history.length).toBeLessThanOrEqual(10);
		}
		expect(records.some((record) => record.longText.length > 0)).toBe(true);
		expect(records.some((record) => record.isPrinted)).toBe(true);
	});

	it('spreads creation over three years, in Chinese, with a rare word in a few records', () => {
		const years = new Set(records.map((record) => record.createdAt.slice(0, 4)));
		expect(years.size).toBeGreaterThanOrEqual(3);
		expect(records.every((record) => /[\u4e00-\u9fff]/.test(record.description))).toBe(true);
		const rare = records.filter((record) => record.description.includes(RARE_WORD));
		expect(rare.length).toBeGreaterThan(0);
		expect(rare.length).toBeLessThan(SIZE / 100);
	});

	it('gives every record an object address from the master data customers', () => {
		const master = groupMasterData(benchMasterData(SIZE));
		for (const record of records.slice(0, 200)) {
			expect(objectAddress(record, master)).not.toBe('');
		}
	});

	it('writes an export file that the app reads back whole', async () => {
		const file = generateExport(300);
		const bytes = new Uint8Array(await file.blob.arrayBuffer());
		const read = readExchangeBytes('bench.json', bytes, { configuration: defaultConfiguration });
		expect(read.ok).toBe(true);
		if (read.ok) expect(read.file.notifications).toHaveLength(300);
	});

	it('names changeable records of the own centre', () => {
		const numbers = changeableNumbers(SIZE, 25);
		expect(numbers).toHaveLength(25);
		const byNumber = new Map(records.map((record) => [record.number, record]));
		for (const number of numbers) {
			expect(byNumber.get(number)?.centre).toBe('4002');
			expect(byNumber.get(number)?.systemStatus).not.toBe('NOCO');
		}
	});
});
