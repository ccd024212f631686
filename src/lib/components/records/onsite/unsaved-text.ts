import { getConnection } from '$lib/data/connection.svelte';
import type { Notification } from '$lib/domain/notification';
import type { Configuration } from '$lib/domain/status/profile';
import { t } from '$lib/i18n';
import { handleError, storageFailureKey } from '$lib/services/handle-error';
import { refusalText } from '$lib/services/labels';
import type { OnsiteSaveOutcome } from '$lib/services/onsite-forms';

/** A save of an on-site form that did not go through, and why. */
export type Unsaved = Extract<
	OnsiteSaveOutcome<unknown>,
	{ kind: 'refused' | 'conflict' | 'storageFull' | 'failed' }
>;

/**
 * The form's message for a save that did not go through — the engine refused it, another device
 * changed the record, the disk is full, or the storage failed — with the form's `title`
 * (服务单, 客诉单); a storage failure is reported as well.
 */
export function unsavedText(
	outcome: Unsaved,
	title: string,
	context: { notification: Notification; configuration: Configuration; recordId: string }
): string {
	switch (outcome.kind) {
		case 'refused':
			return refusalText(outcome.refusal, context.configuration, context.notification.type);
		case 'conflict':
			return t('onsite.conflict', { id: context.recordId });
		case 'storageFull':
			handleError(outcome.error);
			return t('onsite.storageFull', { title });
		case 'failed': {
			const key = storageFailureKey(outcome.error, getConnection().kind);
			handleError(outcome.error, 'error.saveFailed');
			return key ? t(key) : t('error.saveFailed', { message: String(outcome.error) });
		}
	}
}
