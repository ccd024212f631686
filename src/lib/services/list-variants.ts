import { deleteListVariant, getListVariants, saveListVariant } from '$lib/data/list-variants';
import type { ListView } from '$lib/domain/list-index';
import type { ListColumn } from '$lib/domain/list-selection';
import type { ListVariant } from '$lib/domain/list-variant';
import { t } from '$lib/i18n';
import { downloadBlob } from './download';
import { handleError } from './handle-error';
import { buildCsv } from './list-csv';
import { columnLabel } from './list-cells';
import { listClient } from './list.svelte';
import { showToast } from './toast.svelte';

/** The list variants of this device; none when they cannot be read. */
export async function loadVariants(): Promise<ListVariant[]> {
	try {
		return await getListVariants();
	} catch (error) {
		handleError(error, 'error.generic');
		return [];
	}
}

/** Saves a variant; a refused name comes back as the problem to show beside the field. */
export async function saveVariant(variant: ListVariant) {
	try {
		const outcome = await saveListVariant(variant);
		if (outcome.ok) showToast('success', t('list.variant.saved', { name: variant.name.trim() }));
		return outcome;
	} catch (error) {
		handleError(error, 'error.saveFailed');
		return { ok: false as const, problem: undefined };
	}
}

/** Deletes a variant; undefined when the delete failed (the message is shown). */
export async function deleteVariant(name: string): Promise<ListVariant[] | undefined> {
	try {
		const variants = await deleteListVariant(name);
		showToast('success', t('list.variant.deleted', { name }));
		return variants;
	} catch (error) {
		handleError(error, 'error.saveFailed');
		return undefined;
	}
}

/** Downloads the current selection as CSV with the chosen columns, as the screen shows them. */
export async function downloadListCsv(
	result: number,
	today: string,
	columns: readonly ListColumn[],
	cell: (view: ListView, column: ListColumn) => string
): Promise<void> {
	try {
		const views = await listClient().all(result, today);
		if (views.length === 0) {
			showToast('info', t('list.csvEmpty'));
			return;
		}
		const csv = await buildCsv(
			columns.map(columnLabel),
			views.map((view) => columns.map((column) => cell(view, column)))
		);
		downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `notifications-${today}.csv`);
		showToast('success', t('list.csvDone', { count: views.length }));
	} catch (error) {
		handleError(error, 'error.saveFailed');
	}
}
