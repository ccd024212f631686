import type { Notification } from '$lib/domain/notification';
import { recordIssuesByPath, type RecordFieldIssue } from '$lib/domain/records/issues';
import type { FieldsOfKind, LinkedRecord, RecordKind } from '$lib/domain/records/record';
import type { Actor } from '$lib/domain/actor';
import { t } from '$lib/i18n';
import { refusalText } from '$lib/services/labels';
import { currentConfiguration } from '$lib/services/configuration.svelte';
import { recordKindText, saveRecordForm, validateRecordFields } from '$lib/services/records';

/** What a desk form shows after pressing save: field issues, a message, or done. */
export interface FormState {
	issues: Record<string, RecordFieldIssue>;
	message: string;
	isDone: boolean;
}

/** The fields a desk form read from what was typed, and what could not be read. */
export interface TypedFields<K extends RecordKind> {
	fields: FieldsOfKind[K];
	issues: RecordFieldIssue[];
}

/**
 * One desk form's saving: busy while it runs, what to show after it, and `onDone` once saved. The
 * context is read at each submit, so the form saves against the record as it is then.
 */
export class RecordSubmission<K extends RecordKind> {
	result = $state<FormState>({ issues: {}, message: '', isDone: false });
	isBusy = $state(false);

	constructor(
		private readonly kind: K,
		private readonly context: () => {
			notification: Notification;
			record: LinkedRecord | undefined;
			actor: Actor | undefined;
		},
		private readonly onDone: () => void
	) {}

	async submit(typed: TypedFields<K>): Promise<void> {
		this.isBusy = true;
		try {
			this.result = await submitRecordForm({
				kind: this.kind,
				...this.context(),
				fields: typed.fields,
				typingIssues: typed.issues
			});
		} finally {
			this.isBusy = false;
		}
		if (this.result.isDone) this.onDone();
	}
}

/**
 * Validates (typing issues from the form first, then the schema) and saves a desk form's fields;
 * the form keeps what was typed unless it was saved.
 */
async function submitRecordForm<K extends RecordKind>(input: {
	kind: K;
	notification: Notification;
	record: LinkedRecord | undefined;
	actor: Actor | undefined;
	fields: FieldsOfKind[K];
	typingIssues: RecordFieldIssue[];
}): Promise<FormState> {
	if (!input.actor) return { issues: {}, message: t('user.needUser'), isDone: false };
	const schemaIssues = validateRecordFields(input.kind, input.fields);
	const typed = new Set(input.typingIssues.map((issue) => issue.path));
	const issues = [...input.typingIssues, ...schemaIssues.filter((issue) => !typed.has(issue.path))];
	if (issues.length > 0) return { issues: recordIssuesByPath(issues), message: '', isDone: false };
	const outcome = await saveRecordForm({
		kind: input.kind,
		notification: input.notification,
		fields: input.fields,
		actor: input.actor,
		...(input.record ? { id: input.record.id, expectedRev: input.record.revision.rev } : {})
	});
	switch (outcome.kind) {
		case 'saved':
			return { issues: {}, message: '', isDone: true };
		case 'invalid':
			return { issues: recordIssuesByPath(outcome.issues), message: '', isDone: false };
		case 'refused':
			return {
				issues: {},
				message: refusalText(outcome.refusal, currentConfiguration(), input.notification.type),
				isDone: false
			};
		case 'conflict':
			return {
				issues: {},
				message: t('notification.conflict', { number: input.notification.number }),
				isDone: false
			};
		case 'failed':
			return {
				issues: {},
				message: t('records.saveFailed', { kind: recordKindText(input.kind) }),
				isDone: false
			};
	}
}
