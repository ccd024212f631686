import { describe, expect, it } from 'vitest';
import {
	DEFAULT_COLUMNS,
	DEFAULT_SORT,
	emptySelection,
	listHref,
	listQueryParams,
	parseListQuery,
	type ListSelection
} from './list-selection';

const full: ListSelection = {
	statuses: ['OSNO', 'NOPO'],
	numFrom: '4002-01-000001',
	numTo: '4002-01-000500',
	types: ['Z1', 'Z2'],
	createdFrom: '2001-03-01',
	createdTo: '2001-03-31',
	endFrom: '2001-03-07',
	endTo: '2001-03-08',
	userStatuses: ['KCJS', 'ZGPZ'],
	workCentre: 'SH01',
	responsible: '202',
	urgent: true,
	overdue: true,
	dispatched: '0',
	centre: '4003',
	q: '锁坏 𠀀'
};

describe('list selection in the URL', () => {
	it('round-trips every criterion, the sort and the columns', () => {
		const params = listQueryParams(full, { column: 'customer', direction: 'asc' }, [
			'description',
			'number'
		]);
		const parsed = parseListQuery(new URLSearchParams(params.toString()));
		expect(parsed.problems).toEqual([]);
		expect(parsed.selection).toEqual(full);
		expect(parsed.sort).toEqual({ column: 'customer', direction: 'asc' });
		expect(parsed.columns).toEqual(['description', 'number']);
	});

	it.each(Object.keys(full) as (keyof ListSelection)[])(
		'round-trips the criterion %s on its own',
		(key) => {
			const selection = { ...emptySelection(), [key]: full[key] };
			const parsed = parseListQuery(listQueryParams(selection));
			expect(parsed.selection).toEqual(selection);
			expect(parsed.problems).toEqual([]);
		}
	);

	it('leaves the defaults out, so a plain list has a plain URL', () => {
		expect(listQueryParams(emptySelection()).toString()).toBe('');
		expect(listHref({})).toBe('/notifications');
		expect(listHref({ statuses: ['OSNO'], urgent: true })).toBe(
			'/notifications?status=OSNO&urgent=1'
		);
		const parsed = parseListQuery(new URLSearchParams(''));
		expect(parsed.sort).toEqual(DEFAULT_SORT);
		expect(parsed.columns).toEqual(DEFAULT_COLUMNS);
	});

	it('names a nonsense criterion and applies the rest', () => {
		const parsed = parseListQuery(
			new URLSearchParams(
				'status=OSNO&status=XXXX&endFrom=2001-03-09&endTo=2001-03-01&createdFrom=2001-02-30&urgent=yes&sort=colour&dir=up&cols=number,bogus&numFrom=12&type=Z1'
			)
		);
		expect(parsed.selection.statuses).toEqual(['OSNO']);
		expect(parsed.selection.types).toEqual(['Z1']);
		expect(parsed.selection.endFrom).toBe('');
		expect(parsed.selection.endTo).toBe('');
		expect(parsed.selection.createdFrom).toBe('');
		expect(parsed.selection.urgent).toBe(false);
		expect(parsed.sort).toEqual(DEFAULT_SORT);
		expect(parsed.columns).toEqual(['number']);
		expect(parsed.problems.map((p) => [p.criterion, p.code])).toEqual([
			['status', 'unknownValue'],
			['numFrom', 'invalidNumber'],
			['createdFrom', 'invalidDate'],
			['endTo', 'reversedRange'],
			['urgent', 'unknownValue'],
			['sort', 'unknownValue'],
			['dir', 'unknownValue'],
			['cols', 'unknownValue']
		]);
	});

	it('refuses a free text of 10,000 characters with a message instead of searching it', () => {
		const parsed = parseListQuery(new URLSearchParams({ q: '锁'.repeat(10_000), status: 'NOCO' }));
		expect(parsed.selection.q).toBe('');
		expect(parsed.selection.statuses).toEqual(['NOCO']);
		expect(parsed.problems).toEqual([
			{ criterion: 'q', code: 'tooLong', value: `${'锁'.repeat(39)}…` }
		]);
	});

	it('repeats a refused value up to 40 characters, never half of a rare character', () => {
		const parsed = parseListQuery(new URLSearchParams({ centre: `x${'𠀀'.repeat(100)}` }));
		expect(parsed.problems).toEqual([
			{ criterion: 'centre', code: 'unknownValue', value: `x${'𠀀'.repeat(38)}…` }
		]);
	});

	it('counts a rare character outside the basic plane as one character of the limit', () => {
		const parsed = parseListQuery(new URLSearchParams({ q: '𠀀'.repeat(100) }));
		expect(parsed.selection.q).toBe('𠀀'.repeat(100));
	});
});
