import { importCustomers } from '$lib/data/master-data';
import type { MasterRecord } from '$lib/domain/master-data';
import { mergeCustomer, type ColumnMapping } from '$lib/exchange/csv';
import { t } from '$lib/i18n';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

/** The largest customer file read: a centre's customer list is far smaller; parsing is on the main thread. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** The bytes of a picked file. */
export async function readFileBytes(file: File): Promise<Uint8Array> {
	return new Uint8Array(await file.arrayBuffer());
}

/**
 * Imports validated customers all or nothing; stored customers keep what the file has no column
 * for. Shows the count on success and the error otherwise; returns whether anything was written.
 */
export async function importCustomerRecords(
	records: readonly MasterRecord[],
	mapping: ColumnMapping
): Promise<boolean> {
	try {
		const count = await importCustomers(records, {
			merge: (existing, incoming) => mergeCustomer(existing, incoming, mapping)
		});
		showToast('success', t('csvImport.imported', { count }));
		return true;
	} catch (error) {
		handleError(error, 'csvImport.importFailed');
		return false;
	}
}
