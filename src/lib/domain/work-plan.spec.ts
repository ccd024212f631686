import { describe, expect, it } from 'vitest';
import { makeFields, makeNotification } from './test-factories';
import type { Notification } from './notification';
import {
	MAX_UNCONFIRMED_DAYS,
	buildWorkPlan,
	checkWorkPlanRange,
	partsToDraw,
	rangeText,
	type WorkPlan
} from './work-plan';
import { makeRecord } from './records/test-records';

const RANGE = { from: '2001-03-07', to: '2001-03-08' };

function open(number: string, overrides: Partial<Notification> = {}): Notification {
	return makeNotification({ ...makeFields(), number, ...overrides });
}

/** The plan as day → person → numbers, the shape a reader checks. */
function shape(plan: WorkPlan): Record<string, Record<string, string[]>> {
	return Object.fromEntries(
		plan.days.map((day) => [
			day.date,
			Object.fromEntries(
				day.groups.map((group) => [
					group.responsible,
					group.entries.map((entry) => entry.notification.number)
				])
			)
		])
	);
}

describe('work plan (ZSMR006)', () => {
	it('groups by day, then person responsible, urgent first, then required start', () => {
		const plan = buildWorkPlan(
			[
				open('4002-01-000001', { requiredStart: '2001-03-07', responsible: '203' }),
				open('4002-01-000002', { requiredStart: '2001-03-07', responsible: '202' }),
				open('4002-01-000003', { requiredStart: '2001-03-08', responsible: '202' }),
				open('4002-01-000004', {
					requiredStart: '2001-03-07',
					responsible: '202',
					isUrgent: true
				}),
				open('4002-01-000005', { requiredStart: '2001-03-05', responsible: '202' }),
				open('4002-01-000006', { requiredStart: '2001-03-07', responsible: '' })
			],
			RANGE
		);
		expect(shape(plan)).toEqual({
			'2001-03-07': {
				'202': ['4002-01-000004', '4002-01-000005', '4002-01-000002'],
				'203': ['4002-01-000001'],
				'': ['4002-01-000006']
			},
			'2001-03-08': { '202': ['4002-01-000003'] }
		});
		expect(plan.days.map((day) => day.date)).toEqual(['2001-03-07', '2001-03-08']);
		expect(plan.days[0]!.groups.map((group) => group.responsible)).toEqual(['202', '203', '']);
		expect(plan.count).toBe(6);
	});

	it('carries open work from before the range to its first day, marked as carried', () => {
		const plan = buildWorkPlan(
			[open('4002-01-000001', { requiredStart: '2001-02-20', requiredEnd: '2001-02-21' })],
			RANGE
		);
		const entry = plan.days[0]!.groups[0]!.entries[0]!;
		expect(entry.date).toBe('2001-03-07');
		expect(entry.isCarried).toBe(true);
	});

	it('puts a postponed notification on its new date, not its required start', () => {
		const postponed = (until: string) =>
			open('4002-01-000001', {
				requiredStart: '2001-03-01',
				systemStatus: 'NOPO',
				postponement: { reason: '客户出差', until }
			});
		const moved = buildWorkPlan([postponed('2001-03-08')], RANGE).days[0]!;
		expect(moved.date).toBe('2001-03-08');
		expect(moved.groups[0]!.entries[0]).toMatchObject({ isPostponed: true, isCarried: false });
		expect(buildWorkPlan([postponed('2001-03-09')], RANGE).count).toBe(0);
		const carried = buildWorkPlan([postponed('2001-03-02')], RANGE).days[0]!;
		expect(carried.date).toBe('2001-03-07');
		expect(carried.groups[0]!.entries[0]!.isCarried).toBe(true);
	});

	it('leaves out completed work and work that starts after the range', () => {
		const plan = buildWorkPlan(
			[
				open('4002-01-000001', {
					systemStatus: 'NOCO',
					completion: { at: '2001-03-07T08:00:00.000Z' }
				}),
				open('4002-01-000002', { requiredStart: '2001-03-09', requiredEnd: '2001-03-09' }),
				open('4002-01-000003', { systemStatus: 'NOPR' })
			],
			RANGE
		);
		expect(shape(plan)).toEqual({ '2001-03-07': { '202': ['4002-01-000003'] } });
	});

	it('checks the range: required, real days, not reversed, a year without asking', () => {
		const problem = (from: string, to: string) => {
			const check = checkWorkPlanRange({ from, to });
			return check.ok ? undefined : check.problem;
		};
		expect(problem('', '2001-03-08')).toEqual({ field: 'from', code: 'required' });
		expect(problem('2001-03-07', '')).toEqual({ field: 'to', code: 'required' });
		expect(problem('2001-02-30', '2001-03-08')).toEqual({ field: 'from', code: 'invalidDate' });
		expect(problem('2001-03-07', '2001-13-01')).toEqual({ field: 'to', code: 'invalidDate' });
		expect(problem('2001-03-08', '2001-03-07')).toEqual({ field: 'to', code: 'reversed' });
		expect(checkWorkPlanRange(RANGE)).toEqual({ ok: true, days: 2, needsConfirmation: false });
		expect(checkWorkPlanRange({ from: '2000-01-01', to: '2000-12-31' })).toEqual({
			ok: true,
			days: MAX_UNCONFIRMED_DAYS,
			needsConfirmation: false
		});
		expect(checkWorkPlanRange({ from: '2000-01-01', to: '2001-01-01' })).toMatchObject({
			ok: true,
			needsConfirmation: true
		});
	});

	it('writes the range as the seed writes dates', () => {
		expect(rangeText(RANGE)).toBe('2001/03/07–2001/03/08');
	});
});

describe('parts on the work plan (SM05)', () => {
	it('lists the lines of requisitions not yet drawn, with their notes', () => {
		const open = makeRecord('parts', {
			lines: [
				{ material: '100056', quantity: 1, note: '锁芯' },
				{ material: '200311', quantity: 2, note: '' }
			]
		});
		const drawn = makeRecord('parts', { isDrawn: true }, 2);
		expect(partsToDraw([drawn, open])).toEqual(['100056 ×1（锁芯）', '200311 ×2']);
		expect(partsToDraw([drawn])).toEqual([]);
	});
});
