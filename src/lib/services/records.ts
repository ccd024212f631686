import { ConflictError, ForeignRecordError, NotificationMissingError } from '$lib/data/errors';
import {
	ImageMismatchError,
	RecordMissingError,
	saveRecord,
	type ImageInput
} from '$lib/data/records';
import type { DraftRef } from '$lib/data/drafts';
import type { Actor } from '$lib/domain/actor';
import type { Notification } from '$lib/domain/notification';
import { toRecordIssues, type RecordFieldIssue } from '$lib/domain/records/issues';
import {
	FIELDS_SCHEMAS,
	type FieldsOfKind,
	type RecordKind,
	type RecordOfKind
} from '$lib/domain/records/record';
import { proposeSurveyDone } from '$lib/domain/records/survey';
import type { Refusal } from '$lib/domain/status/engine';
import { t, type MessageKey } from '$lib/i18n';
import { currentConfiguration } from './configuration.svelte';
import { handleError } from './handle-error';
import { runAction } from './notifications';
import { showToast } from './toast.svelte';

/** What saving a linked record's form gives the form. */
export type RecordSaveOutcome<K extends RecordKind> =
	| {
			kind: 'saved';
			record: RecordOfKind<K>;
			notification: Notification;
			proposal?: { code: string };
	  }
	| { kind: 'invalid'; issues: RecordFieldIssue[] }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'conflict' }
	| { kind: 'failed' };

/** The kind's name in the user's language. */
export function recordKindText(kind: RecordKind): string {
	return t(`records.kind.${kind}` as MessageKey);
}

/** Checks a form's fields with the kind's schema; the issues name the fields. */
export function validateRecordFields<K extends RecordKind>(
	kind: K,
	fields: unknown
): RecordFieldIssue[] {
	const parsed = FIELDS_SCHEMAS[kind].safeParse(fields);
	return parsed.success ? [] : toRecordIssues(parsed.error);
}

/**
 * Saves a linked record's form (new when `id` is absent) with the images it brings, in one
 * transaction with the notification's history entry. The form keeps what was typed on every
 * outcome but `saved`; a full disk is told in the storage's words through the error funnel. A
 * saved service form with the survey done comes back with the KCJS proposal (point 4).
 */
export async function saveRecordForm<K extends RecordKind>(input: {
	kind: K;
	notification: Notification;
	id?: string;
	expectedRev?: string;
	fields: FieldsOfKind[K];
	images?: readonly ImageInput[];
	actor: Actor;
	draft?: DraftRef;
}): Promise<RecordSaveOutcome<K>> {
	const issues = validateRecordFields(input.kind, input.fields);
	if (issues.length > 0) return { kind: 'invalid', issues };
	const configuration = currentConfiguration();
	try {
		const result = await saveRecord({
			kind: input.kind,
			notification: input.notification.number,
			fields: input.fields,
			actor: input.actor,
			configuration,
			...(input.id !== undefined ? { id: input.id, expectedRev: input.expectedRev ?? '' } : {}),
			...(input.images ? { images: input.images } : {}),
			...(input.draft ? { draft: input.draft } : {})
		});
		if (!result.ok) return { kind: 'refused', refusal: result.refusal };
		showToast(
			'success',
			t('records.saved', { kind: recordKindText(input.kind), id: result.record.id })
		);
		const proposal =
			input.kind === 'serviceForm'
				? proposeSurveyDone(
						result.notification,
						input.fields as FieldsOfKind['serviceForm'],
						input.actor,
						configuration
					)
				: undefined;
		return {
			kind: 'saved',
			record: result.record,
			notification: result.notification,
			...(proposal ? { proposal } : {})
		};
	} catch (error) {
		if (error instanceof ConflictError) return { kind: 'conflict' };
		if (error instanceof ForeignRecordError) {
			showToast('error', t('notification.foreignRecord', { number: input.notification.number }));
		} else if (error instanceof NotificationMissingError || error instanceof RecordMissingError) {
			showToast('error', t('notification.notFound', { number: input.notification.number }));
		} else if (error instanceof ImageMismatchError) {
			handleError(error, 'error.saveFailed');
		} else {
			handleError(error, 'error.saveFailed');
		}
		return { kind: 'failed' };
	}
}

/**
 * Carries out the KCJS proposal through the engine (never by writing the status): the same
 * `setUserStatus` action as the button in the action bar.
 */
export async function acceptSurveyProposal(
	notification: Notification,
	code: string,
	actor: Actor,
	label: string
) {
	return runAction(notification, { kind: 'setUserStatus', code }, actor, label);
}
