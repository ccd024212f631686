import { db } from './db';
import { forgetOwnDraft, type DraftRef } from './drafts';
import { recordsUnder } from './records';
import { IDENTITY_KEY, SEQUENCE_KEY } from './settings';
import { ConflictError, NotificationMissingError, ForeignRecordError } from './errors';
import type { Actor } from '../domain/actor';
import type { Configuration } from '../domain/status/profile';
import { profileOfType } from '../domain/status/profile';
import {
	transition,
	type NotificationAction,
	type Refusal,
	type TransitionResult
} from '../domain/status/engine';
import {
	appendLongText,
	createNotification,
	notificationFieldsSchema,
	notificationSchema,
	type Notification,
	type NotificationFields
} from '../domain/notification';
import { formatNotificationNumber } from '../domain/numbering';
import { deviceIdentitySchema } from '../domain/identity';
import { OPEN_SYSTEM_STATUSES } from '../domain/work-plan';
import { recordCompletionGuards } from '../domain/records/guards';
import type { LinkedRecord } from '../domain/records/record';

/** One notification by number. */
export async function getNotification(number: string): Promise<Notification | undefined> {
	return db.notifications.get(number);
}

/**
 * Creates a notification with the next number of this device's range. The number, the counter and
 * the draft removal are one transaction: a failed save takes no number and keeps the draft. Long
 * text typed while creating is written with the record, in the same insert.
 */
export async function addNotification(
	fields: NotificationFields,
	actor: Actor,
	configuration: Configuration,
	options: { now?: Date; draft?: DraftRef; longText?: string } = {}
): Promise<Notification> {
	const valid = notificationFieldsSchema.parse(fields);
	const profile = profileOfType(configuration, valid.type);
	const initial = profile?.statuses.find((status) => status.isInitial);
	if (!initial) throw new Error(`no status profile for type ${valid.type}`);
	return db.transaction('rw', [db.settings, db.notifications, db.drafts], async () => {
		const identity = deviceIdentitySchema.parse((await db.settings.get(IDENTITY_KEY))?.value);
		let sequence = Number((await db.settings.get(SEQUENCE_KEY))?.value ?? 0);
		let number: string;
		// Skip numbers that exist already (e.g. restored from this device's own export).
		do {
			sequence += 1;
			number = formatNotificationNumber(identity.centreCode, identity.deviceCode, sequence);
		} while (await db.notifications.get(number));
		const notification = notificationSchema.parse(
			// The sales office is the responsibility centre that creates it (SPEC §3), never typed.
			createNotification(
				{ ...valid, salesOffice: identity.centreCode },
				{
					number,
					centre: identity.centreCode,
					initialUserStatus: initial.code,
					actor,
					now: options.now ?? new Date(),
					...(options.longText ? { longText: options.longText } : {})
				}
			)
		);
		await db.notifications.add(notification);
		await db.settings.put({ key: SEQUENCE_KEY, value: sequence });
		if (options.draft) await forgetOwnDraft(options.draft);
		return notification;
	});
}

/**
 * Reads a notification for a change inside the caller's transaction and checks that the caller
 * saw the current revision and that this centre owns it. The version check inside the write
 * transaction is what makes a stale tab's save fail instead of overwriting.
 */
async function currentForChange(number: string, expectedRev: string): Promise<Notification> {
	const current = await db.notifications.get(number);
	if (!current) throw new NotificationMissingError(number);
	if (current.revision.rev !== expectedRev)
		throw new ConflictError(number, expectedRev, current.revision.rev);
	const identity = deviceIdentitySchema.safeParse((await db.settings.get(IDENTITY_KEY))?.value);
	if (!identity.success || identity.data.centreCode !== current.centre)
		throw new ForeignRecordError(number);
	return current;
}

/** What a change of a stored notification returns: the saved record, or the engine's refusal. */
export type ChangeResult =
	{ ok: true; notification: Notification } | { ok: false; refusal: Refusal };

/**
 * Changes one stored notification in one transaction: reads it, checks the revision the user saw
 * and the owning centre, lets `change` compute the new version (or refuse), validates and writes
 * it. A change and its history entry therefore land together or not at all.
 */
async function changeNotification(
	number: string,
	expectedRev: string,
	change: (current: Notification, records: LinkedRecord[]) => TransitionResult,
	draft?: DraftRef
): Promise<ChangeResult> {
	return db.transaction('rw', [db.settings, db.notifications, db.drafts, db.records], async () => {
		const current = await currentForChange(number, expectedRev);
		// The completion guards look at the linked records as they are in this transaction.
		const records = await recordsUnder(current);
		const result = change(current, records);
		if (!result.ok) return result;
		const updated = notificationSchema.parse(result.notification);
		await db.notifications.put(updated);
		if (draft) await forgetOwnDraft(draft);
		return { ok: true as const, notification: updated };
	});
}

/** Saves edited fields (one history entry per changed field); refuses a stale copy. */
export async function saveNotificationFields(
	number: string,
	expectedRev: string,
	fields: NotificationFields,
	actor: Actor,
	configuration: Configuration,
	options: { now?: Date; draft?: DraftRef } = {}
): Promise<ChangeResult> {
	const valid = notificationFieldsSchema.parse(fields);
	const now = options.now ?? new Date();
	// The engine checks the edit (read-only after completion, type change only while outstanding)
	// and applies it with one history entry per changed field.
	return changeNotification(
		number,
		expectedRev,
		(current) => transition(current, { kind: 'edit', fields: valid }, actor, configuration, now),
		options.draft
	);
}

/** Adds a long-text entry; refused when the notification is completed. */
export async function addLongTextEntry(
	number: string,
	expectedRev: string,
	text: string,
	actor: Actor,
	configuration: Configuration,
	now = new Date()
): Promise<ChangeResult> {
	return changeNotification(number, expectedRev, (current) => {
		const editCheck = transition(current, { kind: 'edit' }, actor, configuration, now);
		return editCheck.ok
			? { ok: true, notification: appendLongText(current, text, actor, now) }
			: editCheck;
	});
}

/**
 * Applies a status action (put in process, postpone, complete, user status…) from the revision
 * the user saw.
 */
export async function applyNotificationAction(
	number: string,
	expectedRev: string,
	action: NotificationAction,
	actor: Actor,
	configuration: Configuration,
	now = new Date()
): Promise<ChangeResult> {
	return changeNotification(number, expectedRev, (current, records) =>
		transition(current, action, actor, configuration, now, {
			completionGuards: recordCompletionGuards(records)
		})
	);
}

/** The centres that have notifications on this device (head office sees several). */
export async function knownCentres(): Promise<string[]> {
	// One seek per centre: the index jumps past each centre's notifications instead of walking
	// them (a walk of the index over 100,000 entries is what a unique-key cursor does).
	return db.transaction('r', db.notifications, async () => {
		const centres: string[] = [];
		let next = await db.notifications.orderBy('centre').limit(1).keys();
		while (next.length > 0) {
			const centre = String(next[0]);
			centres.push(centre);
			next = await db.notifications.where('centre').above(centre).limit(1).keys();
		}
		return centres;
	});
}

/**
 * The open notifications (outstanding, in process, postponed) a work plan is built from, of one
 * centre or, at head office, of all; the work-plan domain picks the days. Read by the system
 * status index, so completed work is never loaded.
 */
export async function selectOpenNotifications(centre?: string): Promise<Notification[]> {
	const open = db.notifications.where('systemStatus').anyOf([...OPEN_SYSTEM_STATUSES]);
	return centre
		? open.filter((notification) => notification.centre === centre).toArray()
		: open.toArray();
}

/**
 * Sets NOPT on every notification of a printed work plan, with one history entry each naming the
 * plan's range ("2001/03/07–2001/03/08"), all in one transaction: either every record of the plan
 * shows it was printed or none does. Only this centre's own records may be given (another
 * centre's is read-only and aborts the whole write); printing needs no particular revision, so
 * each record is marked as it is now.
 */
export async function markPrintedInWorkPlan(
	numbers: readonly string[],
	workPlan: string,
	actor: Actor,
	configuration: Configuration,
	now = new Date()
): Promise<Notification[]> {
	return db.transaction('rw', [db.settings, db.notifications], async () => {
		const identity = deviceIdentitySchema.safeParse((await db.settings.get(IDENTITY_KEY))?.value);
		const updated: Notification[] = [];
		for (const number of numbers) {
			const current = await db.notifications.get(number);
			if (!current) throw new NotificationMissingError(number);
			if (!identity.success || identity.data.centreCode !== current.centre)
				throw new ForeignRecordError(number);
			const result = transition(
				current,
				{ kind: 'markPrinted', workPlan },
				actor,
				configuration,
				now
			);
			// The engine allows printing in every state; a refusal here is a bug, not a user error.
			if (!result.ok) throw new Error(`printing ${number} refused: ${result.refusal.code}`);
			updated.push(notificationSchema.parse(result.notification));
		}
		await db.notifications.bulkPut(updated);
		return updated;
	});
}
