import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListRow } from './list-row';
import { addDays, computeOverview, URGENT_LIST_LIMIT } from './overview';
import { emptyTally, localDay, tallyOf, tallyRow, type OverviewTally } from './overview-tally';
import { newestUrgent, overviewFromTally } from './tally-overview';

/** Wednesday 2 December 2026. */
const TODAY = '2026-12-02';

/** A local moment `days` from TODAY at an hour (the notification date is its local day). */
function at(days: number, hour: number): string {
	const [year, month, day] = addDays(TODAY, days).split('-').map(Number) as [
		number,
		number,
		number
	];
	return new Date(year, month - 1, day, hour, 17).toISOString();
}

/** A fixture row: every column the overview reads varies over a few values. */
const rowArbitrary = fc
	.record({
		centre: fc.constantFrom('4002', '4003'),
		type: fc.constantFrom('Z1', 'Z2'),
		systemStatus: fc.constantFrom('OSNO', 'NOPR', 'NOPO', 'NOCO' as const),
		userStatus: fc.constantFrom('TZJL', 'KCJS', 'DDBJ'),
		responsible: fc.constantFrom('', '202', '203'),
		requiredEnd: fc.oneof(fc.constant(''), fc.integer({ min: -20, max: 20 })),
		urgent: fc.constantFrom(0 as const, 1 as const),
		dispatched: fc.constantFrom(0 as const, 1 as const),
		created: fc.oneof(
			fc.constant('' as const),
			fc.constant('not a moment' as const),
			fc.constant('2026-11-20T10:00:00+08:00' as const),
			fc.tuple(fc.integer({ min: -120, max: 1 }), fc.integer({ min: 0, max: 23 }))
		),
		completed: fc.tuple(fc.integer({ min: -100, max: 0 }), fc.integer({ min: 0, max: 23 }))
	})
	.map((r): Omit<ListRow, 'number'> => ({
		centre: r.centre,
		type: r.type,
		description: '活动柜锁坏',
		systemStatus: r.systemStatus,
		userStatus: r.userStatus,
		shipTo: '27',
		soldTo: '27',
		functionalLocation: '',
		requiredStart: '',
		requiredEnd: r.requiredEnd === '' ? '' : addDays(TODAY, r.requiredEnd),
		mainWorkCentre: 'S4002',
		responsible: r.responsible,
		urgent: r.urgent,
		printed: 0,
		dispatched: r.dispatched,
		createdAt: typeof r.created === 'string' ? r.created : at(r.created[0], r.created[1]),
		completedAt: r.systemStatus === 'NOCO' ? at(r.completed[0], r.completed[1]) : '',
		postponedUntil: '',
		text: ''
	}));

const rowsArbitrary = fc
	.array(rowArbitrary, { maxLength: 80 })
	.map((rows) =>
		rows.map((row, index) => ({ ...row, number: `4002-01-${String(index).padStart(6, '0')}` }))
	);

/** The overview from a tally, with the urgent rows read by number from the rows. */
function fromTally(tally: OverviewTally, rows: readonly ListRow[], today: string, centre: string) {
	const byNumber = new Map(rows.map((row) => [row.number, row]));
	const urgent = newestUrgent(tally, centre).numbers.map((number) => byNumber.get(number));
	return overviewFromTally(tally, { today, centre }, urgent);
}

describe('the overview tally', () => {
	it('gives the figures computeOverview counts from the rows, for any day and centre', () => {
		fc.assert(
			fc.property(
				rowsArbitrary,
				fc.integer({ min: -10, max: 10 }),
				fc.constantFrom('', '4002', '4003', '9999'),
				(rows, shift, centre) => {
					const today = addDays(TODAY, shift);
					expect(fromTally(tallyOf(rows), rows, today, centre)).toEqual(
						computeOverview(rows, { today, centre })
					);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('takes a row away exactly: a change is the old row out and the new row in', () => {
		fc.assert(
			fc.property(rowsArbitrary, rowsArbitrary, (before, after) => {
				// The same numbers, first as `before` then changed to `after` (deleted where shorter).
				const tally = tallyOf(before);
				for (const row of before) tallyRow(tally, row, -1);
				for (const row of after) tallyRow(tally, row, 1);
				expect(tally).toEqual(tallyOf(after));
			})
		);
	});

	it('forgets every count of rows taken away (no zero keys left behind)', () => {
		fc.assert(
			fc.property(rowsArbitrary, (rows) => {
				const tally = tallyOf(rows);
				for (const row of rows) tallyRow(tally, row, -1);
				for (const centre of Object.values(tally.centres)) {
					for (const counts of Object.values(centre)) expect(counts).toEqual({});
				}
			})
		);
	});

	it('lists the newest urgent open notifications not yet dispatched, newest first', () => {
		const rows = Array.from({ length: URGENT_LIST_LIMIT + 5 }, (_, index): ListRow => ({
			number: `4002-01-${String(index).padStart(6, '0')}`,
			centre: '4002',
			type: 'Z1',
			description: `紧急 ${index}`,
			systemStatus: 'OSNO',
			userStatus: 'TZJL',
			shipTo: '27',
			soldTo: '27',
			functionalLocation: '',
			requiredStart: '',
			requiredEnd: TODAY,
			mainWorkCentre: 'S4002',
			responsible: '202',
			urgent: 1,
			printed: 0,
			dispatched: index === 3 ? 1 : 0,
			createdAt: at(-index, 9),
			completedAt: '',
			postponedUntil: '',
			text: ''
		}));
		const { count, numbers } = newestUrgent(tallyOf(rows), '4002');
		expect(count).toBe(URGENT_LIST_LIMIT + 4);
		expect(numbers).toHaveLength(URGENT_LIST_LIMIT);
		expect(numbers[0]).toBe('4002-01-000000');
		expect(numbers).not.toContain('4002-01-000003');
		expect(newestUrgent(tallyOf(rows), '4003')).toEqual({ count: 0, numbers: [] });
	});

	it('counts moments by their local day, and an unreadable one by none', () => {
		expect(localDay(at(0, 0))).toBe(TODAY);
		expect(localDay(at(0, 23))).toBe(TODAY);
		expect(localDay('')).toBe('');
		expect(localDay('not a moment')).toBe('');
		expect(emptyTally('Asia/Shanghai')).toEqual({ timeZone: 'Asia/Shanghai', centres: {} });
	});
});
