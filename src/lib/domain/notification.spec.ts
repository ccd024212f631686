import { describe, expect, it } from 'vitest';
import {
	appendLongText,
	applyFieldChanges,
	changedFields,
	createNotification,
	emptyFields,
	emptyItem,
	fieldsOf,
	notificationFieldsSchema,
	notificationSchema,
	partnersOf,
	recordChange,
	type NotificationFields
} from './notification';
import {
	TEST_CREATED_AT,
	TEST_NOW,
	makeActor,
	makeFields,
	makeItem,
	makeNotification
} from './test-factories';
import { toFieldIssues, type FieldIssue } from './validation';

const assistant = makeActor('assistant');
const staff = makeActor('staff');
const NOW_ISO = TEST_NOW.toISOString();

function issuesOf(fields: NotificationFields): Pick<FieldIssue, 'path' | 'code' | 'params'>[] {
	const result = notificationFieldsSchema.safeParse(fields);
	return result.success ? [] : toFieldIssues(result.error);
}

describe('createNotification', () => {
	it('makes an outstanding notification in its initial user status with a "created" entry', () => {
		const fields = makeFields();
		const notification = createNotification(fields, {
			number: '4002-01-000021',
			centre: '4002',
			initialUserStatus: 'TZJL',
			actor: assistant,
			now: TEST_CREATED_AT
		});
		const at = TEST_CREATED_AT.toISOString();
		expect(notification).toEqual({
			...fields,
			number: '4002-01-000021',
			centre: '4002',
			userStatus: 'TZJL',
			systemStatus: 'OSNO',
			isPrinted: false,
			userStatusDates: { TZJL: at },
			longText: [],
			history: [{ at, actor: assistant, kind: 'created', to: '4002-01-000021' }],
			createdAt: at,
			createdBy: assistant,
			changedAt: at,
			revision: { rev: expect.stringMatching(/^1-[0-9a-f]{32}$/), ancestry: [] }
		});
		expect(notificationSchema.parse(notification)).toEqual(notification);
	});

	it('issue 8.13: makes long text typed while creating the first entry, stamped like any other', () => {
		const notification = createNotification(makeFields(), {
			number: '4002-01-000021',
			centre: '4002',
			initialUserStatus: 'TZJL',
			actor: assistant,
			now: TEST_CREATED_AT,
			longText: '  活动柜被反锁，抽屉打不开。  '
		});
		const at = TEST_CREATED_AT.toISOString();
		expect(notification.longText).toEqual([
			{ at, author: assistant, text: '活动柜被反锁，抽屉打不开。' }
		]);
		expect(notification.history.map((entry) => entry.kind)).toEqual(['created', 'longText']);
		expect(notificationSchema.parse(notification)).toEqual(notification);
		expect(
			createNotification(makeFields(), {
				number: '4002-01-000022',
				centre: '4002',
				initialUserStatus: 'TZJL',
				actor: assistant,
				now: TEST_CREATED_AT,
				longText: '   '
			}).longText
		).toEqual([]);
	});

	it('derives the first revision from the content: same content, same id; other content, other id', () => {
		const context = {
			number: '4002-01-000022',
			centre: '4002',
			initialUserStatus: 'TZJL',
			actor: assistant,
			now: TEST_CREATED_AT
		};
		const a = createNotification(makeFields(), context);
		const b = createNotification(makeFields(), context);
		const c = createNotification(makeFields({ description: '抽屉锁坏' }), context);
		expect(a.revision.rev).toBe(b.revision.rev);
		expect(c.revision.rev).not.toBe(a.revision.rev);
	});
});

describe('recordChange', () => {
	it('stamps the time, adds the entries with the actor and gives the next revision', () => {
		const before = makeNotification();
		const after = recordChange(
			before,
			{ isUrgent: true },
			[{ kind: 'field', field: 'isUrgent', from: 'false', to: 'true' }],
			staff,
			TEST_NOW
		);
		expect(after.isUrgent).toBe(true);
		expect(after.changedAt).toBe(NOW_ISO);
		expect(after.history.at(-1)).toEqual({
			at: NOW_ISO,
			actor: staff,
			kind: 'field',
			field: 'isUrgent',
			from: 'false',
			to: 'true'
		});
		expect(after.revision).toEqual({
			rev: expect.stringMatching(/^2-[0-9a-f]{32}$/),
			ancestry: [before.revision.rev]
		});
		expect(after.fieldRevs).toEqual({ isUrgent: after.revision.rev });
		expect(before.isUrgent).toBe(false);
	});
});

describe('applyFieldChanges', () => {
	it('records one history entry per changed field, from → to', () => {
		const before = makeNotification();
		const fields = makeFields({
			description: '抽屉锁坏',
			requiredEnd: '2001-03-10',
			isUrgent: true
		});
		const after = applyFieldChanges(before, fields, staff, TEST_NOW);
		expect(after.history.slice(1)).toEqual([
			{
				at: NOW_ISO,
				actor: staff,
				kind: 'field',
				field: 'description',
				from: '活动柜锁坏',
				to: '抽屉锁坏'
			},
			{
				at: NOW_ISO,
				actor: staff,
				kind: 'field',
				field: 'requiredEnd',
				from: '2001-03-08',
				to: '2001-03-10'
			},
			{ at: NOW_ISO, actor: staff, kind: 'field', field: 'isUrgent', from: 'false', to: 'true' }
		]);
		expect(after.revision.ancestry).toEqual([before.revision.rev]);
		expect(fieldsOf(after)).toEqual(fields);
	});

	it('shows structured fields (items) as JSON in the history', () => {
		const before = makeNotification();
		const items = [makeItem(), makeItem({ materialQuantity: '100057,2' })];
		const after = applyFieldChanges(before, makeFields({ items }), staff, TEST_NOW);
		const entry = after.history.at(-1);
		expect(entry?.field).toBe('items');
		expect(JSON.parse(entry?.to ?? '')).toEqual(items);
	});

	it('returns the same notification, without a new revision, when nothing changed', () => {
		const before = makeNotification();
		expect(applyFieldChanges(before, fieldsOf(before), staff, TEST_NOW)).toBe(before);
	});
});

describe('fieldsOf and changedFields', () => {
	it('copies the form fields, so editing them leaves the notification alone', () => {
		const notification = makeNotification();
		const fields = fieldsOf(notification);
		fields.items[0]!.materialQuantity = '1,1';
		expect(notification.items[0]?.materialQuantity).toBe('100056,1');
		expect(Object.keys(fields).sort()).toEqual(Object.keys(notificationFieldsSchema.shape).sort());
	});

	it('names the fields that differ', () => {
		const before = makeFields();
		expect(changedFields(before, makeFields())).toEqual([]);
		expect(changedFields(before, makeFields({ reporter: '李强', items: [] }))).toEqual([
			'reporter',
			'items'
		]);
	});
});

describe('appendLongText', () => {
	it('appends entries stamped with author and time; earlier ones never change', () => {
		const first = appendLongText(
			makeNotification(),
			'活动柜被反锁，抽屉打不开。',
			staff,
			TEST_CREATED_AT
		);
		const second = appendLongText(first, '抽屉锁缺货、请购。', assistant, TEST_NOW);
		expect(second.longText).toEqual([
			{ at: TEST_CREATED_AT.toISOString(), author: staff, text: '活动柜被反锁，抽屉打不开。' },
			{ at: NOW_ISO, author: assistant, text: '抽屉锁缺货、请购。' }
		]);
		expect(second.longText[0]).toEqual(first.longText[0]);
		expect(second.history.at(-1)).toMatchObject({ kind: 'longText', to: '抽屉锁缺货、请购。' });
		expect(second.revision.ancestry).toEqual([first.revision.rev, ...first.revision.ancestry]);
	});

	it('trims the text and refuses an empty or too long entry', () => {
		expect(appendLongText(makeNotification(), '  请购  ', staff, TEST_NOW).longText[0]?.text).toBe(
			'请购'
		);
		expect(() => appendLongText(makeNotification(), '   ', staff, TEST_NOW)).toThrow();
		expect(() => appendLongText(makeNotification(), '长'.repeat(4001), staff, TEST_NOW)).toThrow();
	});
});

describe('notificationFieldsSchema messages', () => {
	it('accepts the seed example', () => {
		expect(issuesOf(makeFields())).toEqual([]);
	});

	it('requires a description of at most 40 characters', () => {
		expect(issuesOf(makeFields({ description: '' }))).toEqual([
			{ path: 'description', code: 'required', params: {} }
		]);
		expect(issuesOf(makeFields({ description: '   ' }))).toEqual([
			{ path: 'description', code: 'required', params: {} }
		]);
		expect(issuesOf(makeFields({ description: '锁'.repeat(40) }))).toEqual([]);
		expect(issuesOf(makeFields({ description: '锁'.repeat(41) }))).toEqual([
			{ path: 'description', code: 'tooLong', params: { max: 40 } }
		]);
	});

	describe('issue 8.7: limits count characters (code points), not UTF-16 units', () => {
		const rare = '𠀀𪚥𰻞';

		it('keeps a 38-character description with three characters outside the basic plane', () => {
			const description = `${'锁'.repeat(35)}${rare}`;
			expect(description.length).toBe(41);
			const parsed = notificationFieldsSchema.parse(makeFields({ description }));
			expect(parsed.description).toBe(description);
		});

		it('takes forty such characters in a description and refuses the forty-first', () => {
			expect(issuesOf(makeFields({ description: '𠀀'.repeat(40) }))).toEqual([]);
			expect(issuesOf(makeFields({ description: '𠀀'.repeat(41) }))).toEqual([
				{ path: 'description', code: 'tooLong', params: { max: 40 } }
			]);
		});

		it('counts every other text limit of the form in characters too', () => {
			expect(
				issuesOf(makeFields({ reporter: '𪚥'.repeat(40), poNumber: '𪚥'.repeat(20) }))
			).toEqual([]);
			expect(issuesOf(makeFields({ items: [makeItem({ reasonText: '𰻞'.repeat(41) })] }))).toEqual([
				{ path: 'items.0.reasonText', code: 'tooLong', params: { max: 40 } }
			]);
		});

		it('takes a long-text entry of 4,000 characters and refuses 10,000 instead of cutting it', () => {
			const notification = makeNotification();
			const entry = appendLongText(notification, '𠀀'.repeat(4000), assistant, TEST_NOW);
			expect(entry.longText.at(-1)?.text).toBe('𠀀'.repeat(4000));
			expect(() => appendLongText(notification, 'x'.repeat(10_000), assistant, TEST_NOW)).toThrow();
		});
	});

	it('refuses a required end before the required start', () => {
		expect(
			issuesOf(makeFields({ requiredStart: '2001-03-08', requiredEnd: '2001-03-07' }))
		).toEqual([{ path: 'requiredEnd', code: 'endBeforeStart', params: {} }]);
		expect(
			issuesOf(makeFields({ requiredStart: '2001-03-07', requiredEnd: '2001-03-07' }))
		).toEqual([]);
	});

	it('refuses a day that does not exist', () => {
		expect(issuesOf(makeFields({ requiredStart: '2001-02-30' }))).toEqual([
			{ path: 'requiredStart', code: 'invalidDate', params: {} }
		]);
		expect(issuesOf(makeFields({ poDate: '2001-13-01' }))).toEqual([
			{ path: 'poDate', code: 'invalidDate', params: {} }
		]);
		expect(issuesOf(makeFields({ requiredEnd: '' }))).toEqual([
			{ path: 'requiredEnd', code: 'required', params: {} }
		]);
	});

	it('wants an item text as "material no.,quantity"', () => {
		for (const text of ['100056,1', '100056, 2', 'A-7,1.5']) {
			expect(issuesOf(makeFields({ items: [makeItem({ materialQuantity: text })] }))).toEqual([]);
		}
		for (const text of ['100056', '100056,', ',1', '100056,x']) {
			expect(issuesOf(makeFields({ items: [makeItem({ materialQuantity: text })] }))).toEqual([
				{ path: 'items.0.materialQuantity', code: 'pattern', params: {} }
			]);
		}
	});

	it('names every required field of an empty form', () => {
		const paths = issuesOf(emptyFields({ items: [emptyItem()] })).map(
			(issue) => `${issue.path} ${issue.code}`
		);
		expect(paths).toEqual([
			'description required',
			'shipTo required',
			'soldTo required',
			'requiredStart required',
			'requiredEnd required',
			'mainWorkCentre required',
			'responsible required',
			'salesOrg required',
			'salesOffice required',
			'items.0.productCategory required',
			'items.0.materialQuantity required'
		]);
	});

	it('checks the type code and reference number patterns', () => {
		expect(issuesOf(makeFields({ type: 'z1' }))).toEqual([
			{ path: 'type', code: 'pattern', params: {} }
		]);
		expect(issuesOf(makeFields({ referenceNumber: '1000004' }))).toEqual([
			{ path: 'referenceNumber', code: 'pattern', params: {} }
		]);
		expect(issuesOf(makeFields({ referenceNumber: '4002-01-000004' }))).toEqual([]);
	});
});

describe('partnersOf', () => {
	it('gives SH ship-to, SP sold-to and VW person responsible', () => {
		expect(partnersOf(makeFields({ shipTo: '27', soldTo: '31', responsible: '202' }))).toEqual([
			{ function: 'SH', partner: '27' },
			{ function: 'SP', partner: '31' },
			{ function: 'VW', partner: '202' }
		]);
	});
});

describe('emptyFields', () => {
	it('starts a Z1 form with the seed defaults, overridable', () => {
		expect(emptyFields()).toMatchObject({
			type: 'Z1',
			distributionChannel: '10',
			division: '02',
			businessArea: '1002',
			isUrgent: false,
			route: 'local',
			items: []
		});
		expect(emptyFields({ salesOffice: '4002' }).salesOffice).toBe('4002');
	});
});
