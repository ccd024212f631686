import { exportStoredDatabase } from '$lib/data/rescue';
import { t } from '$lib/i18n';
import { downloadBlob } from './download';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

/** After a failed upgrade: exports the data as stored (the older version) and downloads it. */
export async function exportStoredData(): Promise<boolean> {
	try {
		const file = await exportStoredDatabase();
		downloadBlob(file.blob, file.fileName);
		showToast('success', t('faults.exported', { file: file.fileName, ...file.counts }));
		return true;
	} catch (error) {
		handleError(error);
		return false;
	}
}
