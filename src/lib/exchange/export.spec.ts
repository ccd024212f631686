import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../domain/configuration';
import { sampleMasterData } from '../domain/sample-data';
import { ExportWriter, buildExport } from './export';
import { FORMAT_NAME, FORMAT_VERSION, exportFileName } from './format';
import { readBytes, makeNumbered } from './test-files';

const header = {
	appVersion: '0.1.0',
	centre: { code: '4002', name: '上海责任中心' },
	device: '01',
	exportedAt: new Date(2001, 2, 9, 8, 5)
};

async function textOf(blob: Blob): Promise<string> {
	return new TextDecoder().decode(await blob.arrayBuffer());
}

describe('ExportWriter', () => {
	it('hashing at the end gives the same file as hashing the parts as they are made', async () => {
		const write = (hashAtEnd: boolean) => {
			const counts = { notifications: 2, masterData: sampleMasterData().length };
			const writer = new ExportWriter({ ...header, counts }, defaultConfiguration, { hashAtEnd });
			writer.addMasterData(sampleMasterData());
			writer.addNotifications([makeNumbered(1), makeNumbered(2)]);
			return writer;
		};
		const incremental = write(false).finish();
		const atEnd = await write(true).finishAsync();
		expect(atEnd.checksum).toBe(incremental.checksum);
		expect(await textOf(atEnd.blob)).toBe(await textOf(incremental.blob));
		expect(() => write(true).finish()).toThrow(/finishAsync/);
	});

	it('writes the envelope members in order, the checksum last', async () => {
		const file = buildExport(header, defaultConfiguration, sampleMasterData(), [makeNumbered(1)]);
		const parsed = JSON.parse(await textOf(file.blob));
		expect(Object.keys(parsed)).toEqual([
			'format',
			'formatVersion',
			'appVersion',
			'centre',
			'device',
			'exportedAt',
			'counts',
			'configuration',
			'masterData',
			'notifications',
			'records',
			'checksum'
		]);
		expect(parsed).toMatchObject({
			format: FORMAT_NAME,
			formatVersion: FORMAT_VERSION,
			counts: { notifications: 1, masterData: sampleMasterData().length },
			checksum: file.checksum
		});
	});

	it('hashes exactly the bytes before ,"checksum" (checkable with sha256sum)', async () => {
		const file = buildExport(header, defaultConfiguration, [], [makeNumbered(1), makeNumbered(2)]);
		const bytes = new Uint8Array(await file.blob.arrayBuffer());
		const body = bytes.subarray(0, bytes.length - 79);
		expect(new TextDecoder().decode(bytes.subarray(bytes.length - 79, bytes.length - 66))).toBe(
			',"checksum":"'
		);
		expect(createHash('sha256').update(body).digest('hex')).toBe(file.checksum);
	});

	it('writes notifications page by page into one file', async () => {
		const writer = new ExportWriter(
			{ ...header, counts: { notifications: 3, masterData: 0 } },
			defaultConfiguration
		);
		writer.addNotifications([makeNumbered(1), makeNumbered(2)]);
		writer.addNotifications([]);
		writer.addNotifications([makeNumbered(3)]);
		const file = writer.finish();
		expect(file.counts).toEqual({ notifications: 3, masterData: 0, records: 0 });
		const result = readBytes(file.fileName, new Uint8Array(await file.blob.arrayBuffer()));
		expect(result.ok && result.file.notifications.map((n) => n.number)).toEqual([
			'4002-01-000001',
			'4002-01-000002',
			'4002-01-000003'
		]);
	});

	it('reads back what it wrote', async () => {
		const notifications = [makeNumbered(1), makeNumbered(2)];
		const file = buildExport(header, defaultConfiguration, sampleMasterData(), notifications);
		const result = readBytes(file.fileName, new Uint8Array(await file.blob.arrayBuffer()));
		expect(result.ok && result.file.notifications).toEqual(notifications);
		expect(result.ok && result.file.masterData).toEqual(sampleMasterData());
	});

	it('refuses master data after notifications and counts that do not match', () => {
		const writer = new ExportWriter(
			{ ...header, counts: { notifications: 2, masterData: 0 } },
			defaultConfiguration
		);
		writer.addNotifications([makeNumbered(1)]);
		expect(() => writer.addMasterData([])).toThrow();
		expect(() => writer.finish()).toThrow(/header says 2/);
	});

	it('names the file shouhou-<centre>-<device>-<YYYYMMDD-HHmm>.json in local time', () => {
		expect(buildExport(header, defaultConfiguration, [], []).fileName).toBe(
			`shouhou-4002-${header.device}-20010309-0805.json`
		);
		expect(exportFileName('HQ01', '02', new Date(2024, 11, 31, 23, 59))).toBe(
			'shouhou-HQ01-02-20241231-2359.json'
		);
	});
});
