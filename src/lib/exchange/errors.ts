import { VALIDATION_CODES } from '../domain/validation';
import type { MessageKey, MessageParams } from '../i18n/catalogue';

/**
 * Why a file, a record or an import was refused. Each code has the message
 * `exchange.error.<code>` in every catalogue (checked by errors.spec.ts).
 */
export const EXCHANGE_ERROR_CODES = [
	// the file as a whole
	'tooLarge',
	'empty',
	'readFailed',
	'notUtf8',
	'checksumMissing',
	'truncated',
	'checksumMismatch',
	'invalidJson',
	'invalidJsonAt',
	'tooDeep',
	'notAnObject',
	'wrongFormat',
	'unknownVersion',
	'newerVersion',
	'invalidHeader',
	'countMismatch',
	'invalidConfiguration',
	'forbiddenKey',
	'stringTooLong',
	'moreErrors',
	// one field of one record: the form's own codes, then the file's
	...VALIDATION_CODES,
	'unknownType',
	'unknownUserStatus',
	'duplicateRecord',
	'numberCentreMismatch',
	'notARecord',
	// the import
	'conflictingFiles',
	'unresolvedConflict',
	'mergeInvalid',
	'changedSincePreview',
	'writeFailed',
	'storageFull',
	'identityExists',
	'invalidDeviceCode',
	'deviceCodeInFile'
] as const;

/**
 * Why a linked record or its image was refused (issue 13); each has the message
 * `records.exchange.<code>` in every catalogue.
 */
export const RECORD_EXCHANGE_ERROR_CODES = [
	'imageMissing',
	'imageAltered',
	'recordNotOfNotification',
	'zipWithoutJson',
	'zipInvalid'
] as const;
export type RecordExchangeErrorCode = (typeof RECORD_EXCHANGE_ERROR_CODES)[number];

export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number] | RecordExchangeErrorCode;

const RECORD_CODES: ReadonlySet<string> = new Set(RECORD_EXCHANGE_ERROR_CODES);

/**
 * Which record an error is about: a notification by number, a master record by `kind:code`, a
 * linked record by its id.
 */
export interface RecordRef {
	kind: 'notification' | 'masterData' | 'record';
	key: string;
}

/** One refusal, as data: the UI renders it in the user's language with `describeExchangeError`. */
export interface ExchangeError {
	/** The file's name ('' for an error of the import as a whole). */
	file: string;
	record?: RecordRef;
	/** The field's path in the record or envelope, e.g. `items.0.materialQuantity`. */
	field?: string;
	code: ExchangeErrorCode;
	params: Record<string, string | number>;
}

/** An error of a whole file. */
export function fileError(
	file: string,
	code: ExchangeErrorCode,
	params: Record<string, string | number> = {},
	field?: string
): ExchangeError {
	return field === undefined ? { file, code, params } : { file, field, code, params };
}

/** Thrown inside the pipeline to stop at the first fatal problem of a file. */
export class ExchangeRefusal extends Error {
	constructor(readonly errors: ExchangeError[]) {
		super(errors.map((error) => `${error.file}: ${error.code}`).join('; '));
		this.name = 'ExchangeRefusal';
	}
}

/** Translates a key with params; `t` of $lib/i18n fits. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The label of a field path's last named segment (`items.0.reasonCode` → 原因代码), else the path. */
function fieldLabel(path: string, translate: Translate): string {
	const segments = path.split('.');
	const name = [...segments].reverse().find((segment) => !/^\d+$/.test(segment)) ?? path;
	const key = `field.${name}` as MessageKey;
	const label = translate(key);
	if (label === key) return path;
	return segments.length > 1 ? `${label} (${path})` : label;
}

/** Where an error is: file, record and field, in the user's language. */
export function describeErrorLocation(error: ExchangeError, translate: Translate): string {
	const parts: string[] = [];
	if (error.file) parts.push(translate('exchange.where.file', { file: error.file }));
	if (error.record) {
		const key =
			error.record.kind === 'record'
				? 'records.exchange.where'
				: `exchange.where.${error.record.kind}`;
		parts.push(translate(key as MessageKey, { key: error.record.key }));
	}
	if (error.field) {
		parts.push(translate('exchange.where.field', { field: fieldLabel(error.field, translate) }));
	}
	return parts.join(translate('exchange.where.separator'));
}

/** One line for the user: where, then what (`文件“a.json”，通知单 4002-01-000001：…`). */
export function describeExchangeError(error: ExchangeError, translate: Translate): string {
	const key = RECORD_CODES.has(error.code)
		? `records.exchange.${error.code}`
		: `exchange.error.${error.code}`;
	const message = translate(key as MessageKey, error.params);
	const where = describeErrorLocation(error, translate);
	return where ? translate('exchange.errorLine', { where, message }) : message;
}
