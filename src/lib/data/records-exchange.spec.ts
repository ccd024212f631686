import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { exportData, previewFiles, writeImport } from './exchange';
import { seedSampleMasterData } from './master-data';
import { exportStoredDatabase } from './rescue';
import { addNotification, applyNotificationAction } from './notifications';
import { getImage, recordsOfNotification, saveRecord } from './records';
import { makeSignature } from './test-records';
import { defaultConfiguration } from '../domain/configuration';
import { makeRecordFields } from '../domain/records/test-records';
import { makeActor, makeFields } from '../domain/test-factories';
import type { ExchangeError } from '../exchange/errors';
import { FORMAT_VERSION } from '../exchange/format';
import { readExchangeSource } from '../exchange/import';
import { planImport } from '../exchange/resolve';

const assistant = makeActor('assistant');
const staff = makeActor('staff');
const EXPORTED_AT = new Date('2001-03-09T08:00:00.000Z');
const at = (minute: number) => new Date(Date.UTC(2001, 2, 8, 1, minute));

async function identify(centreCode = '4002', deviceCode = '01') {
	await db.settings.put({
		key: 'identity',
		value: { centreCode, centreName: '上海责任中心', deviceCode }
	});
}

async function wipe(deviceCode = '01') {
	await db.delete();
	await db.open();
	await identify('4002', deviceCode);
}

beforeEach(() => wipe());
afterEach(() => db.close());

/** A named Blob as a picked file is. */
function fileOf(name: string, bytes: Uint8Array): Blob & { name: string } {
	return Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name });
}

async function exportFile() {
	const file = await exportData({ now: EXPORTED_AT, appVersion: '0.4.0' });
	return { name: file.fileName, bytes: new Uint8Array(await file.blob.arrayBuffer()) };
}

/** Read → preview → plan → write, as the UI does. */
async function importFile(
	name: string,
	bytes: Uint8Array
): Promise<{ ok: true } | { ok: false; errors: ExchangeError[] }> {
	const read = await readExchangeSource(fileOf(name, bytes), {
		configuration: defaultConfiguration
	});
	if (!read.ok) return read;
	const preview = await previewFiles([read.file]);
	const planned = planImport(
		preview,
		{},
		{ actor: assistant, now: new Date(), configuration: defaultConfiguration }
	);
	if (!planned.ok) return planned;
	const written = await writeImport(planned.plan);
	return written.ok ? { ok: true } : written;
}

/** A paid service with every desk record (the service form not yet signed). */
async function paidServiceWithRecords() {
	const notification = await addNotification(
		makeFields({ demandType: 'paid' }),
		assistant,
		defaultConfiguration,
		{ now: new Date('2001-03-07T01:00:00.000Z') }
	);
	const base = { notification: notification.number, configuration: defaultConfiguration };
	for (const [kind, minute] of [
		['parts', 1],
		['quote', 2],
		['invoice', 4],
		['evaluation', 5]
	] as const) {
		const fields =
			kind === 'quote'
				? makeRecordFields('quote', {
						state: 'accepted',
						sentOn: '2001-03-08',
						decidedOn: '2001-03-08'
					})
				: makeRecordFields(kind);
		const saved = await saveRecord({ ...base, kind, fields, actor: assistant, now: at(minute) });
		if (!saved.ok) throw new Error(saved.refusal.code);
	}
	const form = await saveRecord({
		...base,
		kind: 'serviceForm',
		fields: makeRecordFields('serviceForm'),
		actor: staff,
		now: at(3)
	});
	if (!form.ok) throw new Error(form.refusal.code);
	return notification;
}

describe('exchange format 4: linked records', () => {
	it('exports the records in JSON (no images) and a second device imports them', async () => {
		await seedSampleMasterData();
		const notification = await paidServiceWithRecords();
		const before = await recordsOfNotification(notification.number);
		const file = await exportFile();
		expect(file.name).toMatch(/\.json$/);
		const text = new TextDecoder().decode(file.bytes);
		expect(text).toContain(`"formatVersion":${FORMAT_VERSION}`);
		expect(text).toContain('"records":5');
		if (process.env.WRITE_FIXTURE === '1') {
			writeFileSync(join('tests/fixtures/exchange', `v${FORMAT_VERSION}.json`), text);
		}
		await wipe('02');
		expect(await importFile(file.name, file.bytes)).toEqual({ ok: true });
		expect(await recordsOfNotification(notification.number)).toEqual(before);
	});

	it('reads the v4 fixture: every kind of record', async () => {
		const bytes = new Uint8Array(readFileSync('tests/fixtures/exchange/v4.json'));
		await wipe('05');
		expect(await importFile('v4.json', bytes)).toEqual({ ok: true });
		const kinds = (await db.records.toArray()).map((record) => record.kind).sort();
		expect(kinds).toEqual(['evaluation', 'invoice', 'parts', 'quote', 'serviceForm']);
	});

	it('exports a signed service form as a ZIP: the JSON and the signature by its SHA-256', async () => {
		const notification = await addNotification(makeFields(), assistant, defaultConfiguration, {
			now: new Date('2001-03-07T01:00:00.000Z')
		});
		const image = await makeSignature();
		const saved = await saveRecord({
			kind: 'serviceForm',
			notification: notification.number,
			fields: makeRecordFields('serviceForm', {
				acceptance: {
					customerName: '王先生',
					signature: image.ref,
					acceptedAt: at(9).toISOString()
				}
			}),
			images: [image],
			actor: staff,
			configuration: defaultConfiguration,
			now: at(9)
		});
		if (!saved.ok) throw new Error(saved.refusal.code);
		const file = await exportFile();
		expect(file.name).toMatch(/\.zip$/);
		const entries = unzipSync(file.bytes);
		const jsonName = Object.keys(entries).find((name) => name.endsWith('.json'))!;
		expect(Object.keys(entries).sort()).toEqual([`${image.ref.sha256}.png`, jsonName].sort());
		expect(entries[`${image.ref.sha256}.png`]).toEqual(
			new Uint8Array(await image.blob.arrayBuffer())
		);

		await wipe('02');
		// The JSON alone still reads, but its signature is nowhere: refused, naming the record.
		expect(await importFile(jsonName, entries[jsonName]!)).toEqual({
			ok: false,
			errors: [
				{
					file: jsonName,
					record: { kind: 'record', key: saved.record.id },
					code: 'imageMissing',
					params: { name: image.ref.name }
				}
			]
		});
		// An altered image in the ZIP is refused, naming the record; nothing is written.
		const altered = zipSync({
			[jsonName]: entries[jsonName]!,
			[`${image.ref.sha256}.png`]: strToU8('not the signature')
		});
		const refused = await importFile('altered.zip', altered);
		expect(refused.ok ? [] : refused.errors.map((e) => [e.record?.key, e.code])).toEqual([
			[saved.record.id, 'imageAltered']
		]);
		expect(await db.records.count()).toBe(0);

		expect(await importFile(file.name, file.bytes)).toEqual({ ok: true });
		expect(await recordsOfNotification(notification.number)).toEqual([saved.record]);
		const stored = await getImage(image.ref.sha256);
		expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(
			new Uint8Array(await image.blob.arrayBuffer())
		);
		// The JSON alone imports now that this device has the image.
		expect(await importFile(jsonName, entries[jsonName]!)).toEqual({ ok: true });

		// The rescue export of a stored database (after a failed upgrade) carries them too.
		db.close();
		const rescued = await exportStoredDatabase({ now: EXPORTED_AT });
		await db.open();
		expect(rescued.fileName).toMatch(/\.zip$/);
		const rescuedEntries = unzipSync(new Uint8Array(await rescued.blob.arrayBuffer()));
		expect(Object.keys(rescuedEntries)).toContain(`${image.ref.sha256}.png`);
		await wipe('03');
		expect(
			await importFile(rescued.fileName, new Uint8Array(await rescued.blob.arrayBuffer()))
		).toEqual({
			ok: true
		});
		expect(await recordsOfNotification(notification.number)).toEqual([saved.record]);
	});

	it('merges the tablet’s service form and the desk’s printed plan without a conflict', async () => {
		const notification = await addNotification(makeFields(), assistant, defaultConfiguration, {
			now: new Date('2001-03-07T01:00:00.000Z')
		});
		const shared = await exportFile();
		// The tablet (device 02) imports it and writes a service form.
		await wipe('02');
		expect(await importFile(shared.name, shared.bytes)).toEqual({ ok: true });
		const form = await saveRecord({
			kind: 'serviceForm',
			notification: notification.number,
			fields: makeRecordFields('serviceForm'),
			actor: staff,
			configuration: defaultConfiguration,
			now: at(20)
		});
		if (!form.ok) throw new Error(form.refusal.code);
		const tablet = await exportFile();
		// The desk (device 01) prints the notification meanwhile (NOPT), then imports the tablet's file.
		await wipe('01');
		expect(await importFile(shared.name, shared.bytes)).toEqual({ ok: true });
		const printed = await applyNotificationAction(
			notification.number,
			notification.revision.rev,
			{ kind: 'markPrinted' },
			assistant,
			defaultConfiguration,
			at(21)
		);
		if (!printed.ok) throw new Error(printed.refusal.code);
		expect(await importFile(tablet.name, tablet.bytes)).toEqual({ ok: true });
		const merged = await db.notifications.get(notification.number);
		expect(merged?.isPrinted).toBe(true);
		expect(merged?.history.map((entry) => entry.kind)).toEqual(
			expect.arrayContaining(['printed', 'record'])
		);
		expect(await recordsOfNotification(notification.number)).toEqual([form.record]);
	});

	it('merges two devices’ changes to different fields of one record to the same revision', async () => {
		const notification = await addNotification(makeFields(), assistant, defaultConfiguration, {
			now: new Date('2001-03-07T01:00:00.000Z')
		});
		const created = await saveRecord({
			kind: 'evaluation',
			notification: notification.number,
			fields: { rating: 3, comment: '' },
			actor: assistant,
			configuration: defaultConfiguration,
			now: at(30)
		});
		if (!created.ok) throw new Error('refused');
		const shared = await exportFile();
		const change = async (fields: { rating: number; comment: string }, minute: number) => {
			const current = (await db.records.get(created.record.id))!;
			const saved = await saveRecord({
				kind: 'evaluation',
				notification: notification.number,
				id: current.id,
				expectedRev: current.revision.rev,
				fields,
				actor: assistant,
				configuration: defaultConfiguration,
				now: at(minute)
			});
			if (!saved.ok) throw new Error('refused');
		};
		await change({ rating: 5, comment: '' }, 31);
		const desk = await exportFile();
		await wipe('02');
		expect(await importFile(shared.name, shared.bytes)).toEqual({ ok: true });
		await change({ rating: 3, comment: '回访满意' }, 32);
		const tablet = await exportFile();
		expect(await importFile(desk.name, desk.bytes)).toEqual({ ok: true });
		const onTablet = (await db.records.get(created.record.id))!;
		expect(onTablet).toMatchObject({ rating: 5, comment: '回访满意' });
		await wipe('01');
		expect(await importFile(desk.name, desk.bytes)).toEqual({ ok: true });
		expect(await importFile(tablet.name, tablet.bytes)).toEqual({ ok: true });
		expect((await db.records.get(created.record.id))?.revision).toEqual(onTablet.revision);
	});
});
