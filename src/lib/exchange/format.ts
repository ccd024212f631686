import { isoDateTimeSchema } from '../domain/dates';
import { centreCodeSchema, deviceCodeSchema } from '../domain/identity';
import type { MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';
import type { LinkedRecord } from '../domain/records/record';
import { configurationSchema, type Configuration } from '../domain/status/profile';
import { z } from '../domain/zod';

/** The `format` member every exchange file carries. */
export const FORMAT_NAME = 'shouhou-exchange';

/** The format version this app writes; older ones are migrated on import, newer ones refused. */
export const FORMAT_VERSION = 4;

/** Limits of an import (docs/exchange-format.md, "Limits"). */
export const LIMITS = {
	/** Largest file accepted: 400 MB, twice a busy centre's 100,000 notifications (192 MB measured); V8 strings stop near 512 MB. */
	fileBytes: 400 * 1024 * 1024,
	/** Deepest nesting of arrays and objects; a real file needs about 7. */
	depth: 64,
	/** Longest string in any field, in UTF-16 units. The schemas' own limits are far lower. */
	stringLength: 100_000,
	/** Errors listed per file before the rest are only counted. */
	reportedErrors: 200
} as const;

/** How many records the export writes per Blob part and the import writes per `bulkPut`. */
export const CHUNK_SIZE = 1000;

/** The member that ends every file; the checksum covers every byte before its comma. */
export const CHECKSUM_MEMBER = ',"checksum":"';

/** Bytes of the tail `,"checksum":"<64 hex>"}` that ends every file of version 1 and later. */
export const CHECKSUM_TAIL_BYTES = CHECKSUM_MEMBER.length + 64 + 2;

/** The responsibility centre of the device that wrote the file. */
export const exchangeCentreSchema = z.object({
	code: centreCodeSchema,
	name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(40)
});

const countSchema = z.number({ error: 'required' }).int({ error: 'invalid' }).min(0);

/** Everything of a file except its records and configuration: who wrote it, when, how many. */
export const exchangeHeaderSchema = z.object({
	format: z.literal(FORMAT_NAME),
	formatVersion: z.literal(FORMAT_VERSION),
	appVersion: z.string({ error: 'required' }).max(60, { error: 'tooLong' }),
	centre: exchangeCentreSchema,
	/** The exporting device's code; '' for a file migrated from a version that did not record it. */
	device: z.union([z.literal(''), deviceCodeSchema]),
	exportedAt: isoDateTimeSchema,
	/** v4: `records` counts the linked records (parts, quote, service form, …). */
	counts: z.object({ notifications: countSchema, masterData: countSchema, records: countSchema }),
	/**
	 * v2: the device codes of its centre the exporting device knows; a device choosing a new code
	 * after a number collision avoids them all.
	 */
	knownDevices: z.array(deviceCodeSchema).max(1296).optional()
});
export type ExchangeHeader = z.infer<typeof exchangeHeaderSchema>;

/** A current-version envelope as read: header and configuration checked, records not yet. */
export const rawEnvelopeSchema = exchangeHeaderSchema.extend({
	configuration: configurationSchema,
	masterData: z.array(z.unknown()),
	notifications: z.array(z.unknown()),
	records: z.array(z.unknown())
});
export type RawEnvelope = z.infer<typeof rawEnvelopeSchema>;

/** A file that passed every check: header, configuration and valid records. */
export interface ValidatedFile {
	/** The file name, as errors and the preview name it. */
	name: string;
	/** The version the file was written in, before migration. */
	sourceVersion: number;
	header: ExchangeHeader;
	configuration: Configuration;
	masterData: MasterRecord[];
	notifications: Notification[];
	/** v4: the linked records. */
	records: LinkedRecord[];
	/** The images of a ZIP export, each checked against its SHA-256 (none for a bare JSON file). */
	images: ImportedImage[];
}

/** An image read from an export ZIP, its bytes hashed and found equal to its reference. */
export interface ImportedImage {
	sha256: string;
	type: 'image/jpeg' | 'image/png';
	bytes: Uint8Array;
}

/** The key of a master record across the app: kind and code (`customer:27`). */
export function masterKey(record: Pick<MasterRecord, 'kind' | 'code'>): string {
	return `${record.kind}:${record.code}`;
}

/**
 * `shouhou-<centre>-<device>-<YYYYMMDD-HHmm>.json`, in the device's local time: two devices of a
 * centre exporting in the same minute give two different names.
 */
export function exportFileName(centreCode: string, deviceCode: string, at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
	const time = `${pad(at.getHours())}${pad(at.getMinutes())}`;
	return `shouhou-${centreCode}-${deviceCode}-${day}-${time}.json`;
}

/** Canonical JSON (sorted keys) lives in the domain: revision ids are hashed from it. */
export { canonicalJson } from '../domain/canonical';

/** Whether a parsed JSON value is an object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
