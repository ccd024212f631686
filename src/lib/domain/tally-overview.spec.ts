import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListRow } from './list-row';
import { addDays, computeOverview, URGENT_LIST_LIMIT } from './overview';
import { tallyOf, type OverviewTally } from './overview-tally';
import { at, rowsArbitrary, TODAY } from './overview-tally.test-rows';
import { newestUrgent, overviewFromTally } from './tally-overview';

/** The overview from a tally, with the urgent rows read by number from the rows. */
function fromTally(tally: OverviewTally, rows: readonly ListRow[], today: string, centre: string) {
	const byNumber = new Map(rows.map((row) => [row.number, row]));
	const urgent = newestUrgent(tally, centre).numbers.map((number) => byNumber.get(number));
	return overviewFromTally(tally, { today, centre }, urgent);
}

describe('the overview from a tally', () => {
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
});
