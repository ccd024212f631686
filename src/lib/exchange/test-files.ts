import { defaultConfiguration } from '../domain/configuration';
import type { MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';
import { makeNotification } from '../domain/test-factories';
import { CHECKSUM_MEMBER, FORMAT_NAME, FORMAT_VERSION } from './format';
import { sha256Hex } from './guards';
import { readExchangeBytes, type ReadResult } from './import';

/** Bytes that a Blob or File takes as a part. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** The moment test files are exported. */
export const TEST_EXPORTED_AT = '2001-03-09T08:00:00.000Z';

/** A notification of centre/device with a sequence, otherwise the factory's seed example. */
export function makeNumbered(
	sequence: number,
	overrides: Partial<Notification> = {},
	device = '01'
): Notification {
	const centre = overrides.centre ?? '4002';
	const number = `${centre}-${device}-${String(sequence).padStart(6, '0')}`;
	const base = makeNotification({ number, centre, salesOffice: centre });
	return { ...base, history: [{ ...base.history[0]!, to: number }], ...overrides };
}

/** A v1 envelope as a plain object (counts from the lists), before it is sealed. */
export function makeEnvelope(
	notifications: readonly unknown[],
	masterData: readonly unknown[] = [],
	overrides: Record<string, unknown> = {}
): Record<string, unknown> {
	return {
		format: FORMAT_NAME,
		formatVersion: FORMAT_VERSION,
		appVersion: 'test',
		centre: { code: '4002', name: '上海责任中心' },
		device: '01',
		exportedAt: TEST_EXPORTED_AT,
		counts: { notifications: notifications.length, masterData: masterData.length, records: 0 },
		configuration: defaultConfiguration,
		masterData,
		notifications,
		records: [],
		...overrides
	};
}

/** Seals the JSON text of an object as an exchange file: its body, then the checksum member. */
export function sealText(json: string): Bytes {
	const body = new TextEncoder().encode(json.trimEnd().slice(0, -1));
	const tail = new TextEncoder().encode(`${CHECKSUM_MEMBER}${sha256Hex([body])}"}`);
	const bytes = new Uint8Array(body.length + tail.length);
	bytes.set(body);
	bytes.set(tail, body.length);
	return bytes;
}

/** A sealed file of an envelope object. */
export function sealEnvelope(envelope: Record<string, unknown>): Bytes {
	return sealText(JSON.stringify(envelope));
}

/** A sealed file of these records, as centre 4002 device 01 exports them. */
export function makeFileBytes(
	notifications: readonly Notification[],
	masterData: readonly MasterRecord[] = [],
	overrides: Record<string, unknown> = {}
): Bytes {
	return sealEnvelope(makeEnvelope(notifications, masterData, overrides));
}

/** Reads bytes with the default configuration. */
export function readBytes(name: string, bytes: Uint8Array): ReadResult {
	return readExchangeBytes(name, bytes, { configuration: defaultConfiguration });
}
