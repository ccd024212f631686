import { toIsoDate } from './dates';
import { searchable, type ListRow } from './list-row';
import type { ListColumn, ListSelection, ListSort } from './list-selection';

/** What the list shows of a customer: name, address, phone and the addresses of its locations. */
export interface ListCustomer {
	name: string;
	address: string;
	phone: string;
	/** Functional location code → its address. */
	locations: ReadonlyMap<string, string>;
}

/** One row as the list shows it: the projection, with the customer and object address resolved. */
export interface ListView extends Omit<ListRow, 'text'> {
	customerName: string;
	objectAddress: string;
	/** Days since the notification date (to completion for a completed one). */
	age: number;
}

interface Entry {
	row: ListRow;
	createdDate: string;
	completedDate: string;
}

const DAY = 86_400_000;

const localDates = new Map<string, string>();

/** The local calendar date of an ISO date-time; cached by minute, as 100,000 rows share few. */
function localDate(isoDateTime: string): string {
	if (!isoDateTime) return '';
	const minute = isoDateTime.slice(0, 16);
	let date = localDates.get(minute);
	if (date === undefined) {
		const parsed = new Date(isoDateTime);
		date = Number.isNaN(parsed.getTime()) ? '' : toIsoDate(parsed);
		if (localDates.size > 100_000) localDates.clear();
		localDates.set(minute, date);
	}
	return date;
}

function daysBetween(from: string, to: string): number {
	if (!from || !to) return 0;
	return Math.max(
		0,
		Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)
	);
}

/**
 * The rows of the device's notifications held in memory, answering the list's selections, sorts
 * and free-text searches. Pure: the list Worker fills it from the projection table and keeps it in
 * step with the announced changes; tests fill it directly.
 *
 * Free text is a substring scan of each row's normalised text (and of the customers' names,
 * addresses and phones, matched once per search): exact for any length, one character included,
 * the same cost for a rare and a common word, and nothing to rebuild when a record changes.
 */
export class ListIndex {
	private entries: Entry[] = [];
	private positions = new Map<string, number>();
	private customers: ReadonlyMap<string, ListCustomer> = new Map();
	/** Positions ascending by number: the tie order of every sort; kept while rows only change. */
	private byNumber: Int32Array | undefined;
	private orders = new Map<string, Int32Array>();
	/**
	 * Which positions the last selection found (1 = found), for that selection and day: a change of
	 * sort walks the new order through it instead of testing every row again. Cleared with the rows.
	 */
	private lastFound: { key: string; found: Uint8Array } | undefined;
	private readonly collator = new Intl.Collator('zh-CN', { numeric: true });

	get size(): number {
		return this.entries.length;
	}

	/** Adds or replaces rows. */
	upsert(rows: Iterable<ListRow>): void {
		for (const row of rows) {
			const entry = {
				row,
				createdDate: localDate(row.createdAt),
				completedDate: localDate(row.completedAt)
			};
			const position = this.positions.get(row.number);
			if (position === undefined) {
				this.positions.set(row.number, this.entries.length);
				this.entries.push(entry);
				this.byNumber = undefined;
			} else this.entries[position] = entry;
		}
		this.orders.clear();
		this.lastFound = undefined;
	}

	/** Removes rows by number. */
	remove(numbers: Iterable<string>): void {
		for (const number of numbers) {
			const position = this.positions.get(number);
			if (position === undefined) continue;
			const last = this.entries.pop()!;
			this.positions.delete(number);
			if (position < this.entries.length) {
				this.entries[position] = last;
				this.positions.set(last.row.number, position);
			}
			this.byNumber = undefined;
		}
		this.orders.clear();
		this.lastFound = undefined;
	}

	/** Replaces the customers (master data) that names and addresses come from. */
	setCustomers(customers: ReadonlyMap<string, ListCustomer>): void {
		this.customers = customers;
		this.orders.delete('customer');
		this.orders.delete('objectAddress');
		this.lastFound = undefined;
	}

	has(number: string): boolean {
		return this.positions.has(number);
	}

	/** Every row, in no particular order (for the overview). */
	rows(): ListRow[] {
		return this.entries.map((entry) => entry.row);
	}

	/** The numbers of the rows a selection finds, in the order of the sort. */
	select(selection: ListSelection, sort: ListSort, today: string): string[] {
		const isFound = this.foundPositions(selection, today);
		const order = this.order(sort.column, today);
		const found: string[] = [];
		const { entries } = this;
		if (sort.direction === 'asc') {
			for (let i = 0; i < order.length; i++) {
				const position = order[i]!;
				if (isFound[position]) found.push(entries[position]!.row.number);
			}
		} else {
			for (let i = order.length - 1; i >= 0; i--) {
				const position = order[i]!;
				if (isFound[position]) found.push(entries[position]!.row.number);
			}
		}
		return found;
	}

	/** Which positions a selection finds (1 = found); the last selection's answer is kept. */
	private foundPositions(selection: ListSelection, today: string): Uint8Array {
		const key = JSON.stringify([selection, today]);
		if (this.lastFound?.key === key) return this.lastFound.found;
		const test = this.predicate(selection, today);
		const { entries } = this;
		const found = new Uint8Array(entries.length);
		for (let i = 0; i < entries.length; i++) if (test(entries[i]!)) found[i] = 1;
		this.lastFound = { key, found };
		return found;
	}

	/** The rows as shown, for the numbers asked (unknown numbers are left out). */
	views(numbers: readonly string[], today: string): ListView[] {
		const views: ListView[] = [];
		for (const number of numbers) {
			const position = this.positions.get(number);
			if (position === undefined) continue;
			views.push(this.view(this.entries[position]!, today));
		}
		return views;
	}

	private view(entry: Entry, today: string): ListView {
		const { text: _text, ...row } = entry.row;
		return {
			...row,
			customerName: this.customerName(entry.row),
			objectAddress: this.objectAddress(entry.row),
			age: daysBetween(entry.createdDate, entry.completedDate || today)
		};
	}

	private customerName(row: ListRow): string {
		return this.customers.get(row.shipTo)?.name ?? '';
	}

	private objectAddress(row: ListRow): string {
		const customer = this.customers.get(row.shipTo);
		if (!customer) return '';
		return (
			(row.functionalLocation && customer.locations.get(row.functionalLocation)) || customer.address
		);
	}

	private predicate(selection: ListSelection, today: string): (entry: Entry) => boolean {
		const tests: ((entry: Entry) => boolean)[] = [];
		if (selection.statuses.length > 0) {
			const statuses = new Set<string>(selection.statuses);
			tests.push((e) => statuses.has(e.row.systemStatus));
		}
		if (selection.centre) tests.push((e) => e.row.centre === selection.centre);
		if (selection.numFrom) tests.push((e) => e.row.number >= selection.numFrom);
		if (selection.numTo) tests.push((e) => e.row.number <= selection.numTo);
		if (selection.types.length > 0) {
			const types = new Set(selection.types);
			tests.push((e) => types.has(e.row.type));
		}
		if (selection.createdFrom) tests.push((e) => e.createdDate >= selection.createdFrom);
		if (selection.createdTo) tests.push((e) => e.createdDate <= selection.createdTo);
		if (selection.endFrom) tests.push((e) => e.row.requiredEnd >= selection.endFrom);
		if (selection.endTo) tests.push((e) => e.row.requiredEnd <= selection.endTo);
		if (selection.userStatuses.length > 0) {
			const statuses = new Set(selection.userStatuses);
			tests.push((e) => statuses.has(e.row.userStatus));
		}
		if (selection.workCentre) tests.push((e) => e.row.mainWorkCentre === selection.workCentre);
		if (selection.responsible) tests.push((e) => e.row.responsible === selection.responsible);
		if (selection.urgent) tests.push((e) => e.row.urgent === 1);
		if (selection.overdue)
			tests.push((e) => e.row.systemStatus !== 'NOCO' && e.row.requiredEnd < today);
		if (selection.dispatched) tests.push((e) => e.row.dispatched === Number(selection.dispatched));
		if (selection.q) tests.push(this.textTest(selection.q));
		return (entry) => {
			for (const test of tests) if (!test(entry)) return false;
			return true;
		};
	}

	/** A free-text test: the row's own text, its number, or its customer's name, address, phone. */
	private textTest(q: string): (entry: Entry) => boolean {
		const needle = searchable(q);
		if (!needle) return () => true;
		const customers = new Set<string>();
		const locations = new Set<string>();
		for (const [code, customer] of this.customers) {
			if (
				searchable(`${customer.name}\u0000${customer.address}\u0000${customer.phone}`).includes(
					needle
				)
			)
				customers.add(code);
			for (const [location, address] of customer.locations) {
				if (searchable(address).includes(needle)) locations.add(`${code}\u0000${location}`);
			}
		}
		return (e) =>
			e.row.text.includes(needle) ||
			e.row.number.includes(needle) ||
			customers.has(e.row.shipTo) ||
			customers.has(e.row.soldTo) ||
			(e.row.functionalLocation !== '' &&
				locations.has(`${e.row.shipTo}\u0000${e.row.functionalLocation}`));
	}

	/** Positions ascending by number. */
	private numberOrder(): Int32Array {
		if (this.byNumber) return this.byNumber;
		const numbers = this.entries.map((entry) => entry.row.number);
		const order = Int32Array.from(numbers.keys());
		// Rows load in key (number) order, and new numbers come last: mostly sorted already.
		let isSorted = true;
		for (let i = 1; i < numbers.length && isSorted; i++) isSorted = numbers[i - 1]! < numbers[i]!;
		if (!isSorted)
			order.sort((a, b) => (numbers[a]! < numbers[b]! ? -1 : numbers[a]! > numbers[b]! ? 1 : 0));
		this.byNumber = order;
		return order;
	}

	/**
	 * Positions of the entries ascending by a column, ties in number order; cached until the rows
	 * change. Sorted by rank: the distinct values are sorted (few: dates, codes, customers), then a
	 * counting pass over the number order places every row, so a sort of 100,000 rows costs one
	 * pass instead of a million string comparisons.
	 */
	private order(column: ListColumn, today: string): Int32Array {
		if (column === 'number') return this.numberOrder();
		const cacheKey = column === 'age' ? `age:${today}` : column;
		const cached = this.orders.get(cacheKey);
		if (cached) return cached;
		const key = this.sortKey(column, today);
		const keys = this.entries.map(key);
		const distinct = [...new Set<string | number>(keys)];
		if (typeof distinct[0] === 'number') (distinct as number[]).sort((a, b) => a - b);
		else if (column === 'customer' || column === 'objectAddress')
			(distinct as string[]).sort(this.collator.compare);
		else (distinct as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const rank = new Map(distinct.map((value, index) => [value, index]));
		const ranks = new Int32Array(keys.length);
		const starts = new Int32Array(distinct.length + 1);
		for (let i = 0; i < keys.length; i++) {
			const r = rank.get(keys[i]!)!;
			ranks[i] = r;
			starts[r + 1]!++;
		}
		for (let r = 0; r < distinct.length; r++) starts[r + 1]! += starts[r]!;
		const order = new Int32Array(keys.length);
		for (const position of this.numberOrder()) order[starts[ranks[position]!]!++] = position;
		this.orders.set(cacheKey, order);
		return order;
	}

	private sortKey(column: ListColumn, today: string): (entry: Entry) => string | number {
		switch (column) {
			case 'customer':
				return (e) => this.customerName(e.row);
			case 'objectAddress':
				return (e) => this.objectAddress(e.row);
			case 'age':
				return (e) => daysBetween(e.createdDate, e.completedDate || today);
			case 'urgent':
				return (e) => e.row.urgent;
			default:
				return (e) => e.row[column];
		}
	}
}
