import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../domain/configuration';
import { TEST_CREATED_AT, makeActor, makeItem } from '../domain/test-factories';
import { createRecord } from '../domain/records/record';
import { makeRecordFields } from '../domain/records/test-records';
import type { ExchangeError } from './errors';
import { FORMAT_VERSION, LIMITS } from './format';
import {
	readExchangeBytes,
	readExchangeBytesInParts,
	HelperChecks,
	type PartHelper,
	readExchangeSource,
	readWhole,
	type ReadProgress,
	type ReadResult
} from './import';
import {
	makeEnvelope,
	makeFileBytes,
	makeNumbered,
	readBytes,
	sealEnvelope,
	sealText
} from './test-files';

const FIXTURES = 'tests/fixtures/exchange';

/** A parts requisition of a notification, as the app stores it. */
function makeRecordOf(number: string) {
	return createRecord('parts', makeRecordFields('parts'), {
		id: `${number}-P1-01`,
		notification: number,
		actor: makeActor('assistant'),
		now: TEST_CREATED_AT
	});
}

function errorsOf(result: ReadResult): ExchangeError[] {
	if (result.ok) throw new Error('expected the file to be refused');
	return result.errors;
}

function textOf(bytes: Uint8Array): string {
	return new TextDecoder().decode(bytes);
}

describe('readExchangeBytes: good files', () => {
	it('reads a file of this version with every record valid', () => {
		const notifications = [makeNumbered(1), makeNumbered(2)];
		const result = readBytes('a.json', makeFileBytes(notifications));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.file.notifications).toEqual(notifications);
		expect(result.file.header.centre).toEqual({ code: '4002', name: '上海责任中心' });
		expect(result.file.sourceVersion).toBe(FORMAT_VERSION);
	});

	it('reads every fixture in tests/fixtures/exchange (one per format version)', () => {
		const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
		expect(names).toEqual(expect.arrayContaining(['v0.json', `v${FORMAT_VERSION}.json`]));
		for (const name of names) {
			const result = readBytes(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
			expect(result.ok ? [] : result.errors, name).toEqual([]);
			if (!result.ok) continue;
			expect(result.file.header.formatVersion).toBe(FORMAT_VERSION);
			expect(result.file.notifications.length, name).toBeGreaterThan(0);
			expect(result.file.masterData.length, name).toBeGreaterThan(0);
		}
	});

	it('migrates the pre-release v0 file: centre object, revision from _rev, KCWB → KCJS', () => {
		const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'v0.json')));
		const result = readBytes('v0.json', bytes);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.file.sourceVersion).toBe(0);
		expect(result.file.header).toMatchObject({
			centre: { code: '4002', name: '上海责任中心' },
			device: '',
			counts: { notifications: 1, masterData: 2 }
		});
		const [notification] = result.file.notifications;
		expect(notification?.revision).toEqual({ rev: '2-pre2', ancestry: ['1-pre1'] });
		expect(notification?.userStatus).toBe('KCJS');
		expect(Object.keys(notification?.userStatusDates ?? {})).toEqual(['TZJL', 'KCJS']);
		expect(notification).not.toHaveProperty('_rev');
	});

	it('migrates a v2 file: a department’s one `email` becomes its `to` list (format 3)', () => {
		const department = {
			kind: 'department',
			code: 'LOG',
			name: '区物流',
			email: 'log@example.com'
		};
		const staff = { kind: 'staff', code: '202', name: '王敏', email: '' };
		const v2 = makeEnvelope([makeNumbered(1)], [department, staff], { formatVersion: 2 });
		const result = readBytes('v2-department.json', sealEnvelope(v2));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.file.sourceVersion).toBe(2);
		expect(result.file.masterData).toEqual([
			expect.objectContaining({ code: 'LOG', emailTo: ['log@example.com'], emailCc: [] }),
			expect.objectContaining({ code: '202', emailTo: [], emailCc: [] })
		]);
		for (const record of result.file.masterData) expect(record).not.toHaveProperty('email');
	});

	it('reads the v3 fixture: departments with several to and cc addresses, sent e-mails in history', () => {
		const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'v3.json')));
		const result = readBytes('v3.json', bytes);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const log = result.file.masterData.find((r) => r.kind === 'department' && r.code === 'LOG');
		expect(log?.emailTo).toEqual(['logistics@example.com', 'logistics2@example.com']);
		expect(log?.emailCc).toEqual(['manager@example.com']);
		const kinds = result.file.notifications.flatMap((n) => n.history.map((e) => e.kind));
		expect(kinds).toEqual(expect.arrayContaining(['escalation', 'dispatched']));
		const escalation = result.file.notifications
			.flatMap((n) => n.history)
			.find((e) => e.kind === 'escalation');
		expect(escalation).toMatchObject({ channel: 'eml', recipients: expect.any(Array) });
	});

	it('migrates a v3 file to format 4: no linked records, counted as 0', () => {
		const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'v3.json')));
		const result = readBytes('v3.json', bytes);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.file.sourceVersion).toBe(3);
		expect(result.file.header.counts.records).toBe(0);
		expect(result.file.records).toEqual([]);
	});

	it('reads the v4 fixture: linked records of every desk kind, validated by kind', () => {
		const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'v4.json')));
		const result = readBytes('v4.json', bytes);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.file.records.map((record) => record.kind).sort()).toEqual([
			'evaluation',
			'invoice',
			'parts',
			'quote',
			'serviceForm'
		]);
	});

	it('refuses a linked record that is invalid or not of its notification, naming it', () => {
		const [notification] = [makeNumbered(1)];
		const good = {
			...makeRecordOf(notification!.number),
			lines: [{ material: '100056', quantity: -2, note: '' }]
		};
		const stray = { ...makeRecordOf(notification!.number), id: '4002-01-000099-P1-01' };
		const bytes = sealEnvelope(
			makeEnvelope([notification], [], {
				records: [good, stray],
				counts: { notifications: 1, masterData: 0, records: 2 }
			})
		);
		expect(errorsOf(readBytes('r.json', bytes)).map((e) => [e.record, e.field, e.code])).toEqual([
			[{ kind: 'record', key: good.id }, 'lines.0.quantity', 'invalid'],
			[{ kind: 'record', key: stray.id }, 'id', 'recordNotOfNotification']
		]);
	});

	it('refuses a department without any `to` address', () => {
		const department = { kind: 'department', code: 'LOG', name: '区物流', emailTo: [] };
		const result = readBytes('x.json', sealEnvelope(makeEnvelope([], [department])));
		expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
			['emailTo', 'required']
		]);
	});

	it('imports a Z1 status written KCWB (the seed’s spelling) as KCJS', () => {
		const kcwb = makeNumbered(1, { userStatus: 'KCWB' });
		const result = readBytes('kcwb.json', makeFileBytes([kcwb]));
		expect(result.ok && result.file.notifications[0]?.userStatus).toBe('KCJS');
	});

	it('keeps unknown fields a newer app wrote, on records and in master data', () => {
		const notification = { ...makeNumbered(1), futureField: { x: 1 } };
		const master = { kind: 'staff', code: '202', name: '王敏', futureFlag: true };
		const bytes = sealEnvelope(makeEnvelope([notification], [master]));
		const result = readBytes('future.json', bytes);
		expect(result.ok && result.file.notifications[0]).toMatchObject({ futureField: { x: 1 } });
		expect(result.ok && result.file.masterData[0]).toMatchObject({ futureFlag: true });
	});

	it('keeps unknown fields a newer app wrote inside items, long text and the revision', () => {
		const base = makeNumbered(1);
		const notification = {
			...base,
			items: base.items.map((item) => ({ ...item, serialNumber: 'SN-1' })),
			longText: [{ at: base.createdAt, author: base.createdBy, text: '说明', photo: 'p1' }],
			revision: { ...base.revision, device: '01' },
			history: base.history.map((entry) => ({
				...entry,
				source: 'tablet',
				actor: { ...entry.actor, badge: 'B7' }
			}))
		};
		const result = readBytes('nested.json', sealEnvelope(makeEnvelope([notification], [])));
		const read = result.ok ? result.file.notifications[0] : undefined;
		expect(read?.items[0]).toMatchObject({ serialNumber: 'SN-1' });
		expect(read?.longText[0]).toMatchObject({ photo: 'p1' });
		expect(read?.revision).toMatchObject({ device: '01' });
		expect(read?.history[0]).toMatchObject({ source: 'tablet', actor: { badge: 'B7' } });
	});

	it('keeps a history entry of a kind a newer app writes (open lists within a version)', () => {
		const base = makeNumbered(1);
		const entry = { at: base.createdAt, actor: base.createdBy, kind: 'signature', image: 'x' };
		const notification = { ...base, history: [...base.history, entry] };
		const result = readBytes('kinds.json', sealEnvelope(makeEnvelope([notification], [])));
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(result.ok && result.file.notifications[0]?.history.at(-1)).toEqual(entry);
	});

	it('reports progress through checksum, parse and validation', () => {
		const phases = new Set<string>();
		readExchangeBytes('a.json', makeFileBytes([makeNumbered(1)]), {
			configuration: defaultConfiguration,
			onProgress: (progress: ReadProgress) => phases.add(progress.phase)
		});
		expect([...phases]).toEqual(['checksum', 'parse', 'validate']);
	});

	it('reads a picked file (a Blob) in this thread where there is no Worker', async () => {
		const file = new File([makeFileBytes([makeNumbered(1)])], 'picked.json');
		const result = await readExchangeSource(file, { configuration: defaultConfiguration });
		expect(result.ok).toBe(true);
	});
});

describe('reading in parts (1,000 records at a time) and whole', () => {
	const options = { configuration: defaultConfiguration };
	const many = Array.from({ length: 2500 }, (_, index) =>
		makeNumbered(index + 1, index % 3 === 0 ? { userStatus: 'KCWB' } : {})
	);

	it('reads a sound file in parts, record for record as the whole-file reader does', async () => {
		const bytes = makeFileBytes(many);
		const parts: number[] = [];
		const { result, isInParts } = await readExchangeBytesInParts('many.json', bytes, {
			...options,
			onRecords: (records) => parts.push(records.length)
		});
		expect(isInParts).toBe(true);
		expect(parts).toEqual([1000, 1000, 500]);
		const whole = readWhole('many.json', bytes, options);
		expect(readExchangeBytes('many.json', bytes, options)).toEqual(whole);
		if (!result.ok || !whole.ok) throw new Error('expected both to read the file');
		expect(result.file).toEqual({ ...whole.file, notifications: [] });
		expect(whole.file.notifications[0]?.userStatus).toBe('KCJS');
	});

	it('leaves a bad file to the whole-file reader, whose errors it returns', async () => {
		const twice = [...many.slice(0, 1500), many[10]!];
		const bytes = makeFileBytes(twice);
		const got: number[] = [];
		const { result, isInParts } = await readExchangeBytesInParts('twice.json', bytes, {
			...options,
			onRecords: (records) => got.push(records.length)
		});
		expect(isInParts).toBe(false);
		expect(result).toEqual(readWhole('twice.json', bytes, options));
		expect(errorsOf(result).map((error) => [error.record?.key, error.code])).toEqual([
			['4002-01-000011', 'duplicateRecord']
		]);
	});

	/** A helper checking its parts in this thread as the helper Worker does; its records by position. */
	function inThreadHelper(): PartHelper & { parts: Map<number, string[]> } {
		const checks = new HelperChecks();
		const parts = new Map<number, string[]>();
		return {
			parts,
			start: (context) => checks.start(context),
			check: (part, bytes) => {
				const records = checks.check(bytes);
				if (records)
					parts.set(
						part,
						records.map((record) => record.number)
					);
			},
			finish: () => Promise.resolve(checks.answer)
		};
	}

	it('with a helper, reads the even parts itself and hands it the odd ones, together the whole file', async () => {
		const bytes = makeFileBytes(many);
		const helper = inThreadHelper();
		const own = new Map<number, string[]>();
		const { result, isInParts } = await readExchangeBytesInParts('many.json', bytes, {
			...options,
			helper,
			onRecords: (records, part) =>
				own.set(
					part,
					records.map((record) => record.number)
				)
		});
		expect(isInParts).toBe(true);
		expect([...own.keys()]).toEqual([0, 2]);
		expect([...helper.parts.keys()]).toEqual([1]);
		const whole = readWhole('many.json', bytes, options);
		if (!result.ok || !whole.ok) throw new Error('expected both to read the file');
		const joined = [0, 1, 2].flatMap((part) => own.get(part) ?? helper.parts.get(part) ?? []);
		expect(joined).toEqual(whole.file.notifications.map((record) => record.number));
	});

	it("with a helper, a number in the reader's part and in the helper's is found, and the file read whole", async () => {
		const twice = [...many.slice(0, 1500), many[10]!];
		const bytes = makeFileBytes(twice);
		const helper = inThreadHelper();
		const { result, isInParts } = await readExchangeBytesInParts('twice.json', bytes, {
			...options,
			helper,
			onRecords: () => {}
		});
		// Each side alone saw the number once.
		expect(helper.parts.get(1)).toContain('4002-01-000011');
		expect(isInParts).toBe(false);
		expect(errorsOf(result).map((error) => [error.record?.key, error.code])).toEqual([
			['4002-01-000011', 'duplicateRecord']
		]);
	});

	it("with a helper, a bad record in the helper's part makes the file read whole, naming it", async () => {
		const bad = many.map((record, index) => (index === 1200 ? { ...record, shipTo: '' } : record));
		const bytes = makeFileBytes(bad);
		const helper = inThreadHelper();
		const own: number[] = [];
		const { result, isInParts } = await readExchangeBytesInParts('bad.json', bytes, {
			...options,
			helper,
			onRecords: (_records, part) => own.push(part)
		});
		expect(own).toEqual([0, 2]);
		expect(helper.parts.size).toBe(0);
		expect(isInParts).toBe(false);
		expect(errorsOf(result).map((error) => [error.record?.key, error.field, error.code])).toEqual([
			[bad[1200]!.number, 'shipTo', 'required']
		]);
	});

	it('with a helper, a number twice within its own parts is found', async () => {
		// Parts 1 and 3 are the helper's: the number is in both.
		const bytes = makeFileBytes([
			...many,
			...Array.from({ length: 500 }, (_, index) => makeNumbered(3001 + index)),
			many[1100]!
		]);
		const helper = inThreadHelper();
		const { result, isInParts } = await readExchangeBytesInParts('twice.json', bytes, {
			...options,
			helper,
			onRecords: () => {}
		});
		expect(isInParts).toBe(false);
		expect(errorsOf(result).map((error) => [error.record?.key, error.code])).toEqual([
			[many[1100]!.number, 'duplicateRecord']
		]);
	});

	it('leaves a file whose checksum does not match to the whole-file reader', async () => {
		const bytes = makeFileBytes(many.slice(0, 3));
		const index = textOf(bytes).indexOf('活动柜锁坏');
		bytes[index + 1] = bytes[index + 1]! ^ 1;
		const { result, isInParts } = await readExchangeBytesInParts('flipped.json', bytes, options);
		expect(isInParts).toBe(false);
		expect(errorsOf(result).map((error) => error.code)).toEqual(['checksumMismatch']);
	});
});

describe('readExchangeBytes: refused files name the file, record and field', () => {
	const good = () => makeFileBytes([makeNumbered(1), makeNumbered(2)]);

	it('refuses a file over the size limit before reading it', async () => {
		const huge = {
			name: 'huge.json',
			size: LIMITS.fileBytes + 1,
			arrayBuffer: () => Promise.reject(new Error('read'))
		};
		const result = await readExchangeSource(huge, { configuration: defaultConfiguration });
		expect(errorsOf(result)).toEqual([
			{
				file: 'huge.json',
				code: 'tooLarge',
				params: { size: LIMITS.fileBytes + 1, max: LIMITS.fileBytes }
			}
		]);
	});

	it('refuses an empty file', () => {
		expect(errorsOf(readBytes('empty.json', new Uint8Array()))[0]?.code).toBe('empty');
	});

	it('refuses malformed JSON (even with a valid checksum over it)', () => {
		const errors = errorsOf(readBytes('bad.json', sealText('{"format":"shouhou-exchange",,}')));
		expect(errors).toEqual([{ file: 'bad.json', code: 'invalidJsonAt', params: { position: 30 } }]);
	});

	it('refuses a truncated file as truncated, wherever it is cut, even inside a character', () => {
		const bytes = good();
		for (let cut = 1; cut < bytes.length - 80; cut += 97) {
			const errors = errorsOf(readBytes('cut.json', bytes.subarray(0, cut)));
			expect(errors[0]).toEqual({ file: 'cut.json', code: 'truncated', params: {} });
		}
	});

	it('refuses a file cut just before its checksum as having none', () => {
		const text = textOf(good());
		const cut = `${text.slice(0, text.indexOf(',"checksum"'))}}`;
		const errors = errorsOf(readBytes('cut.json', new TextEncoder().encode(cut)));
		expect(errors).toEqual([{ file: 'cut.json', code: 'checksumMissing', params: {} }]);
	});

	it('refuses a file with one flipped byte, wherever it is', () => {
		const bytes = good();
		for (const position of [10, Math.floor(bytes.length / 2), bytes.length - 10]) {
			const flipped = bytes.slice();
			flipped[position] = flipped[position]! ^ 0x01;
			const [error] = errorsOf(readBytes('flip.json', flipped));
			expect(error?.file).toBe('flip.json');
			expect(['checksumMismatch', 'truncated', 'checksumMissing']).toContain(error?.code);
		}
	});

	it('refuses a file of another format, naming the format member', () => {
		const bytes = sealEnvelope(makeEnvelope([], [], { format: 'excalidraw' }));
		expect(errorsOf(readBytes('other.json', bytes))).toEqual([
			{ file: 'other.json', field: 'format', code: 'wrongFormat', params: { format: 'excalidraw' } }
		]);
	});

	it('refuses a newer format version and asks for an app update', () => {
		const bytes = sealEnvelope(makeEnvelope([], [], { formatVersion: FORMAT_VERSION + 1 }));
		expect(errorsOf(readBytes('new.json', bytes))).toEqual([
			{
				file: 'new.json',
				code: 'newerVersion',
				params: { version: FORMAT_VERSION + 1, supported: FORMAT_VERSION }
			}
		]);
	});

	it('refuses a version that is not a number', () => {
		const bytes = sealEnvelope(makeEnvelope([], [], { formatVersion: '1' }));
		expect(errorsOf(readBytes('v.json', bytes))[0]).toMatchObject({ code: 'unknownVersion' });
	});

	it('issue 14.7: a file without a format version names the member, never “undefined”', () => {
		const envelope = makeEnvelope([], []);
		delete envelope.formatVersion;
		expect(errorsOf(readBytes('v.json', sealEnvelope(envelope)))).toEqual([
			{ file: 'v.json', field: 'formatVersion', code: 'invalidHeader', params: {} }
		]);
	});

	it('issue 14.7: a record that is not an object is refused as such, named by its place', () => {
		const bytes = sealEnvelope(makeEnvelope([makeNumbered(1), 7], [null]));
		expect(errorsOf(readBytes('r.json', bytes))).toEqual([
			{
				file: 'r.json',
				record: { kind: 'masterData', key: '#1' },
				field: '',
				code: 'notARecord',
				params: {}
			},
			{
				file: 'r.json',
				record: { kind: 'notification', key: '#2' },
				field: '',
				code: 'notARecord',
				params: {}
			}
		]);
	});

	it('issue 14.7: a master record without a code is named by its place, never kind:undefined', () => {
		const json = JSON.stringify(makeEnvelope([], [{ kind: 'customer', name: 'x' }])).replace(
			'"name":"x"',
			'"name":"x","constructor":1'
		);
		const [error] = errorsOf(readBytes('m.json', sealText(json)));
		expect(error).toMatchObject({
			record: { kind: 'masterData', key: '#1' },
			code: 'forbiddenKey'
		});
	});

	it('refuses nesting 100,000 deep before parsing, without a stack overflow', () => {
		const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		const json = `{"format":"shouhou-exchange","formatVersion":1,"notifications":[{"x":${deep}}]}`;
		expect(errorsOf(readBytes('deep.json', sealText(json)))).toEqual([
			{
				file: 'deep.json',
				code: 'tooDeep',
				params: { max: LIMITS.depth, position: expect.any(Number) }
			}
		]);
	});

	it('refuses a prototype-pollution file, naming record and field, and pollutes nothing', () => {
		const record = JSON.stringify(makeNumbered(1)).replace('{', '{"__proto__":{"polluted":"yes"},');
		const json = JSON.stringify(makeEnvelope([], []))
			.replace('"notifications":[]', `"notifications":[${record}]`)
			.replace('"notifications":0', '"notifications":1');
		const errors = errorsOf(readBytes('evil.json', sealText(json)));
		expect(errors).toEqual([
			{
				file: 'evil.json',
				record: { kind: 'notification', key: '4002-01-000001' },
				field: '__proto__',
				code: 'forbiddenKey',
				params: { key: '__proto__' }
			}
		]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('refuses constructor.prototype keys too', () => {
		const json = JSON.stringify(makeEnvelope([], [])).replace(
			'"masterData":[]',
			'"masterData":[],"constructor":{"prototype":{"polluted":1}}'
		);
		const errors = errorsOf(readBytes('evil.json', sealText(json)));
		expect(errors[0]).toMatchObject({ field: 'constructor', code: 'forbiddenKey' });
	});

	it('refuses a 50 MB string field with a clear message naming record and field', () => {
		const huge = makeNumbered(1, { reporter: 'x'.repeat(50 * 1024 * 1024) });
		const errors = errorsOf(readBytes('big.json', makeFileBytes([huge])));
		expect(errors).toEqual([
			{
				file: 'big.json',
				record: { kind: 'notification', key: '4002-01-000001' },
				field: 'reporter',
				code: 'stringTooLong',
				params: { length: 50 * 1024 * 1024, max: LIMITS.stringLength }
			}
		]);
	});

	it('refuses duplicate notification numbers in one file', () => {
		const errors = errorsOf(
			readBytes('dup.json', makeFileBytes([makeNumbered(1), makeNumbered(1)]))
		);
		expect(errors).toEqual([
			{
				file: 'dup.json',
				record: { kind: 'notification', key: '4002-01-000001' },
				field: 'number',
				code: 'duplicateRecord',
				params: {}
			}
		]);
	});

	it('refuses duplicate master records (kind + code) in one file', () => {
		const staff = { kind: 'staff', code: '202', name: '王敏' };
		const errors = errorsOf(readBytes('dup.json', sealEnvelope(makeEnvelope([], [staff, staff]))));
		expect(errors[0]).toMatchObject({
			record: { kind: 'masterData', key: 'staff:202' },
			field: 'code',
			code: 'duplicateRecord'
		});
	});

	it('refuses a date that is not a date', () => {
		const bad = makeNumbered(2, { requiredStart: '2001-02-30' });
		const errors = errorsOf(readBytes('date.json', makeFileBytes([makeNumbered(1), bad])));
		expect(errors).toEqual([
			{
				file: 'date.json',
				record: { kind: 'notification', key: '4002-01-000002' },
				field: 'requiredStart',
				code: 'invalidDate',
				params: {}
			}
		]);
	});

	it('refuses a negative quantity in an item ("100056,-1")', () => {
		const bad = makeNumbered(1, {
			items: [makeItem(), makeItem({ materialQuantity: '100056,-1' })]
		});
		const errors = errorsOf(readBytes('qty.json', makeFileBytes([bad])));
		expect(errors).toEqual([
			{
				file: 'qty.json',
				record: { kind: 'notification', key: '4002-01-000001' },
				field: 'items.1.materialQuantity',
				code: 'negative',
				params: {}
			}
		]);
	});

	it('refuses a user status the profile does not know, and an unknown type', () => {
		const errors = errorsOf(
			readBytes(
				's.json',
				makeFileBytes([makeNumbered(1, { userStatus: 'XXXX' }), makeNumbered(2, { type: 'Z9' })])
			)
		);
		expect(errors.map((e) => [e.record?.key, e.field, e.code])).toEqual([
			['4002-01-000001', 'userStatus', 'unknownUserStatus'],
			['4002-01-000002', 'type', 'unknownType']
		]);
	});

	it('refuses a record whose centre does not match its number', () => {
		const bad = { ...makeNumbered(1), centre: '4003' };
		const errors = errorsOf(readBytes('c.json', makeFileBytes([bad])));
		expect(errors[0]).toMatchObject({ field: 'centre', code: 'numberCentreMismatch' });
	});

	it('refuses counts that do not match the records', () => {
		const bytes = sealEnvelope({
			...makeEnvelope([makeNumbered(1)]),
			counts: { notifications: 2, masterData: 0, records: 0 }
		});
		expect(errorsOf(readBytes('n.json', bytes))).toEqual([
			{
				file: 'n.json',
				field: 'counts.notifications',
				code: 'countMismatch',
				params: { expected: 2, actual: 1 }
			}
		]);
	});

	it('refuses a broken header and configuration, naming each member', () => {
		const bytes = sealEnvelope(
			makeEnvelope([], [], {
				exportedAt: 'yesterday',
				configuration: { types: [], profiles: [] }
			})
		);
		const errors = errorsOf(readBytes('h.json', bytes));
		expect(errors.map((e) => [e.field, e.code])).toEqual(
			expect.arrayContaining([
				['exportedAt', 'invalidDate'],
				['configuration.types', 'invalidConfiguration']
			])
		);
	});

	it('lists at most LIMITS.reportedErrors errors and counts the rest', () => {
		const bad = Array.from({ length: LIMITS.reportedErrors + 5 }, (_, i) =>
			makeNumbered(i + 1, { description: '' })
		);
		const errors = errorsOf(readBytes('many.json', makeFileBytes(bad)));
		expect(errors).toHaveLength(LIMITS.reportedErrors + 1);
		expect(errors.at(-1)).toMatchObject({ code: 'moreErrors', params: { count: 5 } });
	});
});
