import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { readListRowsByPlan } from './list-rows';
import { ListIndex } from '../domain/list-index';
import { indexPlan } from '../domain/list-plan';
import { searchable, type ListRow } from '../domain/list-row';
import { DEFAULT_SORT, emptySelection, type ListSelection } from '../domain/list-selection';
import { SYSTEM_STATUSES } from '../domain/notification';

const TODAY = '2001-03-09';
const CENTRES = ['4002', '4003'];
const PEOPLE = ['201', '202', '203'];
const WORK_CENTRES = ['SH01', 'SH02'];
const USER_STATUSES = ['TZJL', 'KCJS', 'ZGPZ'];
const ENDS = ['', '2001-03-01', '2001-03-08', '2001-03-09', '2001-03-10', '2001-04-01'];

const rowArbitrary = fc.record({
	centre: fc.constantFrom(...CENTRES),
	systemStatus: fc.constantFrom(...SYSTEM_STATUSES),
	userStatus: fc.constantFrom(...USER_STATUSES),
	responsible: fc.constantFrom(...PEOPLE),
	mainWorkCentre: fc.constantFrom(...WORK_CENTRES),
	requiredEnd: fc.constantFrom(...ENDS),
	urgent: fc.constantFrom<0 | 1>(0, 1)
});

const selectionArbitrary = fc.record({
	centre: fc.constantFrom('', ...CENTRES),
	statuses: fc.subarray([...SYSTEM_STATUSES]),
	userStatuses: fc.subarray(USER_STATUSES),
	responsible: fc.constantFrom('', ...PEOPLE),
	workCentre: fc.constantFrom('', ...WORK_CENTRES),
	endFrom: fc.constantFrom('', ...ENDS),
	endTo: fc.constantFrom('', ...ENDS),
	overdue: fc.boolean(),
	urgent: fc.boolean()
});

function listRow(sequence: number, fields: Partial<ListRow>): ListRow {
	return {
		number: `4002-01-${String(sequence).padStart(6, '0')}`,
		centre: '4002',
		type: 'Z1',
		description: '活动柜锁坏',
		systemStatus: 'OSNO',
		userStatus: 'TZJL',
		shipTo: '27',
		soldTo: '27',
		functionalLocation: '',
		requiredStart: '2001-03-01',
		requiredEnd: '2001-03-08',
		mainWorkCentre: 'SH01',
		responsible: '202',
		urgent: 0,
		printed: 0,
		dispatched: 0,
		createdAt: '2001-03-01T01:00:00.000Z',
		completedAt: '',
		postponedUntil: '',
		text: searchable('活动柜锁坏'),
		...fields
	};
}

beforeEach(async () => {
	await db.delete();
	await db.open();
});

afterEach(() => db.close());

describe('list rows read by the compound indexes (v7)', () => {
	it('finds by key range exactly what the in-memory selection finds over every row', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(rowArbitrary, { minLength: 1, maxLength: 60 }),
				selectionArbitrary,
				async (fields, criteria) => {
					const rows = fields.map((field, i) => listRow(i + 1, field));
					await db.listRows.clear();
					await db.listRows.bulkPut(rows);
					const selection: ListSelection = { ...emptySelection(), ...criteria };
					const all = new ListIndex();
					all.upsert(rows);
					const expected = all.select(selection, DEFAULT_SORT, TODAY);

					const plan = indexPlan(selection, TODAY);
					if (!plan) return;
					const read = await readListRowsByPlan(plan, 1000);
					expect(read).toBeDefined();
					const found = new ListIndex();
					found.upsert(read!);
					expect(found.select(selection, DEFAULT_SORT, TODAY)).toEqual(expected);
				}
			),
			{ numRuns: 150, seed: 20261203 }
		);
	});

	it('reads nothing when the ranges hold more rows than the limit', async () => {
		await db.listRows.bulkPut(
			Array.from({ length: 30 }, (_, i) => listRow(i + 1, { responsible: '202' }))
		);
		const plan = indexPlan({ ...emptySelection(), responsible: '202' }, TODAY)!;
		expect(await readListRowsByPlan(plan, 29)).toBeUndefined();
		expect(await readListRowsByPlan(plan, 30)).toHaveLength(30);
	});
});
