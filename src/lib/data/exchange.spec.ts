import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import { ForeignRecordError } from './errors';
import {
	exportData,
	getLastExportAt,
	previewFiles,
	recordExport,
	restoreFromExport,
	writeImport
} from './exchange';
import { seedSampleMasterData } from './master-data';
import {
	addLongTextEntry,
	addNotification,
	applyNotificationAction,
	getNotification,
	saveNotificationFields
} from './notifications';
import { getIdentity, getStoredConfiguration } from './settings';
import { defaultConfiguration } from '../domain/configuration';
import homeServices from '../domain/status/fixtures/home-services.json';
import { configurationSchema } from '../domain/status/profile';
import type { MasterRecord } from '../domain/master-data';
import { fieldsOf, recordChange, type Notification } from '../domain/notification';
import { makeActor, makeFields, makeItem } from '../domain/test-factories';
import type { ExchangeError } from '../exchange/errors';
import { FORMAT_VERSION, type ValidatedFile } from '../exchange/format';
import { readExchangeBytes } from '../exchange/import';
import type { ImportPreview } from '../exchange/preview';
import { planImport, type Decisions, type ImportPlan } from '../exchange/resolve';
import {
	type Bytes,
	makeEnvelope,
	makeFileBytes,
	makeNumbered,
	sealEnvelope,
	sealText
} from '../exchange/test-files';

const assistant = makeActor('assistant');
const supervisor = makeActor('supervisor');
const EXPORTED_AT = new Date('2001-03-09T08:00:00.000Z');
const FIXTURES = 'tests/fixtures/exchange';

/** A master record not in the sample set. */
const NEW_STAFF: MasterRecord = {
	kind: 'staff',
	code: 'NEW',
	name: '新人',
	parent: '',
	address: '',
	phone: '',
	contact: '',
	emailTo: [],
	emailCc: [],
	functionalLocations: [],
	isSample: false
};

async function identify(centreCode = '4002', deviceCode = '01', centreName = '上海责任中心') {
	await db.settings.put({ key: 'identity', value: { centreCode, centreName, deviceCode } });
}

/** A device with nothing stored: a wiped database, then (unless told) its identity. */
async function wipe(identity?: [string, string]) {
	await db.delete();
	await db.open();
	if (identity) await identify(...identity);
}

beforeEach(() => wipe(['4002', '01']));
afterEach(() => db.close());

/** The export of this device as bytes (a fixed time, so two exports of the same data are equal). */
async function exportBytes(): Promise<Bytes> {
	const file = await exportData({ now: EXPORTED_AT, appVersion: 'test' });
	return new Uint8Array(await file.blob.arrayBuffer());
}

const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Read → preview → plan → write, as the UI does; returns the preview or the errors. */
async function importBytes(
	name: string,
	bytes: Uint8Array,
	decisions: Decisions = {}
): Promise<{ ok: true; preview: ImportPreview } | { ok: false; errors: ExchangeError[] }> {
	const configuration = defaultConfiguration;
	const read = readExchangeBytes(name, bytes, { configuration });
	if (!read.ok) return read;
	const preview = await previewFiles([read.file]);
	const planned = planImport(preview, decisions, {
		actor: supervisor,
		now: new Date(),
		configuration: defaultConfiguration
	});
	if (!planned.ok) return planned;
	const written = await writeImport(planned.plan);
	return written.ok ? { ok: true, preview } : written;
}

async function allNotifications(): Promise<Notification[]> {
	return db.notifications.orderBy('number').toArray();
}

/** Some realistic notifications made through the repository: long text, statuses, history. */
async function createSome(): Promise<Notification[]> {
	const first = await addNotification(makeFields(), assistant, defaultConfiguration);
	const withText = await addLongTextEntry(
		first.number,
		first.revision.rev,
		'活动柜被反锁，抽屉打不开。抽屉锁缺货、请购。\n第二行：“引号”与 emoji 🪑',
		assistant,
		defaultConfiguration
	);
	if (!withText.ok) throw new Error('long text refused');
	await applyNotificationAction(
		first.number,
		withText.notification.revision.rev,
		{ kind: 'putInProcess' },
		assistant,
		defaultConfiguration
	);
	await addNotification(
		makeFields({ type: 'Z2', isUrgent: true }),
		assistant,
		defaultConfiguration
	);
	return allNotifications();
}

/** Edits a notification's description through the repository (this device must own it). */
async function editDescription(number: string, description: string): Promise<Notification> {
	const current = await getNotification(number);
	if (!current) throw new Error(`no ${number}`);
	const result = await saveNotificationFields(
		number,
		current.revision.rev,
		{ ...fieldsOf(current), description },
		assistant,
		defaultConfiguration
	);
	if (!result.ok) throw new Error('edit refused');
	return result.notification;
}

describe('export and import round trip', () => {
	it('exports everything, and a wiped device imports it back exactly', async () => {
		await seedSampleMasterData();
		const made = await createSome();
		const bulk = Array.from({ length: 2500 }, (_, i) => makeNumbered(i + 1, {}, '09'));
		await db.notifications.bulkAdd(bulk);
		const masterBefore = await db.masterData.toArray();
		const notificationsBefore = await allNotifications();
		expect(notificationsBefore).toHaveLength(made.length + 2500);

		const progress: number[] = [];
		const file = await exportData({
			now: EXPORTED_AT,
			onProgress: (p) => p.phase === 'notifications' && progress.push(p.done)
		});
		expect(file.fileName).toMatch(/^shouhou-4002-01-\d{8}-\d{4}\.json$/);
		expect(progress).toEqual([1000, 2000, made.length + 2500]);
		const bytes = new Uint8Array(await file.blob.arrayBuffer());

		await wipe(['4002', '01']);
		const result = await importBytes(file.fileName, bytes);
		expect(result.ok && result.preview.totals.notifications.new).toBe(made.length + 2500);
		expect(await allNotifications()).toEqual(notificationsBefore);
		expect(await db.masterData.toArray()).toEqual(masterBefore);
		const restored = await getNotification(made[0]!.number);
		expect(restored?.longText[0]?.text).toContain('emoji 🪑');
		expect(restored?.history.map((e) => e.kind)).toEqual(['created', 'longText', 'systemStatus']);
	});

	it('records lastExportAt after an export', async () => {
		expect(await getLastExportAt()).toBeUndefined();
		await exportData({ now: EXPORTED_AT });
		expect(await getLastExportAt()).toBe(EXPORTED_AT.toISOString());
		await recordExport('2001-03-10T00:00:00.000Z');
		expect(await getLastExportAt()).toBe('2001-03-10T00:00:00.000Z');
	});

	it('imports every fixture of tests/fixtures/exchange, old versions migrated', async () => {
		const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
		expect(names.length).toBeGreaterThanOrEqual(2);
		for (const name of names) {
			await wipe(['4002', '05']);
			const result = await importBytes(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
			expect(result.ok ? [] : result.errors, name).toEqual([]);
			expect(await db.notifications.count(), name).toBeGreaterThan(0);
			expect(await db.masterData.count(), name).toBeGreaterThan(0);
			if (name === 'v0.json') {
				expect((await getNotification('4002-01-000003'))?.userStatus).toBe('KCJS');
			}
		}
	});

	it('is the same import twice: the second finds everything unchanged', async () => {
		await createSome();
		const bytes = await exportBytes();
		const again = await importBytes('again.json', bytes);
		expect(again.ok && again.preview.totals.notifications).toMatchObject({
			new: 0,
			unchanged: 2,
			conflict: 0
		});
	});
});

describe('a refused file leaves the stored data exactly as it was', () => {
	const good = () => makeFileBytes([makeNumbered(1, {}, '07'), makeNumbered(2, {}, '07')]);
	const flip = (bytes: Uint8Array, at: number) => {
		const copy = bytes.slice();
		copy[at] = copy[at]! ^ 0x04;
		return copy;
	};
	const pollution = () => {
		const record = JSON.stringify(makeNumbered(1, {}, '07')).replace(
			'{',
			'{"__proto__":{"polluted":"yes"},'
		);
		const json = JSON.stringify(makeEnvelope([], [])).replace(
			'"notifications":[]',
			`"notifications":[${record}]`
		);
		return sealText(json.replace('"notifications":0', '"notifications":1'));
	};
	const deep = () =>
		sealText(
			`{"format":"shouhou-exchange","formatVersion":1,"notifications":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`
		);

	const cases: [string, () => Uint8Array, Partial<ExchangeError>][] = [
		[
			'malformed JSON',
			() => sealText('{"format":"shouhou-exchange","x":}'),
			// V8 names the position for some errors only.
			{ code: expect.stringMatching(/^invalidJson(At)?$/) as ExchangeError['code'] }
		],
		[
			'wrong format name',
			() => sealEnvelope(makeEnvelope([], [], { format: 'other' })),
			{ code: 'wrongFormat', field: 'format' }
		],
		['truncated file', () => good().subarray(0, 900), { code: 'truncated' }],
		['one flipped byte', () => flip(good(), 700), { code: 'checksumMismatch' }],
		[
			'prototype pollution',
			pollution,
			{
				code: 'forbiddenKey',
				record: { kind: 'notification', key: '4002-07-000001' },
				field: '__proto__'
			}
		],
		['nesting 100,000 deep', deep, { code: 'tooDeep' }],
		[
			'a newer format version',
			() => sealEnvelope(makeEnvelope([], [], { formatVersion: FORMAT_VERSION + 1 })),
			{ code: 'newerVersion' }
		],
		[
			'a 50 MB string field',
			() => makeFileBytes([makeNumbered(1, { reporter: 'x'.repeat(50 * 1024 * 1024) }, '07')]),
			{
				code: 'stringTooLong',
				record: { kind: 'notification', key: '4002-07-000001' },
				field: 'reporter'
			}
		],
		[
			'duplicate numbers',
			() => makeFileBytes([makeNumbered(1, {}, '07'), makeNumbered(1, {}, '07')]),
			{ code: 'duplicateRecord', record: { kind: 'notification', key: '4002-07-000001' } }
		],
		[
			'a date that is not a date',
			() => makeFileBytes([makeNumbered(1, { requiredEnd: '2001-13-01' }, '07')]),
			{
				code: 'invalidDate',
				record: { kind: 'notification', key: '4002-07-000001' },
				field: 'requiredEnd'
			}
		],
		[
			'a negative quantity',
			() =>
				makeFileBytes([
					makeNumbered(1, { items: [makeItem({ materialQuantity: '100056,-1' })] }, '07')
				]),
			{
				code: 'negative',
				record: { kind: 'notification', key: '4002-07-000001' },
				field: 'items.0.materialQuantity'
			}
		]
	];

	it.each(cases)('%s', async (_case, bytesOf, expected) => {
		await seedSampleMasterData();
		await createSome();
		const before = textOf(await exportBytes());
		const result = await importBytes('bad.json', bytesOf());
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toMatchObject({ file: 'bad.json', ...expected });
		expect(textOf(await exportBytes())).toBe(before);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

/** A file of these notifications, read, previewed on this device and planned as it comes. */
/** A valid file of these notifications, as the reader hands it to the preview. */
function fileOf(notifications: Notification[]): ValidatedFile {
	const read = readExchangeBytes('n.json', makeFileBytes(notifications), {
		configuration: defaultConfiguration
	});
	if (!read.ok) throw new Error(JSON.stringify(read.errors));
	return read.file;
}

/** The keys a table's `bulkGet` was asked for while `run` ran. */
async function keysAsked(
	table: { bulkGet: (keys: string[]) => unknown },
	run: () => Promise<unknown>
): Promise<unknown[]> {
	const reads = vi.spyOn(table, 'bulkGet');
	try {
		await run();
		return reads.mock.calls.flatMap(([keys]) => keys);
	} finally {
		reads.mockRestore();
	}
}

async function planOf(notifications: Notification[]): Promise<ImportPlan> {
	const planned = planImport(
		await previewFiles([fileOf(notifications)]),
		{},
		{ actor: supervisor, now: new Date(), configuration: defaultConfiguration }
	);
	if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
	return planned.plan;
}

describe('writing is all or nothing', () => {
	it('writes nothing when a record fails after the first chunks were put', async () => {
		await createSome();
		const before = textOf(await exportBytes());
		const plan = await planOf(
			Array.from({ length: 2500 }, (_, i) => makeNumbered(i + 1, {}, '08'))
		);
		// A record without a key makes the second chunk's bulkPut throw, after 1,000 were put.
		plan.notifications[1500]!.record = {
			...plan.notifications[1500]!.record,
			number: undefined
		} as unknown as Notification;
		const result = await writeImport(plan);
		expect(result).toMatchObject({ ok: false, errors: [{ code: 'writeFailed' }] });
		expect(textOf(await exportBytes())).toBe(before);
	});

	it('writes nothing when the storage fails late, and a full disk (defect: a save on a full disk says nothing) says so', async () => {
		await createSome();
		const before = textOf(await exportBytes());
		const plan = await planOf([makeNumbered(1, {}, '08')]);
		plan.masterData.push({
			record: { ...NEW_STAFF },
			file: 'n.json',
			expected: null
		});
		const spy = vi
			.spyOn(db.masterData, 'bulkPut')
			.mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
		const result = await writeImport(plan);
		spy.mockRestore();
		expect(result).toMatchObject({ ok: false, errors: [{ code: 'storageFull' }] });
		expect(textOf(await exportBytes())).toBe(before);
	});

	it('writes nothing when a record changed on this device after the preview', async () => {
		const [first] = await createSome();
		const newer = recordChange(first!, { isUrgent: true }, [], assistant, new Date());
		const plan = await planOf([newer, makeNumbered(50, {}, '08')]);
		// Another tab saves a change to the same notification between the preview and the write.
		await editDescription(first!.number, '另一个标签页');
		const before = textOf(await exportBytes());
		const result = await writeImport(plan);
		expect(result).toEqual({
			ok: false,
			errors: [
				{
					file: 'n.json',
					record: { kind: 'notification', key: first!.number },
					code: 'changedSincePreview',
					params: {}
				}
			]
		});
		expect(textOf(await exportBytes())).toBe(before);
	});
});

describe('the write checks what changed since the preview', () => {
	it('a record absent at the preview and stored before the write refuses the write', async () => {
		const plan = await planOf([makeNumbered(50, {}, '08')]);
		// Another tab imports another copy of the same number meanwhile.
		await db.notifications.put(makeNumbered(50, { description: '另一个标签页' }, '08'));
		expect(await writeImport(plan)).toMatchObject({
			ok: false,
			errors: [{ code: 'changedSincePreview', record: { key: '4002-08-000050' } }]
		});
		expect((await db.notifications.get('4002-08-000050'))?.description).toBe('另一个标签页');
	});

	it('a file at the stored revisions is previewed from the list rows, reading no stored copy', async () => {
		const records = Array.from({ length: 30 }, (_, i) => makeNumbered(i + 1, {}, '08'));
		const file = fileOf(records);
		await db.notifications.bulkPut(records);
		let preview: ImportPreview | undefined;
		const asked = await keysAsked(db.notifications, async () => {
			preview = await previewFiles([file]);
		});
		expect(asked).toEqual([]);
		expect(preview?.totals.notifications).toMatchObject({ unchanged: 30 });
		// While list rows are still to be written after a large import, they are not trusted.
		await db.listMeta.put({ key: 'pendingRows:000000000099:000001', value: ['4002-08-000001'] });
		const again = await keysAsked(db.notifications, async () => {
			expect(await previewFiles([file])).toEqual(preview);
		});
		expect(again).toHaveLength(30);
	});

	it('looks up the list rows of stored numbers only: a new number costs no look-up', async () => {
		const stored = Array.from({ length: 30 }, (_, i) => makeNumbered(i + 1, {}, '08'));
		const fresh = Array.from({ length: 20 }, (_, i) => makeNumbered(i + 101, {}, '08'));
		const file = fileOf([...stored, ...fresh]);
		await db.notifications.bulkPut(stored);
		let preview: ImportPreview | undefined;
		const asked = await keysAsked(db.listRows, async () => {
			preview = await previewFiles([file]);
		});
		expect(asked.sort()).toEqual(stored.map((record) => record.number).sort());
		expect(preview?.totals.notifications).toMatchObject({ unchanged: 30, new: 20 });
	});

	it('never overwrites a record the preview found absent, even where the counter did not move', async () => {
		const plan = await planOf([makeNumbered(50, {}, '08')]);
		await db.notifications.put(makeNumbered(50, { description: '另一个标签页' }, '08'));
		// As if the write had not moved the counter: the add still refuses to overwrite.
		await db.listMeta.put({ key: 'version', value: plan.changeCounter });
		expect(await writeImport(plan)).toMatchObject({
			ok: false,
			errors: [{ code: 'writeFailed' }]
		});
		expect((await db.notifications.get('4002-08-000050'))?.description).toBe('另一个标签页');
	});

	it('a write after an untouched preview does not read the stored copies again', async () => {
		await db.notifications.bulkPut(
			Array.from({ length: 30 }, (_, i) => makeNumbered(i + 1, {}, '08'))
		);
		const plan = await planOf(Array.from({ length: 40 }, (_, i) => makeNumbered(i + 1, {}, '08')));
		const reads = vi.spyOn(db.notifications, 'bulkGet');
		expect(await writeImport(plan)).toMatchObject({ ok: true });
		expect(reads).not.toHaveBeenCalled();
		reads.mockRestore();
		expect(await db.notifications.count()).toBe(40);
	});
});

describe('the device number counter', () => {
	it('never collides with this device’s own restored numbers', async () => {
		await createSome();
		await addNotification(makeFields(), assistant, defaultConfiguration);
		const bytes = await exportBytes();
		await wipe(['4002', '01']);
		expect((await importBytes('backup.json', bytes)).ok).toBe(true);
		const next = await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(next.number).toBe('4002-01-000004');
	});

	it('never moves backwards', async () => {
		await db.settings.put({ key: 'notificationSequence', value: 10 });
		const own = [1, 2, 3].map((n) => makeNumbered(n));
		expect((await importBytes('old.json', makeFileBytes(own))).ok).toBe(true);
		expect(await db.settings.get('notificationSequence')).toMatchObject({ value: 10 });
		const next = await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(next.number).toBe('4002-01-000011');
	});
});

describe('two devices of one centre', () => {
	/**
	 * Device 01 creates a notification and sends it to device 02; both change it. Leaves device 01
	 * in the database and returns device 02's export with its change.
	 */
	async function divergedExports(): Promise<{ b: Bytes; number: string }> {
		const created = await addNotification(makeFields(), assistant, defaultConfiguration);
		const shared = await exportBytes();
		await wipe(['4002', '02']);
		await importBytes('from-01.json', shared);
		await editDescription(created.number, '设备02：更换锁芯');
		const b = await exportBytes();
		await wipe(['4002', '01']);
		await importBytes('from-01.json', shared);
		await editDescription(created.number, '设备01：客户改约时间');
		return { b, number: created.number };
	}

	it('sees a conflict; takeTheirs keeps the loser in history; the other device then sees theirsNewer', async () => {
		const { b, number } = await divergedExports();
		const read = readExchangeBytes('from-02.json', b, { configuration: defaultConfiguration });
		if (!read.ok) throw new Error('unreadable');
		const preview = await previewFiles([read.file]);
		expect(preview.notifications[0]).toMatchObject({
			key: number,
			status: 'conflict',
			isForeign: false
		});
		const ours = preview.notifications[0]!.ours!;
		const planned = planImport(
			preview,
			{ byNumber: { [number]: 'takeTheirs' } },
			{ actor: supervisor, now: new Date(), configuration: defaultConfiguration }
		);
		if (!planned.ok) throw new Error('plan refused');
		expect((await writeImport(planned.plan)).ok).toBe(true);

		const merged = await getNotification(number);
		expect(merged?.description).toBe('设备02：更换锁芯');
		expect(merged?.history.at(-1)).toMatchObject({
			kind: 'conflict',
			field: 'description',
			from: '设备01：客户改约时间',
			to: '设备02：更换锁芯',
			actor: supervisor
		});
		expect(merged?.revision.ancestry).toContain(ours.revision.rev);
		expect(merged?.history.filter((e) => e.kind === 'field').map((e) => e.to)).toEqual(
			expect.arrayContaining(['设备01：客户改约时间', '设备02：更换锁芯'])
		);
		const mergedFile = await exportBytes();

		// Device 02, which still has its own change, imports the merged file: no new conflict.
		await wipe(['4002', '02']);
		await importBytes('own-backup.json', b);
		const again = await importBytes('merged.json', mergedFile);
		expect(again.ok && again.preview.notifications[0]?.status).toBe('theirsNewer');
		expect((await getNotification(number))?.revision.rev).toBe(merged?.revision.rev);
	});

	it('keepMine keeps this device’s fields and records their version', async () => {
		const { b, number } = await divergedExports();
		const result = await importBytes('from-02.json', b, { all: 'keepMine' });
		expect(result.ok && result.preview.totals.notifications.conflict).toBe(1);
		const merged = await getNotification(number);
		expect(merged?.description).toBe('设备01：客户改约时间');
		expect(merged?.history.at(-1)).toMatchObject({ kind: 'conflict', from: '设备02：更换锁芯' });
		// Importing device 02's file again is no conflict: the merge descends from it.
		const again = await importBytes('from-02.json', b);
		expect(again.ok && again.preview.notifications[0]?.status).toBe('unchanged');
	});

	it('refuses to write while a conflict is undecided, and writes nothing', async () => {
		const { b } = await divergedExports();
		const before = textOf(await exportBytes());
		const result = await importBytes('from-02.json', b);
		expect(result).toMatchObject({ ok: false, errors: [{ code: 'unresolvedConflict' }] });
		expect(textOf(await exportBytes())).toBe(before);
	});
});

describe('head office: files of several centres', () => {
	it('keeps each record’s centre, and other centres’ records are read-only', async () => {
		await wipe(['HQ01', '01']);
		const shanghai = makeFileBytes([makeNumbered(1)]);
		const beijing = makeFileBytes([makeNumbered(1, { centre: '4003' })], [], {
			centre: { code: '4003', name: '北京责任中心' }
		});
		const first = await importBytes('shanghai.json', shanghai);
		const second = await importBytes('beijing.json', beijing);
		expect(first.ok && first.preview.notifications[0]?.isForeign).toBe(true);
		expect(second.ok).toBe(true);
		const stored = await allNotifications();
		expect(stored.map((n) => [n.number, n.centre])).toEqual([
			['4002-01-000001', '4002'],
			['4003-01-000001', '4003']
		]);
		const record = stored[0]!;
		await expect(
			saveNotificationFields(
				record.number,
				record.revision.rev,
				{ ...fieldsOf(record), description: '总部修改' },
				assistant,
				defaultConfiguration
			)
		).rejects.toBeInstanceOf(ForeignRecordError);
	});
});

describe('restoreFromExport (first run)', () => {
	it('takes the centre from the file, keeps the chosen device code, writes everything', async () => {
		await seedSampleMasterData();
		const made = await createSome();
		const bytes = await exportBytes();
		await wipe();
		const result = await restoreFromExport(new File([bytes], 'backup.json'), '02');
		expect(result).toMatchObject({
			ok: true,
			identity: { centreCode: '4002', centreName: '上海责任中心', deviceCode: '02' },
			written: { notifications: made.length }
		});
		expect(await getIdentity()).toEqual({
			centreCode: '4002',
			centreName: '上海责任中心',
			deviceCode: '02'
		});
		expect(await allNotifications()).toEqual(made);
		const next = await addNotification(makeFields(), assistant, defaultConfiguration);
		expect(next.number).toBe('4002-02-000001');
		expect(await getStoredConfiguration()).toBeUndefined();
	});

	it('refuses a device code the file’s centre already uses, and writes nothing', async () => {
		await createSome();
		const bytes = await exportBytes();
		await wipe();
		const result = await restoreFromExport(new File([bytes], 'backup.json'), '01');
		expect(result).toEqual({
			ok: false,
			errors: [
				{
					file: 'backup.json',
					code: 'deviceCodeInFile',
					params: { device: '01', suggestion: '02' }
				}
			]
		});
		expect(await getIdentity()).toBeUndefined();
		expect(await db.notifications.count()).toBe(0);
	});

	it('refuses a device code of a number in the file even if another device exported it', async () => {
		const bytes = makeFileBytes([makeNumbered(1, {}, '03')]);
		await wipe();
		const result = await restoreFromExport(new File([bytes], 'b.json'), '03');
		expect(result.ok || result.errors[0]?.code).toBe('deviceCodeInFile');
	});

	it('refuses on a device that is already set up, and a malformed device code', async () => {
		const bytes = makeFileBytes([makeNumbered(1)]);
		expect(await restoreFromExport(new File([bytes], 'b.json'), '02')).toMatchObject({
			ok: false,
			errors: [{ code: 'identityExists' }]
		});
		await wipe();
		expect(await restoreFromExport(new File([bytes], 'b.json'), 'x')).toMatchObject({
			ok: false,
			errors: [{ code: 'invalidDeviceCode' }]
		});
	});

	it('refuses a bad file with its errors and sets no identity', async () => {
		await wipe();
		const result = await restoreFromExport(new File([new Uint8Array([1, 2, 3])], 'junk.bin'), '02');
		expect(result.ok).toBe(false);
		expect(await getIdentity()).toBeUndefined();
	});

	it('stores the file’s configuration when it is not the built-in one', async () => {
		const trade = configurationSchema.parse(homeServices);
		const configuration = {
			types: [...defaultConfiguration.types, ...trade.types],
			profiles: [...defaultConfiguration.profiles, ...trade.profiles]
		};
		const bytes = makeFileBytes([makeNumbered(1)], [], { configuration });
		await wipe();
		expect((await restoreFromExport(new File([bytes], 'b.json'), '02')).ok).toBe(true);
		expect(await getStoredConfiguration()).toEqual(configuration);
	});

	it('keeps the app’s own built-in set when the file carries an older copy of it', async () => {
		const older = structuredClone(defaultConfiguration);
		for (const profile of older.profiles) {
			for (const status of profile.statuses) delete status.recordsTime;
		}
		const bytes = makeFileBytes([makeNumbered(1)], [], { configuration: older });
		await wipe();
		expect((await restoreFromExport(new File([bytes], 'c.json'), '02')).ok).toBe(true);
		expect(await getStoredConfiguration()).toBeUndefined();
	});
});
