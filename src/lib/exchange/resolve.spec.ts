import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../domain/configuration';
import { appendLongText, recordChange, type Notification } from '../domain/notification';
import { compareRevisions } from '../domain/revision';
import { transition, type NotificationAction } from '../domain/status/engine';
import { makeActor } from '../domain/test-factories';
import { FORMAT_VERSION, type ValidatedFile } from './format';
import { previewImport, type PreviewContext } from './preview';
import { planImport, type Decisions, type ResolveContext } from './resolve';
import { TEST_EXPORTED_AT, makeNumbered } from './test-files';

const assistant = makeActor('assistant');
const staff = makeActor('staff');
const supervisor = makeActor('supervisor');
const now = new Date('2001-03-10T08:00:00.000Z');
const resolveContext: ResolveContext = {
	actor: supervisor,
	now,
	configuration: defaultConfiguration
};

const base = makeNumbered(1);

/** One user action on a copy, as the app applies it (the engine, with its history entries). */
function act(
	notification: Notification,
	action: NotificationAction,
	at: string,
	actor = staff
): Notification {
	const result = transition(notification, action, actor, defaultConfiguration, new Date(at));
	if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
	return result.notification;
}

const setDescription = (n: Notification, description: string, at: string) =>
	act(n, { kind: 'edit', fields: { ...n, description } }, at);

/** The desk changes the description; the tablet sets KCJS and adds a long-text entry. */
const desk = setDescription(base, '我方：锁芯更换', '2001-03-08T01:00:00.000Z');
const tablet = appendLongText(
	act(base, { kind: 'setUserStatus', code: 'KCJS' }, '2001-03-08T02:00:00.000Z'),
	'现场勘察：抽屉锁损坏',
	staff,
	new Date('2001-03-08T03:00:00.000Z')
);

function fileOf(name: string, notifications: Notification[], centre = '4002'): ValidatedFile {
	return {
		name,
		sourceVersion: 2,
		header: {
			format: 'shouhou-exchange',
			formatVersion: FORMAT_VERSION,
			appVersion: 'test',
			centre: { code: centre, name: centre },
			device: '02',
			exportedAt: TEST_EXPORTED_AT,
			counts: { notifications: notifications.length, masterData: 0, records: 0 }
		},
		configuration: defaultConfiguration,
		masterData: [],
		notifications,
		records: [],
		images: []
	};
}

function contextOf(overrides: Partial<PreviewContext> = {}): PreviewContext {
	return {
		centreCode: '4002',
		deviceCodes: ['01'],
		configuration: defaultConfiguration,
		usedDeviceCodes: [],
		...overrides
	};
}

const previewOf = (
	incoming: Notification[],
	stored: Notification[],
	overrides: Partial<PreviewContext> = {}
) =>
	previewImport(
		[fileOf('b.json', incoming, incoming[0]?.centre)],
		{ notifications: new Map(stored.map((n) => [n.number, n])), masterData: new Map() },
		contextOf(overrides)
	);

/** The one record a plan writes for the first entry. */
function mergedOf(
	incoming: Notification,
	stored: Notification,
	decisions: Decisions = {},
	context = resolveContext
): Notification {
	const planned = planImport(previewOf([incoming], [stored]), decisions, context);
	if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
	const record = planned.plan.notifications[0]?.record;
	if (!record) throw new Error('nothing planned');
	return record;
}

/** A record without the notes of how an exchange settled it (they differ per device). */
function withoutNotes(record: Notification): Notification {
	return {
		...record,
		history: record.history.filter((e) => e.kind !== 'merge' && e.kind !== 'conflict')
	};
}

describe('planImport: changes to different fields merge without a question', () => {
	it('takes the description from one copy and the status and long text from the other', () => {
		const preview = previewOf([tablet], [desk]);
		expect(preview.notifications[0]).toMatchObject({ status: 'merged' });
		expect(preview.notifications[0]?.differences?.map((d) => [d.unit, d.decision])).toEqual([
			['description', 'ours'],
			['status', 'theirs']
		]);
		const merged = mergedOf(tablet, desk);
		expect(merged).toMatchObject({ description: '我方：锁芯更换', userStatus: 'KCJS' });
		expect(merged.longText.map((e) => e.text)).toEqual(['现场勘察：抽屉锁损坏']);
		expect(merged.history.map((e) => e.kind)).toEqual([
			'created',
			'field',
			'userStatus',
			'longText',
			'merge'
		]);
		expect(merged.history.at(-1)).toMatchObject({ field: 'status', actor: supervisor });
		expect(compareRevisions(desk.revision, merged.revision)).toBe('theirsNewer');
		expect(compareRevisions(tablet.revision, merged.revision)).toBe('theirsNewer');
	});

	it('both devices merging the same pair reach the same revision and content', () => {
		const onDesk = mergedOf(tablet, desk);
		const onTablet = mergedOf(desk, tablet, {}, { ...resolveContext, actor: staff });
		expect(onTablet.revision).toEqual(onDesk.revision);
		expect(withoutNotes(onTablet)).toEqual(withoutNotes(onDesk));
	});

	it('merges the printed flag (NOPT) with a survey on the other side', () => {
		const printed = act(desk, { kind: 'markPrinted' }, '2001-03-08T04:00:00.000Z');
		const merged = mergedOf(tablet, printed);
		expect(merged).toMatchObject({ isPrinted: true, userStatus: 'KCJS' });
	});

	it('a change on top of a merge reaches the other copy as newer', () => {
		const merged = mergedOf(tablet, desk);
		const later = act(
			merged,
			{ kind: 'edit', fields: { ...merged, requiredEnd: '2001-03-20' } },
			'2001-03-11T01:00:00.000Z'
		);
		expect(previewOf([later], [merged]).notifications[0]?.status).toBe('theirsNewer');
		expect(previewOf([merged], [later]).notifications[0]?.status).toBe('unchanged');
	});
});

describe('planImport: one field changed to different values on both sides', () => {
	const other = setDescription(base, '对方：客户改约时间', '2001-03-08T05:00:00.000Z');

	it('asks about that field only and refuses while it is undecided', () => {
		const both = appendLongText(other, '对方补充', staff, new Date('2001-03-08T06:00:00.000Z'));
		const preview = previewOf([both], [desk]);
		expect(preview.notifications[0]).toMatchObject({
			status: 'conflict',
			conflicts: ['description']
		});
		expect(planImport(preview, {}, resolveContext)).toEqual({
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
	});

	it('settles per field, per number or for all; the value not kept is in the history', () => {
		const kept = mergedOf(other, desk, { all: 'keepMine' });
		expect(kept.description).toBe('我方：锁芯更换');
		expect(kept.history.at(-1)).toMatchObject({
			kind: 'conflict',
			field: 'description',
			from: '对方：客户改约时间',
			to: '我方：锁芯更换',
			actor: supervisor
		});
		const taken = mergedOf(other, desk, {
			all: 'keepMine',
			byField: { [base.number]: { description: 'takeTheirs' } }
		});
		expect(taken.description).toBe('对方：客户改约时间');
		const byNumber = mergedOf(other, desk, { byNumber: { [base.number]: 'takeTheirs' } });
		expect(byNumber.description).toBe('对方：客户改约时间');
	});

	it('two devices settling it the opposite ways to the same content reach the same revision', () => {
		const onDesk = mergedOf(other, desk, { all: 'keepMine' });
		const onTablet = mergedOf(
			desk,
			other,
			{ all: 'takeTheirs' },
			{ ...resolveContext, actor: staff, now: new Date('2001-03-10T09:00:00.000Z') }
		);
		expect(onTablet.revision.rev).toBe(onDesk.revision.rev);
		expect(withoutNotes(onTablet)).toEqual(withoutNotes(onDesk));
		// Meeting again: the same revision, each learns the other's note, no question.
		const preview = previewOf([onTablet], [onDesk]);
		expect(preview.notifications[0]).toMatchObject({
			status: 'unchanged',
			relation: 'same',
			joinsNotes: true
		});
		const planned = planImport(preview, {}, resolveContext);
		const joined = planned.ok ? planned.plan.notifications[0]?.record : undefined;
		expect(joined?.revision.rev).toBe(onDesk.revision.rev);
		expect(joined?.history.filter((e) => e.kind === 'conflict')).toHaveLength(2);
	});

	it('after settling opposite ways, a later change on one device is newer on the other', () => {
		const onDesk = mergedOf(other, desk, { all: 'keepMine' });
		const onTablet = mergedOf(desk, other, { all: 'takeTheirs' });
		const later = act(
			onDesk,
			{ kind: 'edit', fields: { ...onDesk, requiredEnd: '2001-03-20' } },
			'2001-03-11T01:00:00.000Z'
		);
		expect(previewOf([later], [onTablet]).notifications[0]?.status).toBe('theirsNewer');
	});

	it('asks about the status when the desk completed while the tablet set KCJS', () => {
		const completed = act(
			act(base, { kind: 'putInProcess' }, '2001-03-08T01:00:00.000Z'),
			{ kind: 'complete', at: '2001-03-08T01:30:00.000Z' },
			'2001-03-08T01:30:00.000Z',
			supervisor
		);
		const preview = previewOf([tablet], [completed]);
		expect(preview.notifications[0]).toMatchObject({ status: 'conflict', conflicts: ['status'] });
	});

	it('asks about every differing field when the automatic merge breaks a rule', () => {
		const later = act(
			base,
			{ kind: 'edit', fields: { ...base, requiredStart: '2001-03-08' } },
			'2001-03-08T01:00:00.000Z'
		);
		const earlier = act(
			base,
			{ kind: 'edit', fields: { ...base, requiredEnd: '2001-03-07' } },
			'2001-03-08T02:00:00.000Z'
		);
		// Separately each is valid; merged, the end would lie before the start.
		const preview = previewOf([earlier], [later]);
		expect(preview.notifications[0]).toMatchObject({ status: 'conflict' });
		expect(preview.notifications[0]?.conflicts).toEqual(['requiredEnd', 'requiredStart']);
	});

	it('head office never makes a revision of another centre’s record: it keeps the copy further along', () => {
		const foreignDesk = { ...desk, number: '4003-01-000001', centre: '4003' };
		const foreignTablet = { ...tablet, number: '4003-01-000001', centre: '4003' };
		const preview = previewOf([foreignTablet], [foreignDesk], { centreCode: 'HQ01' });
		expect(preview.notifications[0]).toMatchObject({ status: 'diverged', isForeign: true });
		const planned = planImport(preview, {}, resolveContext);
		// The tablet's copy is two changes on (status, long text), the desk's one.
		expect(planned.ok && planned.plan.notifications.map((p) => p.record)).toEqual([foreignTablet]);
		const back = planImport(
			previewOf([foreignDesk], [foreignTablet], { centreCode: 'HQ01' }),
			{},
			resolveContext
		);
		expect(back.ok && back.plan.notifications).toEqual([]);
	});
});

describe('planImport: two records under one number (number collision)', () => {
	// The wiped device was set up again as 4002/01 and created a new notification…
	const fresh = makeNumbered(1, {
		description: '新客户：沙发异响',
		createdAt: '2001-04-01T01:00:00.000Z'
	});
	const freshRecord = { ...fresh, revision: { rev: '1-fresh', ancestry: [] } };
	// …before importing its old backup with another notification under the same number.
	const old = base;

	it('the device whose range it is keeps both: the first created keeps the number', () => {
		const preview = previewOf([old], [freshRecord], { usedDeviceCodes: ['01', '02'] });
		expect(preview.notifications[0]).toMatchObject({
			status: 'collision',
			collision: { keeper: 'theirs', renumbersHere: true }
		});
		expect(preview.newDeviceCode).toBe('03');
		const planned = planImport(preview, {}, resolveContext);
		if (!planned.ok) throw new Error('refused');
		expect(planned.plan.moveDevice).toEqual({ deviceCode: '03', sequence: 1 });
		const [kept, moved] = planned.plan.notifications;
		expect(kept).toMatchObject({
			expected: '1-fresh',
			record: { number: base.number, description: old.description }
		});
		expect(kept?.record.history.at(-1)).toMatchObject({
			kind: 'numberCollision',
			from: base.number,
			to: '4002-03-000001'
		});
		expect(moved).toMatchObject({
			expected: null,
			record: {
				number: '4002-03-000001',
				description: '新客户：沙发异响',
				formerNumbers: [base.number]
			}
		});
		expect(moved?.record.history.at(-1)).toMatchObject({
			kind: 'renumbered',
			from: base.number,
			to: '4002-03-000001'
		});
		expect(moved?.record.revision.ancestry).toContain('1-fresh');
	});

	it('any other device keeps its copy, imports nothing for that number, and says so', () => {
		for (const overrides of [
			{ deviceCodes: ['02'] },
			{ centreCode: 'HQ01', deviceCodes: ['01'] }
		]) {
			const preview = previewOf([old], [freshRecord], overrides);
			expect(preview.notifications[0]).toMatchObject({
				status: 'collision',
				collision: { renumbersHere: false }
			});
			expect(preview.newDeviceCode).toBeUndefined();
			const planned = planImport(preview, {}, resolveContext);
			expect(planned.ok && planned.plan.notifications).toEqual([]);
		}
	});

	it('a record renumbered elsewhere moves: its old number is freed, the keeper takes it', () => {
		const planned = planImport(previewOf([old], [freshRecord]), {}, resolveContext);
		if (!planned.ok) throw new Error('refused');
		const [kept, moved] = planned.plan.notifications.map((p) => p.record);
		// Head office held the fresh record under the old number; the owner's file arrives.
		const atHeadOffice = previewOf([kept!, moved!], [freshRecord], { centreCode: 'HQ01' });
		expect(atHeadOffice.notifications.map((e) => [e.key, e.status])).toEqual([
			[base.number, 'new'],
			['4002-03-000001', 'moved']
		]);
		const written = planImport(atHeadOffice, {}, resolveContext);
		if (!written.ok) throw new Error('refused');
		expect(written.plan.notifications.map((p) => [p.record.number, p.expected])).toEqual([
			[base.number, '1-fresh'],
			['4002-03-000001', null]
		]);
		expect(written.plan.removals).toEqual([]);
		// Only the renumbered one arrives: the old number is removed in the same write.
		const alone = planImport(
			previewOf([moved!], [freshRecord], { centreCode: 'HQ01' }),
			{},
			resolveContext
		);
		expect(alone.ok && alone.plan.removals).toEqual([
			{ number: base.number, expected: '1-fresh', file: 'b.json' }
		]);
	});
});

describe('planImport', () => {
	it('writes new and newer records, skips unchanged ones', () => {
		const newer = recordChange(desk, { isUrgent: true }, [], assistant, now);
		const preview = previewImport(
			[fileOf('a.json', [newer, makeNumbered(2), { ...desk, number: '4002-01-000003' }])],
			{
				notifications: new Map([
					[desk.number, desk],
					['4002-01-000003', { ...desk, number: '4002-01-000003' }]
				]),
				masterData: new Map()
			},
			contextOf()
		);
		const planned = planImport(preview, {}, resolveContext);
		expect(
			planned.ok && planned.plan.notifications.map((p) => [p.record.number, p.expected])
		).toEqual([
			[desk.number, desk.revision.rev],
			['4002-01-000002', null]
		]);
	});
});
