import { describe, expect, it } from 'vitest';
import { LIST_PATH, listHref, listQuery, type ListSelection } from './list-link';

describe('listHref (the list URL of a selection)', () => {
	it('is the bare list for an empty selection, and leaves empty members out', () => {
		expect(listHref({})).toBe(LIST_PATH);
		expect(
			listHref({ status: [], type: [], q: '', centre: '', urgent: false, overdue: false })
		).toBe('/notifications');
	});

	it('writes every criterion of the contract, repeatable ones once per value, in one order', () => {
		const selection: ListSelection = {
			q: '锁 坏',
			centre: '4002',
			dispatched: false,
			overdue: true,
			urgent: true,
			responsible: '202',
			workCentre: 'S4002',
			userStatus: ['KCJS', 'ZGPZ'],
			endTo: '2026-12-06',
			endFrom: '2026-11-30',
			createdTo: '2026-12-02',
			createdFrom: '2026-09-14',
			type: ['Z1', 'Z2'],
			numTo: '4002-01-000099',
			numFrom: '4002-01-000001',
			status: ['OSNO', 'NOPR', 'NOPO']
		};
		expect(listQuery(selection)).toBe(
			'status=OSNO&status=NOPR&status=NOPO&numFrom=4002-01-000001&numTo=4002-01-000099' +
				'&type=Z1&type=Z2&createdFrom=2026-09-14&createdTo=2026-12-02&endFrom=2026-11-30' +
				'&endTo=2026-12-06&userStatus=KCJS&userStatus=ZGPZ&workCentre=S4002&responsible=202' +
				'&urgent=1&overdue=1&dispatched=0&centre=4002&q=%E9%94%81+%E5%9D%8F'
		);
	});

	it('reads back as the same values through URLSearchParams (Chinese and symbols included)', () => {
		const href = listHref({
			status: ['NOCO'],
			q: 'a&b=c #锁?',
			responsible: '王 敏',
			dispatched: true
		});
		expect(href.startsWith('/notifications?')).toBe(true);
		const params = new URL(href, 'http://localhost').searchParams;
		expect(params.getAll('status')).toEqual(['NOCO']);
		expect(params.get('q')).toBe('a&b=c #锁?');
		expect(params.get('responsible')).toBe('王 敏');
		expect(params.get('dispatched')).toBe('1');
		expect([...params.keys()]).toEqual(['status', 'responsible', 'dispatched', 'q']);
	});

	it('gives equal links for equal selections whatever the order their members were written in', () => {
		expect(listHref({ centre: '4002', urgent: true, status: ['OSNO'] })).toBe(
			listHref({ status: ['OSNO'], urgent: true, centre: '4002' })
		);
	});
});
