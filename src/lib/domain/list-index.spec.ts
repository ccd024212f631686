import { beforeEach, describe, expect, it } from 'vitest';
import { ListIndex, type ListCustomer } from './list-index';
import { searchable, type ListRow } from './list-row';
import {
	DEFAULT_SORT,
	emptySelection,
	LIST_COLUMNS,
	type ListSelection,
	type ListSort
} from './list-selection';

const TODAY = '2001-03-09';

function row(sequence: number, overrides: Partial<ListRow> = {}): ListRow {
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
		requiredStart: '2001-03-07',
		requiredEnd: '2001-03-08',
		mainWorkCentre: 'SH01',
		responsible: '202',
		urgent: 0,
		printed: 0,
		dispatched: 0,
		createdAt: '2001-03-07T01:00:00.000Z',
		completedAt: '',
		postponedUntil: '',
		text: searchable('活动柜锁坏'),
		...overrides
	};
}

const customers = new Map<string, ListCustomer>([
	[
		'27',
		{
			name: '申齐保健食品有限公司',
			address: '上海市徐汇区漕溪北路 88 号',
			phone: '021-64870000',
			locations: new Map([['WH2', '上海市闵行区莘庄工业区 9 号仓库']])
		}
	],
	['31', { name: '王𠀀', address: '北京市朝阳区', phone: '13800138000', locations: new Map() }]
]);

const rows: ListRow[] = [
	row(1),
	row(2, {
		description: '抽屉打不开',
		text: searchable('抽屉打不开\u0000锁芯卡住，客户要求 Lock 更换'),
		systemStatus: 'NOPR',
		userStatus: 'KCJS',
		urgent: 1,
		requiredEnd: '2001-03-12',
		createdAt: '2001-02-01T01:00:00.000Z'
	}),
	row(3, {
		type: 'Z2',
		description: '沙发异响',
		text: searchable('沙发异响\u0000柜门与锁'),
		systemStatus: 'NOPO',
		postponedUntil: '2001-03-20',
		shipTo: '31',
		soldTo: '31',
		responsible: '203',
		mainWorkCentre: 'BJ01',
		requiredStart: '2001-03-01',
		requiredEnd: '2001-03-05'
	}),
	row(4, {
		systemStatus: 'NOCO',
		description: '文件柜门变形',
		text: searchable('文件柜门变形'),
		completedAt: '2001-03-08T08:00:00.000Z',
		requiredEnd: '2001-03-01',
		centre: '4003',
		number: '4003-01-000001',
		functionalLocation: 'WH2'
	}),
	row(5, { urgent: 1, dispatched: 1, description: '椅子轮子坏', text: searchable('椅子轮子坏') })
];

let index: ListIndex;

beforeEach(() => {
	index = new ListIndex();
	index.upsert(rows);
	index.setCustomers(customers);
});

function find(
	selection: Partial<ListSelection>,
	sort: ListSort = { column: 'number', direction: 'asc' }
) {
	return index.select({ ...emptySelection(), ...selection }, sort, TODAY).map((n) => n.slice(-1));
}

describe('list selection against a fixture', () => {
	it.each<[string, Partial<ListSelection>, string[]]>([
		['nothing: everything', {}, ['1', '2', '3', '5', '1']],
		['system statuses, several at once', { statuses: ['NOPR', 'NOPO'] }, ['2', '3']],
		['a number range', { numFrom: '4002-01-000002', numTo: '4002-01-000003' }, ['2', '3']],
		['type', { types: ['Z2'] }, ['3']],
		['notification date range', { createdFrom: '2001-01-01', createdTo: '2001-02-28' }, ['2']],
		['required end range', { endFrom: '2001-03-05', endTo: '2001-03-08' }, ['1', '3', '5']],
		['user status (包含状态)', { userStatuses: ['KCJS'] }, ['2']],
		['main work centre', { workCentre: 'BJ01' }, ['3']],
		['person responsible', { responsible: '203' }, ['3']],
		['urgent', { urgent: true }, ['2', '5']],
		['overdue: past required end, not completed', { overdue: true }, ['1', '3', '5']],
		['urgent not yet dispatched', { urgent: true, dispatched: '0' }, ['2']],
		['centre', { centre: '4003' }, ['1']],
		['criteria together', { statuses: ['OSNO'], urgent: true }, ['5']]
	])('%s', (_, selection, expected) => {
		expect(find(selection)).toEqual(expected);
	});
});

describe('free text', () => {
	it('finds one character in every notification that has it (锁)', () => {
		expect(find({ q: '锁' })).toEqual(['1', '2', '3']);
	});

	it('finds a sequence of two or more characters, not characters held apart', () => {
		expect(find({ q: '锁坏' })).toEqual(['1']);
		// Row 3 holds 柜, 门, 锁 apart ("柜门与锁"): 门锁 finds nothing.
		expect(find({ q: '门锁' })).toEqual([]);
		expect(find({ q: '柜门' })).toEqual(['3', '1']);
	});

	it('searches long text, customer name, object address, phone and functional location', () => {
		expect(find({ q: '锁芯卡住' })).toEqual(['2']);
		expect(find({ q: '申齐保健' })).toEqual(['1', '2', '5', '1']);
		expect(find({ q: '朝阳区' })).toEqual(['3']);
		expect(find({ q: '13800138000' })).toEqual(['3']);
		expect(find({ q: '莘庄' })).toEqual(['1']);
	});

	it('finds Latin text regardless of case and width, and rare characters outside the basic plane', () => {
		expect(find({ q: 'LOCK' })).toEqual(['2']);
		expect(find({ q: 'ｌｏｃｋ' })).toEqual(['2']);
		expect(find({ q: '王𠀀' })).toEqual(['3']);
	});

	it('follows a change and forgets deleted text', () => {
		index.upsert([row(1, { description: '衣柜门松动', text: searchable('衣柜门松动') })]);
		expect(find({ q: '锁坏' })).toEqual([]);
		expect(find({ q: '松动' })).toEqual(['1']);
		index.remove(['4002-01-000002']);
		expect(find({ q: '锁芯' })).toEqual([]);
		expect(index.size).toBe(4);
	});

	it('follows a renamed customer (master data) without touching the rows', () => {
		index.setCustomers(
			new Map([
				['27', { ...customers.get('27')!, name: '新名称家具厂' }],
				['31', customers.get('31')!]
			])
		);
		expect(find({ q: '申齐' })).toEqual([]);
		expect(find({ q: '新名称' })).toEqual(['1', '2', '5', '1']);
	});
});

describe('sorting', () => {
	it.each(LIST_COLUMNS)('sorts by %s both ways, the one the reverse of the other', (column) => {
		const up = index.select(emptySelection(), { column, direction: 'asc' }, TODAY);
		const down = index.select(emptySelection(), { column, direction: 'desc' }, TODAY);
		expect(up).toHaveLength(5);
		expect(down).toEqual([...up].reverse());
	});

	it('by default puts urgent notifications first, then the newest number (issue 12.6)', () => {
		expect(find({}, DEFAULT_SORT)).toEqual(['5', '2', '1', '3', '1']);
	});

	it('orders by required end, by age and by customer name', () => {
		expect(find({}, { column: 'requiredEnd', direction: 'asc' })).toEqual([
			'1',
			'3',
			'1',
			'5',
			'2'
		]);
		expect(find({}, { column: 'age', direction: 'desc' })[0]).toBe('2');
		const views = index.views(
			index.select(emptySelection(), { column: 'customer', direction: 'asc' }, TODAY),
			TODAY
		);
		expect(views.map((view) => view.customerName)).toEqual([
			'申齐保健食品有限公司',
			'申齐保健食品有限公司',
			'申齐保健食品有限公司',
			'申齐保健食品有限公司',
			'王𠀀'
		]);
	});

	it('shows a row with its customer, the functional location address and its age', () => {
		const [view] = index.views(['4003-01-000001'], TODAY);
		expect(view).toMatchObject({
			customerName: '申齐保健食品有限公司',
			objectAddress: '上海市闵行区莘庄工业区 9 号仓库',
			age: 1
		});
		expect(view).not.toHaveProperty('text');
	});
});

describe('a change of sort', () => {
	/** The fixture's rows, each counting how often a selection reads its system status. */
	function counted(): { rows: ListRow[]; reads: () => number } {
		let reads = 0;
		const counting = rows.map((source) => {
			const copy = { ...source };
			const status = copy.systemStatus;
			Object.defineProperty(copy, 'systemStatus', {
				enumerable: true,
				get: () => {
					reads += 1;
					return status;
				}
			});
			return copy;
		});
		return { rows: counting, reads: () => reads };
	}

	it('walks the new order through the last selection’s answer, without testing a row again', () => {
		const { rows: counting, reads } = counted();
		index = new ListIndex();
		index.upsert(counting);
		index.setCustomers(customers);
		expect(find({ statuses: ['OSNO', 'NOPR'] })).toEqual(['1', '2', '5']);
		const afterFirst = reads();
		expect(afterFirst).toBeGreaterThanOrEqual(counting.length);
		expect(
			find({ statuses: ['OSNO', 'NOPR'] }, { column: 'requiredEnd', direction: 'desc' })
		).toEqual(['2', '5', '1']);
		expect(find({ statuses: ['OSNO', 'NOPR'] }, DEFAULT_SORT)).toEqual(['5', '2', '1']);
		expect(reads()).toBe(afterFirst);
		// Another day is another answer (overdue depends on it): the rows are tested again.
		index.select({ ...emptySelection(), statuses: ['OSNO'] }, DEFAULT_SORT, '2001-03-10');
		expect(reads()).toBeGreaterThan(afterFirst);
	});

	it('finds afresh after rows change, are removed, or a customer is renamed', () => {
		const selection = { statuses: ['OSNO' as const], q: '申齐' };
		const byEnd: ListSort = { column: 'requiredEnd', direction: 'asc' };
		expect(find(selection)).toEqual(['1', '5']);
		index.upsert([row(1, { systemStatus: 'NOPR' })]);
		expect(find(selection, byEnd)).toEqual(['5']);
		index.upsert([row(6, { shipTo: '31', soldTo: '31' })]);
		expect(find(selection)).toEqual(['5']);
		// The last row takes the removed one's place: it must not inherit its answer.
		index.remove(['4002-01-000005']);
		expect(find(selection, byEnd)).toEqual([]);
		index.upsert([row(7)]);
		expect(find(selection)).toEqual(['7']);
		index.setCustomers(new Map([['27', { ...customers.get('27')!, name: '新名称家具厂' }]]));
		expect(find(selection)).toEqual([]);
	});
});
