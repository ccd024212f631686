import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../domain/configuration';
import { appendLongText, recordChange, type Notification } from '../domain/notification';
import { compareRevisions } from '../domain/revision';
import { makeActor, sequentialRandom } from '../domain/test-factories';
import type { ValidatedFile } from './format';
import { previewImport } from './preview';
import { conflictSummary, mergedRevision, planImport, resolveConflict } from './resolve';
import { TEST_EXPORTED_AT, makeNumbered } from './test-files';

const assistant = makeActor('assistant');
const staff = makeActor('staff');
const supervisor = makeActor('supervisor');
const random = sequentialRandom('m');
const now = new Date('2001-03-10T08:00:00.000Z');

const base = makeNumbered(1);
const ours = recordChange(
	base,
	{ description: '我方：锁芯更换' },
	[{ kind: 'field', field: 'description', from: base.description, to: '我方：锁芯更换' }],
	assistant,
	new Date('2001-03-08T01:00:00.000Z'),
	sequentialRandom('a')
);
const theirs = appendLongText(
	recordChange(
		base,
		{ userStatus: 'KCJS', isUrgent: true },
		[{ kind: 'userStatus', from: 'TZJL', to: 'KCJS' }],
		staff,
		new Date('2001-03-08T02:00:00.000Z'),
		sequentialRandom('b')
	),
	'现场勘察：抽屉锁损坏',
	staff,
	new Date('2001-03-08T03:00:00.000Z'),
	sequentialRandom('c')
);

function fileOf(name: string, notifications: Notification[], centre = '4002'): ValidatedFile {
	return {
		name,
		sourceVersion: 1,
		header: {
			format: 'shouhou-exchange',
			formatVersion: 1,
			appVersion: 'test',
			centre: { code: centre, name: centre },
			device: '02',
			exportedAt: TEST_EXPORTED_AT,
			counts: { notifications: notifications.length, masterData: 0 }
		},
		configuration: defaultConfiguration,
		masterData: [],
		notifications
	};
}

const previewOf = (incoming: Notification, stored: Notification, centreCode = '4002') =>
	previewImport(
		[fileOf('b.json', [incoming], incoming.centre)],
		{ notifications: new Map([[stored.number, stored]]), masterData: new Map() },
		{ centreCode, configuration: defaultConfiguration }
	);

describe('mergedRevision', () => {
	it('descends from both sides, one generation past both', () => {
		const merged = mergedRevision(ours.revision, theirs.revision, () => 'x');
		expect(merged.rev).toBe('4-x');
		expect(merged.ancestry).toEqual(
			expect.arrayContaining([ours.revision.rev, theirs.revision.rev, '1-seed'])
		);
		expect(compareRevisions(ours.revision, merged)).toBe('theirsNewer');
		expect(compareRevisions(theirs.revision, merged)).toBe('theirsNewer');
	});
});

describe('resolveConflict', () => {
	it('keepMine: our fields win, their history and long text are kept, the loser is recorded', () => {
		expect(compareRevisions(ours.revision, theirs.revision)).toBe('conflict');
		const merged = resolveConflict(ours, theirs, 'keepMine', { actor: supervisor, now, random });
		expect(merged.description).toBe('我方：锁芯更换');
		expect(merged.userStatus).toBe('TZJL');
		expect(merged.longText.map((e) => e.text)).toEqual(['现场勘察：抽屉锁损坏']);
		expect(merged.history.map((e) => e.kind)).toEqual([
			'created',
			'field',
			'userStatus',
			'longText',
			'conflict'
		]);
		const entry = merged.history.at(-1);
		expect(entry).toMatchObject({
			kind: 'conflict',
			actor: supervisor,
			at: now.toISOString(),
			from: theirs.revision.rev
		});
		expect(JSON.parse(entry?.to ?? '')).toEqual({
			description: base.description,
			userStatus: 'KCJS',
			isUrgent: true
		});
		expect(merged.revision.ancestry).toEqual(
			expect.arrayContaining([ours.revision.rev, theirs.revision.rev])
		);
	});

	it('takeTheirs: their fields win, our change is recorded as the loser', () => {
		const merged = resolveConflict(ours, theirs, 'takeTheirs', { actor: supervisor, now, random });
		expect(merged).toMatchObject({
			userStatus: 'KCJS',
			isUrgent: true,
			description: base.description
		});
		expect(merged.history.at(-1)).toMatchObject({ kind: 'conflict', from: ours.revision.rev });
		expect(JSON.parse(merged.history.at(-1)?.to ?? '')).toEqual({
			description: '我方：锁芯更换',
			isUrgent: false,
			userStatus: 'TZJL'
		});
		expect(merged.history.filter((e) => e.kind === 'field')).toHaveLength(1);
	});

	it('keeps the summary short', () => {
		const long = { ...theirs, reporter: 'x'.repeat(5000) };
		expect(conflictSummary(long, ours).length).toBeLessThanOrEqual(2000);
	});
});

describe('planImport', () => {
	it('refuses while a conflict is undecided, then resolves all or per number', () => {
		const preview = previewOf(theirs, ours);
		expect(preview.notifications[0]?.status).toBe('conflict');
		expect(planImport(preview, {}, { actor: supervisor, now })).toEqual({
			ok: false,
			errors: [
				{
					file: 'b.json',
					record: { kind: 'notification', key: base.number },
					code: 'unresolvedConflict',
					params: {}
				}
			]
		});
		const all = planImport(preview, { all: 'keepMine' }, { actor: supervisor, now });
		expect(all.ok && all.plan.notifications[0]?.record.description).toBe('我方：锁芯更换');
		const one = planImport(
			preview,
			{ all: 'keepMine', byNumber: { [base.number]: 'takeTheirs' } },
			{ actor: supervisor, now }
		);
		expect(one.ok && one.plan.notifications[0]).toMatchObject({
			expected: ours.revision.rev,
			record: { userStatus: 'KCJS' }
		});
	});

	it('never gives another centre’s record a new revision: it stores one side as it is', () => {
		const foreignOurs = { ...ours, number: '4003-01-000001', centre: '4003' };
		const foreignTheirs = { ...theirs, number: '4003-01-000001', centre: '4003' };
		const preview = previewOf(foreignTheirs, foreignOurs, 'HQ01');
		expect(preview.notifications[0]).toMatchObject({ status: 'conflict', isForeign: true });
		const take = planImport(preview, { all: 'takeTheirs' }, { actor: supervisor, now });
		expect(take.ok && take.plan.notifications.map((p) => p.record)).toEqual([foreignTheirs]);
		const keep = planImport(preview, { all: 'keepMine' }, { actor: supervisor, now });
		expect(keep.ok && keep.plan.notifications).toEqual([]);
	});

	it('writes new and newer records, skips unchanged ones', () => {
		const newer = recordChange(ours, { isUrgent: true }, [], assistant, now, random);
		const preview = previewImport(
			[fileOf('a.json', [newer, makeNumbered(2), { ...ours, number: '4002-01-000003' }])],
			{
				notifications: new Map([
					[ours.number, ours],
					['4002-01-000003', { ...ours, number: '4002-01-000003' }]
				]),
				masterData: new Map()
			},
			{ centreCode: '4002', configuration: defaultConfiguration }
		);
		const planned = planImport(preview, {}, { actor: assistant, now });
		expect(
			planned.ok && planned.plan.notifications.map((p) => [p.record.number, p.expected])
		).toEqual([
			[ours.number, ours.revision.rev],
			['4002-01-000002', null]
		]);
	});
});
