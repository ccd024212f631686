import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { db, type ImageRow } from './db';
import { forgetOwnDraft, type DraftRef } from './drafts';
import { IDENTITY_KEY } from './settings';
import { ConflictError, ForeignRecordError, NotificationMissingError } from './errors';
import type { Actor } from '../domain/actor';
import { deviceIdentitySchema } from '../domain/identity';
import { notificationSchema, recordChange, type Notification } from '../domain/notification';
import type { RatedNotification } from '../domain/overview';
import { transition, type Refusal } from '../domain/status/engine';
import type { Configuration } from '../domain/status/profile';
import {
	FIELDS_SCHEMAS,
	RECORD_KINDS,
	changeRecord,
	createRecord,
	formatRecordId,
	imagesOf,
	linkedRecordSchema,
	type FieldsOfKind,
	type ImageRef,
	type LinkedRecord,
	type RecordKind,
	type RecordOfKind
} from '../domain/records/record';

/** An image to keep with a record: its reference (as the record holds it) and its bytes. */
export interface ImageInput {
	ref: ImageRef;
	blob: Blob;
}

/** An image whose bytes are not what its reference says (hash or size), or that is missing. */
export class ImageMismatchError extends Error {
	constructor(
		readonly recordId: string,
		readonly sha256: string,
		readonly reason: 'missing' | 'altered'
	) {
		super(`image ${sha256} of record ${recordId} is ${reason}`);
		this.name = 'ImageMismatchError';
	}
}

/** A linked record that does not exist (any longer). */
export class RecordMissingError extends Error {
	constructor(readonly id: string) {
		super(`record ${id} not found`);
		this.name = 'RecordMissingError';
	}
}

/** The SHA-256 of a Blob's bytes, hex. */
export async function sha256OfBlob(blob: Blob): Promise<string> {
	return bytesToHex(sha256(new Uint8Array(await blob.arrayBuffer())));
}

/** What saving a linked record asks. */
export interface SaveRecordInput<K extends RecordKind> {
	kind: K;
	notification: string;
	/** The record changed; absent: a new record. */
	id?: string;
	/** The revision of the record the user edited (required with `id`). */
	expectedRev?: string;
	fields: FieldsOfKind[K];
	/** Images the record refers to that are not stored yet (a new signature, new photos). */
	images?: readonly ImageInput[];
	actor: Actor;
	configuration: Configuration;
	now?: Date;
	draft?: DraftRef;
}

/** What a save gives: the record and its notification as saved, or the engine's refusal. */
export type SaveRecordResult<K extends RecordKind> =
	| { ok: true; record: RecordOfKind<K>; notification: Notification }
	| { ok: false; refusal: Refusal };

/** Kinds that may still be recorded after completion (the evaluation and its follow-up). */
export const KINDS_AFTER_COMPLETION: ReadonlySet<RecordKind> = new Set(['evaluation']);

/**
 * Saves a linked record — created or changed — in ONE transaction with its notification's history
 * entry naming it ("服务单 4002-01-000021-S1-01 已保存") and the new images it refers to: all land
 * or none does (a full disk leaves nothing half-written). Images are checked against their
 * references before the transaction (hashing may not run inside it). After completion only the
 * evaluation may be saved; the engine says no to the rest with its `completed` refusal.
 */
export async function saveRecord<K extends RecordKind>(
	input: SaveRecordInput<K>
): Promise<SaveRecordResult<K>> {
	const fields = FIELDS_SCHEMAS[input.kind].parse(input.fields) as FieldsOfKind[K];
	const now = input.now ?? new Date();
	const provided = new Map<string, ImageInput>();
	for (const image of input.images ?? []) {
		const hash = await sha256OfBlob(image.blob);
		if (hash !== image.ref.sha256 || image.blob.size !== image.ref.bytes) {
			throw new ImageMismatchError(input.id ?? input.notification, image.ref.sha256, 'altered');
		}
		provided.set(hash, image);
	}
	return db.transaction(
		'rw',
		[db.settings, db.notifications, db.records, db.images, db.drafts],
		async () => {
			const notification = await db.notifications.get(input.notification);
			if (!notification) throw new NotificationMissingError(input.notification);
			const identity = deviceIdentitySchema.safeParse((await db.settings.get(IDENTITY_KEY))?.value);
			if (!identity.success || identity.data.centreCode !== notification.centre) {
				throw new ForeignRecordError(notification.number);
			}
			if (!KINDS_AFTER_COMPLETION.has(input.kind)) {
				const check = transition(
					notification,
					{ kind: 'edit' },
					input.actor,
					input.configuration,
					now
				);
				if (!check.ok) return check;
			}
			let record: RecordOfKind<K>;
			let isNew = false;
			if (input.id === undefined) {
				record = createRecord(input.kind, fields, {
					id: await nextRecordId(notification.number, input.kind, identity.data.deviceCode),
					notification: notification.number,
					actor: input.actor,
					now
				});
				isNew = true;
			} else {
				const current = await db.records.get(input.id);
				if (
					!current ||
					current.kind !== input.kind ||
					current.notification !== notification.number
				) {
					throw new RecordMissingError(input.id);
				}
				if (current.revision.rev !== input.expectedRev) {
					throw new ConflictError(input.id, input.expectedRev ?? '', current.revision.rev);
				}
				const changed = changeRecord(current as RecordOfKind<K>, fields, input.actor, now);
				if (changed === current) return { ok: true, record: changed, notification };
				record = changed;
			}
			const valid = linkedRecordSchema.parse(record) as RecordOfKind<K>;
			for (const image of imagesOf(valid)) {
				const given = provided.get(image.sha256);
				if (given) {
					const row: ImageRow = {
						sha256: image.sha256,
						blob: given.blob,
						type: image.type,
						bytes: image.bytes
					};
					await db.images.put(row);
				} else if (!(await db.images.get(image.sha256))) {
					throw new ImageMismatchError(valid.id, image.sha256, 'missing');
				}
			}
			await db.records.put(valid);
			const updated = notificationSchema.parse(
				recordChange(
					notification,
					{},
					[{ kind: 'record', field: input.kind, from: isNew ? '' : valid.id, to: valid.id }],
					input.actor,
					now
				)
			);
			await db.notifications.put(updated);
			if (input.draft) await forgetOwnDraft(input.draft);
			return { ok: true as const, record: valid, notification: updated };
		}
	);
}

/** The next free id of `kind` this device gives for a notification (inside the caller's transaction). */
async function nextRecordId(
	notification: string,
	kind: RecordKind,
	deviceCode: string
): Promise<string> {
	let sequence = 0;
	let id: string;
	do {
		sequence += 1;
		id = formatRecordId(notification, kind, deviceCode, sequence);
	} while (await db.records.get(id));
	return id;
}

const KIND_ORDER = new Map(RECORD_KINDS.map((kind, index) => [kind, index]));

/** Records in the order the object page shows them: by kind (the seed's flow), then as created. */
export function byKindThenCreated(a: LinkedRecord, b: LinkedRecord): number {
	return (
		(KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
		(a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)
	);
}

/** The linked records of one notification, in the order the object page shows them. */
export async function recordsOfNotification(notification: string): Promise<LinkedRecord[]> {
	const stored = await db.notifications.get(notification);
	const records = await recordsUnder(stored ?? { number: notification });
	return records.sort(byKindThenCreated);
}

/**
 * The linked records of a notification as stored, under its number or any number it had before a
 * number collision moved it: records keep the number they were made under (their ids hold it),
 * so a renumbered notification still finds them, on every device alike.
 */
export function recordsUnder(notification: {
	number: string;
	formerNumbers?: readonly string[];
}): Promise<LinkedRecord[]> {
	const numbers = [notification.number, ...(notification.formerNumbers ?? [])];
	return db.records.where('notification').anyOf(numbers).toArray();
}

/** Which stored notification a record's number names: itself, or the one it was renumbered to. */
async function notificationNamed(number: string): Promise<Notification | undefined> {
	return (
		(await db.notifications.get(number)) ??
		(await db.notifications.where('formerNumbers').equals(number).first())
	);
}

/** One linked record by id. */
export async function getRecord(id: string): Promise<LinkedRecord | undefined> {
	return db.records.get(id);
}

/** The records of one kind across every notification (e.g. evaluations for the follow-up list). */
export async function recordsOfKind<K extends RecordKind>(kind: K): Promise<RecordOfKind<K>[]> {
	return (await db.records.where('kind').equals(kind).toArray()) as RecordOfKind<K>[];
}

/**
 * The parts requisitions (SM05) of these notifications, by their current number (records made
 * under a number a collision moved them from included).
 */
export async function partsOfNotifications(
	notifications: readonly { number: string; formerNumbers?: readonly string[] }[]
): Promise<Map<string, RecordOfKind<'parts'>[]>> {
	const current = new Map<string, string>();
	for (const notification of notifications) {
		for (const number of [notification.number, ...(notification.formerNumbers ?? [])])
			current.set(number, notification.number);
	}
	const rows = (await db.records
		.where('[notification+kind]')
		.anyOf([...current.keys()].map((number) => [number, 'parts']))
		.toArray()) as RecordOfKind<'parts'>[];
	const byNumber = new Map<string, RecordOfKind<'parts'>[]>();
	for (const row of rows) {
		const number = current.get(row.notification) ?? row.notification;
		byNumber.set(number, [...(byNumber.get(number) ?? []), row]);
	}
	return byNumber;
}

/**
 * Every evaluation with its notification's person responsible and centre, for the overview's
 * ratings and the follow-up list. Evaluations are few (one per notification at most, usually).
 */
export async function ratedNotifications(): Promise<RatedNotification[]> {
	const evaluations = await recordsOfKind('evaluation');
	const numbers = [...new Set(evaluations.map((evaluation) => evaluation.notification))];
	const notifications = await Promise.all(numbers.map(notificationNamed));
	const byNumber = new Map(numbers.map((number, index) => [number, notifications[index]]));
	return evaluations.map((evaluation) => {
		const notification = byNumber.get(evaluation.notification);
		return {
			id: evaluation.id,
			notification: evaluation.notification,
			rating: evaluation.rating,
			followUpDate: evaluation.followUpDate || undefined,
			followedUpAt: evaluation.followedUpAt,
			responsible: notification?.responsible ?? '',
			centre: notification?.centre ?? ''
		};
	});
}

/** A stored image by the SHA-256 of its bytes. */
export async function getImage(sha256Hex: string): Promise<ImageRow | undefined> {
	return db.images.get(sha256Hex);
}
