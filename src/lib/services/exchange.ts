import {
	DEFER_ROWS_ABOVE,
	exportData,
	previewFiles,
	restoreFromExport,
	writeImport
} from '$lib/data/exchange';
import { listClient } from './list.svelte';
import { downloadBlob } from './download';
import { getIdentity } from '$lib/data/settings';
import type { Actor } from '$lib/domain/actor';
import type { DeviceIdentity } from '$lib/domain/identity';
import { describeExchangeError, type ExchangeError } from '$lib/exchange/errors';
import type { ExportProgress } from '$lib/exchange/export';
import type { ValidatedFile } from '$lib/exchange/format';
import { readExchangeSources, type ReadProgress } from '$lib/exchange/import';
import type { ImportPreview } from '$lib/exchange/preview';
import { planImport, type Decisions } from '$lib/exchange/resolve';
import { t, type MessageKey, type MessageParams } from '$lib/i18n';
import { deleteDraft } from '$lib/data/drafts';
import { setAppIdentity } from './app-state.svelte';
import { SETUP_DRAFT_KEY } from './setup';
import { currentConfiguration, loadConfiguration } from './configuration.svelte';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

/** Exchange messages are built from catalogue keys that the exchange layer names as strings. */
const translate = (key: string, params?: MessageParams) => t(key as MessageKey, params);

/** One error of an import in the user's language, naming the file, the record and the field. */
export function exchangeErrorText(error: ExchangeError): string {
	return describeExchangeError(error, translate);
}

/** Exports everything as one file and downloads it; returns whether it worked. */
export async function exportAndDownload(
	onProgress: (progress: ExportProgress) => void
): Promise<boolean> {
	try {
		const file = await exportData({ onProgress });
		downloadBlob(file.blob, file.fileName);
		showToast(
			'success',
			t('exchangePage.exported', {
				file: file.fileName,
				notifications: file.counts.notifications,
				masterData: file.counts.masterData
			})
		);
		return true;
	} catch (error) {
		handleError(error);
		return false;
	}
}

/** What reading and previewing the chosen files found. */
export interface ImportSelection {
	refused: { name: string; errors: string[] }[];
	preview: ImportPreview | undefined;
}

/** Reads the chosen files (in a Worker), then previews the valid ones against this device. */
export async function readAndPreview(
	files: readonly File[],
	onProgress: (name: string, progress: ReadProgress) => void
): Promise<ImportSelection> {
	const results = [];
	for (const file of files) {
		const [result] = await readExchangeSources([file], {
			configuration: currentConfiguration(),
			onProgress: (progress) => onProgress(file.name, progress)
		});
		if (result) results.push(result);
	}
	const refused = results.flatMap((result) =>
		result.ok ? [] : [{ name: result.name, errors: result.errors.map(exchangeErrorText) }]
	);
	const valid: ValidatedFile[] = results.flatMap((result) => (result.ok ? [result.file] : []));
	const preview = valid.length > 0 ? await previewFiles(valid) : undefined;
	return { refused, preview };
}

/** Writes a confirmed import: all of it, or nothing; returns the errors that stopped it. */
export async function confirmImport(
	preview: ImportPreview,
	decisions: Decisions,
	actor: Actor
): Promise<string[]> {
	try {
		const configuration = currentConfiguration();
		const planned = planImport(preview, decisions, { actor, now: new Date(), configuration });
		if (!planned.ok) return planned.errors.map(exchangeErrorText);
		const { notifications, masterData, removals, records } = planned.plan;
		const isEmpty = notifications.length + masterData.length + removals.length === 0;
		if (isEmpty && records.length === 0) {
			showToast('info', t('exchangePage.nothingToWrite'));
			return [];
		}
		const result = await writeImport(planned.plan);
		if (!result.ok) {
			showToast('error', t('exchangePage.importFailed'));
			return result.errors.map(exchangeErrorText);
		}
		showToast('success', t('exchangePage.imported', result.written));
		// A large import left the list rows to be written: the list Worker writes them now.
		if (result.written.notifications > DEFER_ROWS_ABOVE) listClient().warmUp();
		if (result.written.records > 0) {
			showToast('success', t('records.exchange.imported', { records: result.written.records }));
		}
		if (planned.plan.moveDevice) {
			const identity = await getIdentity();
			if (identity) setAppIdentity(identity);
			showToast(
				'info',
				t('exchangePage.deviceMoved', { device: planned.plan.moveDevice.deviceCode })
			);
		}
		return [];
	} catch (error) {
		handleError(error, 'error.saveFailed');
		return [t('exchangePage.importFailed')];
	}
}

/** Sets up a new device from an export file; returns the identity, or the errors in words. */
export async function restoreDevice(
	file: File,
	deviceCode: string,
	onProgress?: (progress: ReadProgress) => void
): Promise<{ ok: true; identity: DeviceIdentity } | { ok: false; errors: string[] }> {
	try {
		const result = await restoreFromExport(file, deviceCode, onProgress ? { onProgress } : {});
		if (!result.ok) return { ok: false, errors: result.errors.map(exchangeErrorText) };
		await Promise.all([loadConfiguration(), deleteDraft(SETUP_DRAFT_KEY)]);
		setAppIdentity(result.identity);
		if (result.written.notifications > DEFER_ROWS_ABOVE) listClient().warmUp();
		showToast(
			'success',
			t('setup.restored', {
				...result.written,
				centre: result.identity.centreCode,
				device: result.identity.deviceCode
			})
		);
		return { ok: true, identity: result.identity };
	} catch (error) {
		handleError(error, 'error.saveFailed');
		return { ok: false, errors: [] };
	}
}
