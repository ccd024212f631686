import { describe, expect, it } from 'vitest';
import { indexPlan } from './list-plan';
import { emptySelection, type ListSelection } from './list-selection';

const TODAY = '2001-03-09';
const select = (overrides: Partial<ListSelection>): ListSelection => ({
	...emptySelection(),
	...overrides
});

describe('index plan of a list selection', () => {
	it('reads nothing by index for the whole device or a whole centre', () => {
		expect(indexPlan(emptySelection(), TODAY)).toBeUndefined();
		expect(indexPlan(select({ centre: '4002', types: ['Z1'], q: '锁' }), TODAY)).toBeUndefined();
		// Statuses across all centres: no index leads with the status.
		expect(indexPlan(select({ statuses: ['OSNO'] }), TODAY)).toBeUndefined();
	});

	it('takes the person responsible first, in one centre or in all', () => {
		expect(
			indexPlan(select({ responsible: '202', workCentre: 'SH01', centre: '4002' }), TODAY)
		).toEqual({
			index: '[responsible+centre]',
			ranges: [{ lower: ['202', '4002'], upper: ['202', '4002'], upperOpen: false }]
		});
		expect(indexPlan(select({ responsible: '202' }), TODAY)).toEqual({
			index: '[responsible+centre]',
			ranges: [{ lower: ['202', ''], upper: ['202', '\uffff'], upperOpen: false }]
		});
	});

	it('takes the main work centre, then each user status', () => {
		expect(indexPlan(select({ workCentre: 'SH01', userStatuses: ['KCJS'] }), TODAY)?.index).toBe(
			'[mainWorkCentre+centre]'
		);
		expect(indexPlan(select({ userStatuses: ['KCJS', 'ZGPZ'], centre: '4002' }), TODAY)).toEqual({
			index: '[userStatus+centre]',
			ranges: [
				{ lower: ['KCJS', '4002'], upper: ['KCJS', '4002'], upperOpen: false },
				{ lower: ['ZGPZ', '4002'], upper: ['ZGPZ', '4002'], upperOpen: false }
			]
		});
	});

	it('reads a centre’s statuses within the required end range', () => {
		expect(
			indexPlan(
				select({ centre: '4002', statuses: ['OSNO', 'NOPO'], endFrom: '2001-03-01' }),
				TODAY
			)
		).toEqual({
			index: '[centre+systemStatus+requiredEnd]',
			ranges: [
				{
					lower: ['4002', 'OSNO', '2001-03-01'],
					upper: ['4002', 'OSNO', '\uffff'],
					upperOpen: false
				},
				{
					lower: ['4002', 'NOPO', '2001-03-01'],
					upper: ['4002', 'NOPO', '\uffff'],
					upperOpen: false
				}
			]
		});
	});

	it('reads overdue as the open statuses ending before today', () => {
		const plan = indexPlan(select({ centre: '4002', overdue: true }), TODAY);
		expect(plan?.ranges).toEqual(
			['OSNO', 'NOPR', 'NOPO'].map((status) => ({
				lower: ['4002', status, ''],
				upper: ['4002', status, TODAY],
				upperOpen: true
			}))
		);
		// An end range before today keeps its own (included) upper bound.
		expect(
			indexPlan(select({ centre: '4002', overdue: true, endTo: '2001-03-05' }), TODAY)?.ranges[0]
		).toEqual({
			lower: ['4002', 'OSNO', ''],
			upper: ['4002', 'OSNO', '2001-03-05'],
			upperOpen: false
		});
		// Completed ones are never overdue.
		expect(
			indexPlan(select({ centre: '4002', overdue: true, statuses: ['NOCO'] }), TODAY)?.ranges
		).toEqual([]);
	});
});
