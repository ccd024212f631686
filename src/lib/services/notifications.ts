import { ConflictError, ForeignRecordError, NotificationMissingError } from '$lib/data/errors';
import {
	addLongTextEntry,
	addNotification,
	applyNotificationAction,
	getNotification,
	saveNotificationFields,
	type ChangeResult
} from '$lib/data/notifications';
import type { DraftRef } from '$lib/data/drafts';
import { loadMasterRecords } from '$lib/data/master-data';
import { checkReferences, referencedMasterKeys } from '$lib/domain/master-data';
import {
	fieldsOf,
	initialLongTextSchema,
	notificationFieldsSchema,
	type Notification,
	type NotificationFields
} from '$lib/domain/notification';
import { compareRevisions } from '$lib/domain/revision';
import { routeIssues, type NotificationAction, type Refusal } from '$lib/domain/status/engine';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';
import { z } from '$lib/domain/zod';
import type { Actor } from '$lib/domain/actor';
import { t } from '$lib/i18n';
import { currentConfiguration } from './configuration.svelte';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

/** The outcome of a save as the form needs it. */
export type SaveOutcome =
	| { kind: 'saved'; notification: Notification }
	| { kind: 'invalid'; issues: FieldIssue[] }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'conflict' }
	| { kind: 'failed' };

/** The newest version of each notification that this page wrote, and its change still running. */
const written = new Map<string, Notification>();
const running = new Map<string, Promise<unknown>>();

/** Validates the form: field rules first, then codes against master data. */
export async function validateFields(fields: NotificationFields): Promise<FieldIssue[]> {
	const parsed = notificationFieldsSchema.safeParse(fields);
	const issues = parsed.success ? [] : toFieldIssues(parsed.error);
	const references = [
		// Only the records the fields name: a save never reads every customer of the centre.
		...checkReferences(fields, await loadMasterRecords(referencedMasterKeys(fields))),
		...routeIssues(fields, currentConfiguration())
	];
	const seen = new Set(issues.map((issue) => issue.path));
	return [...issues, ...references.filter((issue) => !seen.has(issue.path))];
}

/**
 * A failed write never looks like a success. A conflict is returned for the form to explain next
 * to the user's text; every other failure goes through the error funnel in the user's words.
 */
function failure(error: unknown, number: string): SaveOutcome {
	if (error instanceof ConflictError) return { kind: 'conflict' };
	if (error instanceof ForeignRecordError) {
		showToast('error', t('notification.foreignRecord', { number }));
	} else if (error instanceof NotificationMissingError) {
		showToast('error', t('notification.notFound', { number }));
	} else if (error instanceof z.ZodError) {
		console.error(error);
		showToast('error', t('error.invalidData'));
	} else {
		handleError(error, 'error.saveFailed');
	}
	return { kind: 'failed' };
}

/**
 * Creates a notification from the form, with the long text typed there as its first entry; shows
 * its new number at once, as SAP's status bar does.
 */
export async function createFromForm(
	fields: NotificationFields,
	actor: Actor,
	draft: DraftRef,
	longText = ''
): Promise<SaveOutcome> {
	try {
		const longTextCheck = initialLongTextSchema.safeParse(longText);
		const issues = [
			...(await validateFields(fields)),
			...(longTextCheck.success
				? []
				: toFieldIssues(longTextCheck.error).map((issue) => ({ ...issue, path: 'longText' })))
		];
		if (issues.length > 0) return { kind: 'invalid', issues };
		const notification = await addNotification(fields, actor, currentConfiguration(), {
			draft,
			longText
		});
		showToast('success', t('notification.created', { number: notification.number }));
		return { kind: 'saved', notification };
	} catch (error) {
		return failure(error, '');
	}
}

/** Saves a changed form from the revision the user opened; a stale copy gets the conflict message. */
export async function saveFromForm(
	number: string,
	expectedRev: string,
	fields: NotificationFields,
	actor: Actor,
	draft: DraftRef
): Promise<SaveOutcome> {
	try {
		const issues = await validateFields(fields);
		if (issues.length > 0) return { kind: 'invalid', issues };
		const result = await saveNotificationFields(
			number,
			expectedRev,
			fields,
			actor,
			currentConfiguration(),
			{ draft }
		);
		if (!result.ok) return { kind: 'refused', refusal: result.refusal };
		written.set(number, result.notification);
		showToast('success', t('notification.saved', { number }));
		return { kind: 'saved', notification: result.notification };
	} catch (error) {
		return failure(error, number);
	}
}

/**
 * Runs one change of a stored notification: a success toast, or the refusal or conflict for the
 * screen to show next to the action, or a failure through the error funnel.
 */
async function settle(
	notification: Notification,
	change: () => Promise<ChangeResult>,
	successText?: string
): Promise<SaveOutcome> {
	try {
		const result = await change();
		if (!result.ok) return { kind: 'refused', refusal: result.refusal };
		if (successText) showToast('success', successText);
		return { kind: 'saved', notification: result.notification };
	} catch (error) {
		return failure(error, notification.number);
	}
}

/**
 * The revision a change of this page starts from: the one on screen, or the one this page's own
 * previous change wrote when the live query has not shown it yet. Without this an action pressed
 * right after adding a long text used the shown, older revision and was refused as a conflict
 * with the page's own entry. A change from elsewhere is still a conflict: only a revision that
 * descends from the shown one replaces it.
 */
function startingRevision(shown: Notification): string {
	const own = written.get(shown.number);
	return own && compareRevisions(shown.revision, own.revision) === 'theirsNewer'
		? own.revision.rev
		: shown.revision.rev;
}

/**
 * Runs this page's changes of one notification one after another, each from the newest revision
 * known when its turn comes: two quick clicks both land instead of racing for one revision.
 */
function inTurn(
	notification: Notification,
	change: (expectedRev: string) => Promise<ChangeResult>,
	successText?: string
): Promise<SaveOutcome> {
	const { number } = notification;
	const previous = running.get(number) ?? Promise.resolve();
	const next = previous.then(async () => {
		const outcome = await settle(
			notification,
			() => change(startingRevision(notification)),
			successText
		);
		if (outcome.kind === 'saved') written.set(number, outcome.notification);
		return outcome;
	});
	running.set(number, next);
	void next.finally(() => {
		if (running.get(number) === next) running.delete(number);
	});
	return next;
}

/** Runs a status action and tells the user what happened or why it was refused. */
export async function runAction(
	notification: Notification,
	action: NotificationAction,
	actor: Actor,
	doneText: string
): Promise<SaveOutcome> {
	return inTurn(
		notification,
		(expectedRev) =>
			applyNotificationAction(
				notification.number,
				expectedRev,
				action,
				actor,
				currentConfiguration()
			),
		t('notification.actionDone', { action: doneText })
	);
}

/** Appends a long-text entry. */
export async function addLongText(
	notification: Notification,
	text: string,
	actor: Actor
): Promise<SaveOutcome> {
	return inTurn(notification, (expectedRev) =>
		addLongTextEntry(notification.number, expectedRev, text, actor, currentConfiguration())
	);
}

/**
 * The form of a new notification copied from an earlier one (参照-通知单): every field but its
 * number, statuses and history, with the chosen type and the reference noted; undefined when the
 * reference does not exist.
 */
export async function copyOfReference(
	number: string,
	type: string
): Promise<NotificationFields | undefined> {
	const found = await getNotification(number);
	return found && { ...fieldsOf(found), type, referenceNumber: found.number };
}
