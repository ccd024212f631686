import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../domain/configuration';
import type { MasterRecord } from '../domain/master-data';
import { recordChange, type Notification } from '../domain/notification';
import { makeActor } from '../domain/test-factories';
import { FORMAT_VERSION, masterKey, type ValidatedFile } from './format';
import { ImportPreviewer, keysToFetch, previewImport, type StoredVersions } from './preview';
import { TEST_EXPORTED_AT, makeNumbered } from './test-files';

const staff = makeActor('staff');

/** The next revision of a notification, with a new description. */
function changed(notification: Notification, description: string): Notification {
	return recordChange(
		notification,
		{ description },
		[{ kind: 'field', field: 'description' }],
		staff,
		new Date()
	);
}

function fileOf(
	name: string,
	notifications: Notification[],
	masterData: MasterRecord[] = [],
	centre = '4002'
): ValidatedFile {
	return {
		name,
		sourceVersion: 2,
		header: {
			format: 'shouhou-exchange',
			formatVersion: FORMAT_VERSION,
			appVersion: 'test',
			centre: { code: centre, name: centre },
			device: '01',
			exportedAt: TEST_EXPORTED_AT,
			counts: { notifications: notifications.length, masterData: masterData.length, records: 0 }
		},
		configuration: defaultConfiguration,
		masterData,
		notifications,
		records: [],
		images: []
	};
}

function storedOf(notifications: Notification[], masterData: MasterRecord[] = []): StoredVersions {
	return {
		notifications: new Map(notifications.map((n) => [n.number, n])),
		masterData: new Map(masterData.map((m) => [masterKey(m), m]))
	};
}

const context = {
	centreCode: '4002',
	deviceCodes: ['01'],
	configuration: defaultConfiguration,
	usedDeviceCodes: []
};

const staffRecord = (name: string): MasterRecord => ({
	kind: 'staff',
	code: '202',
	name,
	parent: '',
	address: '',
	phone: '',
	contact: '',
	emailTo: [],
	emailCc: [],
	functionalLocations: [],
	isSample: false
});

describe('previewImport: notifications by revision ancestry', () => {
	const base = makeNumbered(1);
	const ours = changed(base, '我方修改');

	it('classifies new, theirs newer, same, ours newer and conflict', () => {
		const theirsNewer = changed(ours, '对方在我方之后修改');
		const conflicting = changed(base, '对方同时修改');
		const file = fileOf('a.json', [
			makeNumbered(9),
			{ ...theirsNewer, number: '4002-01-000002' },
			{ ...ours, number: '4002-01-000003' },
			{ ...base, number: '4002-01-000004' },
			{ ...conflicting, number: '4002-01-000005' }
		]);
		const stored = storedOf([
			{ ...ours, number: '4002-01-000002' },
			{ ...ours, number: '4002-01-000003' },
			{ ...ours, number: '4002-01-000004' },
			{ ...ours, number: '4002-01-000005' }
		]);
		const preview = previewImport([file], stored, context);
		expect(preview.notifications.map((e) => [e.key, e.status, e.relation])).toEqual([
			['4002-01-000009', 'new', undefined],
			['4002-01-000002', 'theirsNewer', undefined],
			['4002-01-000003', 'unchanged', 'same'],
			['4002-01-000004', 'unchanged', 'oursNewer'],
			['4002-01-000005', 'conflict', undefined]
		]);
		expect(preview.files[0]?.notifications).toEqual({
			new: 1,
			theirsNewer: 1,
			unchanged: 2,
			merged: 0,
			conflict: 1,
			diverged: 0,
			collision: 0,
			moved: 0,
			invalid: 0
		});
		expect(preview.canWrite).toBe(true);
	});

	it('marks records of another centre as foreign (read-only here)', () => {
		const foreign = makeNumbered(1, { centre: '4003' });
		const preview = previewImport([fileOf('b.json', [foreign], [], '4003')], storedOf([]), context);
		expect(preview.notifications[0]).toMatchObject({ status: 'new', isForeign: true });
	});

	it('takes the newest version across files and notes the others', () => {
		const newer = changed(ours, '更新');
		const preview = previewImport(
			[fileOf('old.json', [ours]), fileOf('new.json', [newer]), fileOf('again.json', [ours])],
			storedOf([base]),
			context
		);
		expect(preview.notifications).toHaveLength(1);
		expect(preview.notifications[0]).toMatchObject({
			status: 'theirsNewer',
			file: 'new.json',
			alsoIn: ['old.json', 'again.json'],
			theirs: newer
		});
	});

	it('refuses two files whose versions conflict with each other', () => {
		const other = changed(base, '另一台设备');
		const preview = previewImport(
			[fileOf('a.json', [ours]), fileOf('b.json', [other])],
			storedOf([base]),
			context
		);
		expect(preview.notifications[0]?.status).toBe('invalid');
		expect(preview.notifications[0]?.errors).toEqual([
			{
				file: 'b.json',
				record: { kind: 'notification', key: base.number },
				field: 'revision',
				code: 'conflictingFiles',
				params: { otherFile: 'a.json' }
			}
		]);
		expect(preview.canWrite).toBe(false);
	});

	it('lists the keys to fetch once each', () => {
		const files = [
			fileOf('a.json', [ours], [staffRecord('王敏')]),
			fileOf('b.json', [ours], [staffRecord('王敏')])
		];
		expect(keysToFetch(files)).toEqual({ numbers: [ours.number], masterKeys: [['staff', '202']] });
	});

	// No wall-clock assertion (npm run bench measures): a quadratic scan of 100,000 would take
	// hours, far past this test's time limit.
	it('previews 100,000 notifications (no quadratic scan)', { timeout: 60_000 }, () => {
		const many = Array.from({ length: 100_000 }, (_, i) => ({
			...base,
			number: `4002-01-${String(i + 1).padStart(6, '0')}`
		}));
		const stored = storedOf(many.slice(0, 50_000));
		const preview = previewImport([fileOf('big.json', many)], stored, context);
		expect(preview.totals.notifications).toMatchObject({ new: 50_000, unchanged: 50_000 });
	});
});

describe('previewImport: master data rule', () => {
	it('adds new records, skips identical ones, replaces from our centre, keeps ours from another', () => {
		const ours = staffRecord('王敏');
		const theirs = staffRecord('王敏（新）');
		const customer: MasterRecord = {
			...staffRecord('x'),
			kind: 'customer',
			code: '27',
			address: '上海'
		};
		const own = previewImport(
			[fileOf('own.json', [], [theirs, customer])],
			storedOf([], [ours]),
			context
		);
		expect(own.masterData.map((e) => [e.key, e.status])).toEqual([
			['staff:202', 'replace'],
			['customer:27', 'new']
		]);
		const other = previewImport(
			[fileOf('hq.json', [], [theirs], 'HQ01')],
			storedOf([], [ours]),
			context
		);
		expect(other.masterData[0]?.status).toBe('kept');
		const same = previewImport(
			[fileOf('same.json', [], [{ ...ours }])],
			storedOf([], [ours]),
			context
		);
		expect(same.masterData[0]?.status).toBe('unchanged');
	});

	it('takes a master record from the first file that carries it', () => {
		const preview = previewImport(
			[fileOf('a.json', [], [staffRecord('甲')]), fileOf('b.json', [], [staffRecord('乙')])],
			storedOf([]),
			context
		);
		expect(preview.masterData).toHaveLength(1);
		expect(preview.masterData[0]).toMatchObject({ file: 'a.json', theirs: { name: '甲' } });
	});

	it('says when a file carries another configuration', () => {
		const file = fileOf('a.json', []);
		const other = {
			...file,
			configuration: { ...defaultConfiguration, types: defaultConfiguration.types.slice(0, 1) }
		};
		const preview = previewImport([file, { ...other, name: 'b.json' }], storedOf([]), context);
		expect(preview.files.map((f) => f.configurationDiffers)).toEqual([false, true]);
	});
});

describe('records stored at the file’s revision are known unchanged without their stored copies', () => {
	const note = {
		at: '2001-03-08T02:00:00.000Z',
		actor: staff,
		kind: 'merge',
		field: 'description'
	};

	it('classifies alike with the stored revisions alone, and asks for the rest only', () => {
		const same = makeNumbered(1);
		const withNote = { ...makeNumbered(2), history: [...makeNumbered(2).history, note] };
		const moved = { ...makeNumbered(3), formerNumbers: ['4002-01-000099'] };
		const stored = [same, makeNumbered(2), makeNumbered(3), makeNumbered(4)];
		const newer = changed(makeNumbered(4), '沙发异响');
		const fresh = makeNumbered(5);
		const file = fileOf('a.json', [same, withNote, moved, newer, fresh]);
		const expected = previewImport([file], storedOf(stored), context);

		const previewer = new ImportPreviewer([file], undefined, context);
		previewer.noteFormer(new Map());
		const keys = previewer.keys();
		const revisions = new Map(stored.map((record) => [record.number, record.revision.rev]));
		// Left out: the record at the file's revision without notes or former numbers, and the one
		// not stored at all (no stored revision).
		expect(previewer.numbersFor(keys, revisions)).toEqual([
			'4002-01-000002',
			'4002-01-000003',
			'4002-01-000099',
			'4002-01-000004'
		]);
		const asked = storedOf(stored.filter((record) => record.number !== same.number));
		previewer.classify(keys, asked.notifications, revisions);
		const preview = previewer.finish(new Map());
		expect(preview).toEqual(expected);
		expect(preview.notifications[0]).toMatchObject({ status: 'unchanged', relation: 'same' });
	});

	it('a stored revision that differs, or one not known, reads the stored copy; no row, none', () => {
		const file = fileOf('a.json', [makeNumbered(1), makeNumbered(2)]);
		const previewer = new ImportPreviewer([file], undefined, context);
		const revisions = new Map([
			['4002-01-000001', '1-0000'],
			['4002-01-000002', '']
		]);
		expect(previewer.numbersFor(previewer.keys(), revisions)).toEqual([
			'4002-01-000001',
			'4002-01-000002'
		]);
		expect(previewer.numbersFor(previewer.keys())).toEqual(['4002-01-000001', '4002-01-000002']);
		expect(previewer.numbersFor(previewer.keys(), new Map())).toEqual([]);
	});
});
