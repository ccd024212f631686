import fc from 'fast-check';
import type { ListRow } from './list-row';
import { addDays } from './overview';

/** Test rows for the overview tally's specs (`overview-tally`, `tally-overview`). */

/** Wednesday 2 December 2026. */
export const TODAY = '2026-12-02';

/** A local moment `days` from TODAY at an hour (the notification date is its local day). */
export function at(days: number, hour: number): string {
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

export const rowsArbitrary = fc
	.array(rowArbitrary, { maxLength: 80 })
	.map((rows) =>
		rows.map((row, index) => ({ ...row, number: `4002-01-${String(index).padStart(6, '0')}` }))
	);
