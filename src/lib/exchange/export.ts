import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';
import type { LinkedRecord } from '../domain/records/record';
import type { Configuration } from '../domain/status/profile';
import { sha256HexOf } from './guards';
import {
	CHECKSUM_MEMBER,
	FORMAT_NAME,
	FORMAT_VERSION,
	exportFileName,
	type ExchangeHeader
} from './format';

/** What the header of an export says about its writer; the counts must match what is added. */
export interface ExportHeaderInput {
	appVersion: string;
	centre: { code: string; name: string };
	device: string;
	exportedAt: Date;
	/** `records` may be left out when there are none (callers from before the linked records). */
	counts: { notifications: number; masterData: number; records?: number };
	/** Device codes of the centre the writer knows (so a device set up again never reuses one). */
	knownDevices?: readonly string[];
}

/** A finished export: the file as a Blob built from parts, its name and its checksum. */
export interface ExportFile {
	blob: Blob;
	fileName: string;
	checksum: string;
	counts: ExchangeHeader['counts'];
}

/** How far an export has come, for a progress bar. */
export interface ExportProgress {
	phase: 'masterData' | 'notifications' | 'records' | 'images';
	done: number;
	total: number;
}

type Section = 'masterData' | 'notifications' | 'records';

/** The sections of a file, in file order. */
const SECTIONS: readonly Section[] = ['masterData', 'notifications', 'records'];

/**
 * Writes an exchange file as Blob parts, one part per chunk of records, hashing each part as it
 * is made: no single string ever holds the whole file (V8 strings stop near 512 MB), and the
 * hash never needs the file twice. Master data first, then notifications, then linked records,
 * then `finish()`.
 * The checksum covers every byte before `,"checksum":"…"}` (docs/exchange-format.md).
 */
export class ExportWriter {
	private readonly parts: Uint8Array[] = [];
	/** Hashing as the parts are made (JS); without it, `finishAsync` hashes the body at the end. */
	private readonly hash: ReturnType<typeof sha256.create> | undefined;
	private readonly encoder = new TextEncoder();
	private section: Section | 'finished' = 'masterData';
	private readonly written = { masterData: 0, notifications: 0, records: 0 };
	private readonly header: ExchangeHeader;

	/**
	 * `hashAtEnd`: leave the checksum to `finishAsync`, which hashes the whole body natively
	 * (Web Crypto, several times faster than hashing each part in JS; it needs the body as one
	 * buffer for a moment).
	 */
	constructor(
		input: ExportHeaderInput,
		configuration: Configuration,
		options: { hashAtEnd?: boolean } = {}
	) {
		this.hash = options.hashAtEnd ? undefined : sha256.create();
		this.header = {
			format: FORMAT_NAME,
			formatVersion: FORMAT_VERSION,
			appVersion: input.appVersion,
			centre: { code: input.centre.code, name: input.centre.name },
			device: input.device,
			exportedAt: input.exportedAt.toISOString(),
			counts: {
				notifications: input.counts.notifications,
				masterData: input.counts.masterData,
				records: input.counts.records ?? 0
			},
			...(input.knownDevices?.length ? { knownDevices: [...input.knownDevices].sort() } : {})
		};
		const header = JSON.stringify(this.header).slice(0, -1);
		this.emit(`${header},"configuration":${JSON.stringify(configuration)},"masterData":[`);
	}

	/** Appends bytes to the file and to the hash. */
	private emit(text: string): void {
		const bytes = this.encoder.encode(text);
		this.hash?.update(bytes);
		this.parts.push(bytes);
	}

	/** Moves on to `section`; sections come in file order and never go back. */
	private enter(section: Section): void {
		if (this.section === section) return;
		const from = SECTIONS.indexOf(this.section as Section);
		const to = SECTIONS.indexOf(section);
		if (from < 0 || to < from) {
			throw new Error(`export: cannot write ${section} after ${this.section}`);
		}
		for (const next of SECTIONS.slice(from + 1, to + 1)) this.emit(`],"${next}":[`);
		this.section = section;
	}

	/** Appends master records (all before any notification). */
	addMasterData(records: readonly MasterRecord[]): void {
		this.add('masterData', records);
	}

	/** Appends notifications, e.g. one page of 1,000 at a time. */
	addNotifications(records: readonly Notification[]): void {
		this.add('notifications', records);
	}

	/** Appends linked records (after every notification). */
	addRecords(records: readonly LinkedRecord[]): void {
		this.add('records', records);
	}

	private add(section: Section, records: readonly object[]): void {
		this.enter(section);
		if (records.length === 0) return;
		const separator = this.written[section] === 0 ? '' : ',';
		this.emit(separator + records.map((record) => JSON.stringify(record)).join(','));
		this.written[section] += records.length;
	}

	/** How many records of each kind are written so far. */
	get counts(): Readonly<ExchangeHeader['counts']> {
		return this.written;
	}

	/** Closes the lists and checks the counts against the header. */
	private close(): void {
		this.enter('records');
		for (const kind of SECTIONS) {
			if (this.written[kind] !== this.header.counts[kind]) {
				throw new Error(
					`export: header says ${this.header.counts[kind]} ${kind}, wrote ${this.written[kind]}`
				);
			}
		}
		this.emit(']');
		this.section = 'finished';
	}

	/** The file of the parts written, with the checksum member after them. */
	private file(checksum: string): ExportFile {
		this.parts.push(this.encoder.encode(`${CHECKSUM_MEMBER}${checksum}"}`));
		return {
			blob: new Blob(this.parts as BlobPart[], { type: 'application/json' }),
			fileName: exportFileName(
				this.header.centre.code,
				this.header.device,
				new Date(this.header.exportedAt)
			),
			checksum,
			counts: { ...this.written }
		};
	}

	/** Closes the lists, appends the checksum member and returns the file (parts hashed as made). */
	finish(): ExportFile {
		if (!this.hash)
			throw new Error('export: a writer that hashes at the end finishes with finishAsync');
		this.close();
		return this.file(bytesToHex(this.hash.digest()));
	}

	/** As `finish`, hashing the body at the end where the writer was made with `hashAtEnd`. */
	async finishAsync(): Promise<ExportFile> {
		if (this.hash) return this.finish();
		this.close();
		const body = new Blob(this.parts as BlobPart[]);
		return this.file(await sha256HexOf(new Uint8Array(await body.arrayBuffer())));
	}
}

/** A whole export from arrays in memory (tests, fixtures, small data); the app pages instead. */
export function buildExport(
	input: Omit<ExportHeaderInput, 'counts'>,
	configuration: Configuration,
	masterData: readonly MasterRecord[],
	notifications: readonly Notification[],
	records: readonly LinkedRecord[] = []
): ExportFile {
	const counts = {
		masterData: masterData.length,
		notifications: notifications.length,
		records: records.length
	};
	const writer = new ExportWriter({ ...input, counts }, configuration);
	writer.addMasterData(masterData);
	writer.addNotifications(notifications);
	writer.addRecords(records);
	return writer.finish();
}
