import {
	deleteMasterRecord,
	removeSampleMasterData,
	saveMasterRecord
} from '$lib/data/master-data';
import {
	masterRecordSchema,
	type MasterKind,
	type MasterRecordInput
} from '$lib/domain/master-data';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';
import { t } from '$lib/i18n';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

/** Validates and saves a master-data record: saved, refused with field issues, or failed. */
export async function saveRecord(
	input: MasterRecordInput
): Promise<{ kind: 'saved' } | { kind: 'invalid'; issues: FieldIssue[] } | { kind: 'failed' }> {
	const parsed = masterRecordSchema.safeParse(input);
	if (!parsed.success) return { kind: 'invalid', issues: toFieldIssues(parsed.error) };
	try {
		await saveMasterRecord(parsed.data);
		showToast('success', t('masterData.saved', { code: parsed.data.code }));
		return { kind: 'saved' };
	} catch (error) {
		// The form keeps what was typed: a failed write never looks like a success.
		handleError(error, 'error.saveFailed');
		return { kind: 'failed' };
	}
}

/** Deletes a record. */
export async function deleteRecord(kind: MasterKind, code: string): Promise<void> {
	try {
		await deleteMasterRecord(kind, code);
		showToast('success', t('masterData.deleted', { code }));
	} catch (error) {
		handleError(error);
	}
}

/** Removes the sample data seeded at first run. */
export async function removeSamples(): Promise<void> {
	try {
		const count = await removeSampleMasterData();
		showToast('success', t('masterData.removedSample', { count }));
	} catch (error) {
		handleError(error);
	}
}
