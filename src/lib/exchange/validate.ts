import { masterRecordSchema, type MasterRecord } from '../domain/master-data';
import { notificationSchema, type Notification } from '../domain/notification';
import { parseNotificationNumber } from '../domain/numbering';
import {
	profileOfType,
	resolveStatusCode,
	typeOf,
	type Configuration
} from '../domain/status/profile';
import { toFieldIssues } from '../domain/validation';
import { linkedRecordSchema, type LinkedRecord } from '../domain/records/record';
import type { ExchangeError, ExchangeErrorCode, RecordRef } from './errors';
import { CHUNK_SIZE, isRecord, masterKey } from './format';

/** The configurations a file's records are read with: the file's own first, then this app's. */
export interface RecordContext {
	file: string;
	fileConfiguration: Configuration;
	appConfiguration: Configuration;
	/** Called with the number of records checked so far, every CHUNK_SIZE records. */
	onProgress?: (done: number) => void;
}

/** Valid records and the errors of the others. */
export interface RecordsResult<T> {
	records: T[];
	errors: ExchangeError[];
}

/** "material no.,-quantity": the seed's item text with a negative quantity. */
const NEGATIVE_QUANTITY = /^[^,\s]+,\s*-/;

function refOfNotification(raw: unknown, index: number): RecordRef {
	const number = isRecord(raw) && typeof raw.number === 'string' ? raw.number : `#${index + 1}`;
	return { kind: 'notification', key: number };
}

function refOfMaster(raw: unknown, index: number): RecordRef {
	const isKeyed = isRecord(raw) && typeof raw.kind === 'string' && typeof raw.code === 'string';
	return {
		kind: 'masterData',
		key: isKeyed ? masterKey(raw as { kind: MasterRecord['kind']; code: string }) : `#${index + 1}`
	};
}

function recordError(
	context: RecordContext,
	record: RecordRef,
	field: string,
	code: ExchangeErrorCode,
	params: Record<string, string | number> = {}
): ExchangeError {
	return { file: context.file, record, field, code, params };
}

/** Quantities in items' "material no.,quantity" that are negative, by field path. */
function negativeQuantities(raw: unknown): string[] {
	if (!isRecord(raw) || !Array.isArray(raw.items)) return [];
	return raw.items.flatMap((item, index) =>
		isRecord(item) &&
		typeof item.materialQuantity === 'string' &&
		NEGATIVE_QUANTITY.test(item.materialQuantity)
			? [`items.${index}.materialQuantity`]
			: []
	);
}

/** Schema issues of one raw notification, with `negative` instead of `pattern` for a quantity. */
function notificationIssues(
	raw: unknown,
	ref: RecordRef,
	context: RecordContext
): { notification?: Notification; errors: ExchangeError[] } {
	const negatives = negativeQuantities(raw);
	const errors = negatives.map((path) => recordError(context, ref, path, 'negative'));
	const parsed = notificationSchema.safeParse(raw);
	if (parsed.success) return errors.length ? { errors } : { notification: parsed.data, errors };
	for (const issue of toFieldIssues(parsed.error)) {
		if (negatives.includes(issue.path)) continue;
		errors.push(recordError(context, ref, issue.path, issue.code, issue.params ?? {}));
	}
	return { errors };
}

/**
 * The notification with its user status in canonical spelling (KCWB → KCJS), resolved with the
 * file's configuration first and this app's second; errors when neither knows the type or status.
 */
function normaliseStatus(
	notification: Notification,
	ref: RecordRef,
	context: RecordContext
): { notification?: Notification; errors: ExchangeError[] } {
	const configurations = [context.fileConfiguration, context.appConfiguration];
	if (!configurations.some((c) => typeOf(c, notification.type))) {
		return {
			errors: [recordError(context, ref, 'type', 'unknownType', { type: notification.type })]
		};
	}
	const resolve = (code: string) =>
		configurations
			.map((c) => profileOfType(c, notification.type))
			.map((profile) => profile && resolveStatusCode(profile, code))
			.find((resolved) => resolved !== undefined);
	const userStatus = resolve(notification.userStatus);
	if (!userStatus) {
		const params = { status: notification.userStatus, type: notification.type };
		return { errors: [recordError(context, ref, 'userStatus', 'unknownUserStatus', params)] };
	}
	const userStatusDates = Object.fromEntries(
		Object.entries(notification.userStatusDates).map(([code, at]) => [resolve(code) ?? code, at])
	);
	return { notification: { ...notification, userStatus, userStatusDates }, errors: [] };
}

/**
 * Validates the notifications of one file part by part, in file order: schema, quantities,
 * statuses, centre, and duplicates across every part seen so far. A file read in parts feeds it
 * one part at a time; `validateNotifications` feeds it the whole list at once.
 */
export class NotificationValidator {
	private readonly seen = new Set<string>();
	private checked = 0;

	constructor(private readonly context: RecordContext) {}

	/** The next records of the file (`raws` follow those given before). */
	check(raws: readonly unknown[]): RecordsResult<Notification> {
		const { context, seen } = this;
		const records: Notification[] = [];
		const errors: ExchangeError[] = [];
		for (const raw of raws) {
			const index = this.checked;
			this.checked += 1;
			if (index % CHUNK_SIZE === 0) context.onProgress?.(index);
			const ref = refOfNotification(raw, index);
			if (!isRecord(raw)) {
				errors.push(recordError(context, ref, '', 'notARecord'));
				continue;
			}
			const parsed = notificationIssues(raw, ref, context);
			errors.push(...parsed.errors);
			if (!parsed.notification) continue;
			const normalised = normaliseStatus(parsed.notification, ref, context);
			errors.push(...normalised.errors);
			const notification = normalised.notification;
			if (!notification) continue;
			if (parseNotificationNumber(notification.number)?.centreCode !== notification.centre) {
				const params = { centre: notification.centre };
				errors.push(recordError(context, ref, 'centre', 'numberCentreMismatch', params));
				continue;
			}
			if (seen.has(notification.number)) {
				errors.push(recordError(context, ref, 'number', 'duplicateRecord'));
				continue;
			}
			seen.add(notification.number);
			records.push(notification);
		}
		return { records, errors };
	}

	/** Takes numbers validated elsewhere (another thread's parts); false when one was seen before. */
	claim(numbers: readonly string[]): boolean {
		for (const number of numbers) {
			if (this.seen.has(number)) return false;
			this.seen.add(number);
		}
		return true;
	}
}

/** Validates every notification of a file: schema, quantities, statuses, centre, duplicates. */
export function validateNotifications(
	raws: readonly unknown[],
	context: RecordContext
): RecordsResult<Notification> {
	return new NotificationValidator(context).check(raws);
}

/** Validates every master record of a file: schema and duplicate kind+code. */
export function validateMasterData(
	raws: readonly unknown[],
	context: RecordContext
): RecordsResult<MasterRecord> {
	const records: MasterRecord[] = [];
	const errors: ExchangeError[] = [];
	const seen = new Set<string>();
	raws.forEach((raw, index) => {
		const ref = refOfMaster(raw, index);
		if (!isRecord(raw)) return void errors.push(recordError(context, ref, '', 'notARecord'));
		const parsed = masterRecordSchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of toFieldIssues(parsed.error)) {
				errors.push(recordError(context, ref, issue.path, issue.code, issue.params ?? {}));
			}
			return;
		}
		const key = masterKey(parsed.data);
		if (seen.has(key)) {
			errors.push(recordError(context, ref, 'code', 'duplicateRecord'));
			return;
		}
		seen.add(key);
		records.push(parsed.data);
	});
	return { records, errors };
}

function refOfRecord(raw: unknown, index: number): RecordRef {
	const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : `#${index + 1}`;
	return { kind: 'record', key: id };
}

/**
 * Validates the linked records of a file: the schema of each kind (one union on `kind`), an id
 * that belongs to its notification, and duplicate ids.
 */
export function validateLinkedRecords(
	raws: readonly unknown[],
	context: RecordContext
): RecordsResult<LinkedRecord> {
	const records: LinkedRecord[] = [];
	const errors: ExchangeError[] = [];
	const seen = new Set<string>();
	raws.forEach((raw, index) => {
		const ref = refOfRecord(raw, index);
		if (!isRecord(raw)) return void errors.push(recordError(context, ref, '', 'notARecord'));
		const parsed = linkedRecordSchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of toFieldIssues(parsed.error)) {
				errors.push(recordError(context, ref, issue.path, issue.code, issue.params ?? {}));
			}
			return;
		}
		const record = parsed.data;
		if (!record.id.startsWith(`${record.notification}-`)) {
			const params = { notification: record.notification };
			errors.push(recordError(context, ref, 'id', 'recordNotOfNotification', params));
			return;
		}
		if (seen.has(record.id)) {
			errors.push(recordError(context, ref, 'id', 'duplicateRecord'));
			return;
		}
		seen.add(record.id);
		records.push(record);
	});
	return { records, errors };
}
