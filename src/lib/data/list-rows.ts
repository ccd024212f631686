import { db } from './db';
import type { ListCustomer } from '../domain/list-index';
import type { ListRow } from '../domain/list-row';

/** How many list rows there are. */
export function countListRows(): Promise<number> {
	return db.listRows.count();
}

/** The next chunk of list rows after a number (key order): the list loads page by key range. */
export function readListRowsAfter(after: string | undefined, limit: number): Promise<ListRow[]> {
	const range =
		after === undefined ? db.listRows.orderBy('number') : db.listRows.where('number').above(after);
	return range.limit(limit).toArray();
}

/** The list rows of some numbers; a deleted one comes back as undefined. */
export function readListRows(numbers: readonly string[]): Promise<(ListRow | undefined)[]> {
	return db.listRows.bulkGet([...numbers]);
}

/** The customers as the list shows and searches them. */
export async function readListCustomers(): Promise<Map<string, ListCustomer>> {
	const customers = await db.masterData.where('kind').equals('customer').toArray();
	return new Map(
		customers.map((customer) => [
			customer.code,
			{
				name: customer.name,
				address: customer.address,
				phone: customer.phone,
				locations: new Map(
					customer.functionalLocations.map((location) => [location.code, location.address])
				)
			}
		])
	);
}
