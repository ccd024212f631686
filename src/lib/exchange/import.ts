import { defaultConfiguration } from '../domain/configuration';
import { parseConfiguration, type Configuration } from '../domain/status/profile';
import { toFieldIssues } from '../domain/validation';
import { ExchangeRefusal, fileError, type ExchangeError, type RecordRef } from './errors';
import {
	CHUNK_SIZE,
	FORMAT_NAME,
	FORMAT_VERSION,
	LIMITS,
	exchangeHeaderSchema,
	type ExchangeHeader,
	isRecord,
	type ValidatedFile
} from './format';
import type { Notification } from '../domain/notification';
import {
	findExcessiveDepth,
	findUnsafeValues,
	sha256Hex,
	sha256HexOf,
	splitChecksum,
	splitRecords
} from './guards';
import { OLDEST_FORMAT_VERSION, migrateEnvelope, type LooseEnvelope } from './migrate';
import { shareActors } from './share';
import { checkZipImages, isZipBytes, openExportZip } from './zip';
import {
	NotificationValidator,
	type RecordContext,
	validateLinkedRecords,
	validateMasterData,
	validateNotifications
} from './validate';

/** How far reading a file has come, for a progress bar. */
export interface ReadProgress {
	phase: 'read' | 'checksum' | 'parse' | 'validate';
	done: number;
	total: number;
}

/** What reading needs: this device's configuration (types, status aliases) and a progress sink. */
export interface ReadOptions {
	configuration: Configuration;
	onProgress?: (progress: ReadProgress) => void;
}

/** A file read: every record valid, or every reason it is refused. */
export type ReadResult =
	{ ok: true; file: ValidatedFile } | { ok: false; name: string; errors: ExchangeError[] };

/** Refuses at once: the file cannot be read any further. */
function refuse(error: ExchangeError): never {
	throw new ExchangeRefusal([error]);
}

/** Size, checksum (when present), depth and UTF-8; returns the text and whether it had a checksum. */
function checkBytes(
	name: string,
	bytes: Uint8Array,
	options: ReadOptions
): { text: string; hasChecksum: boolean } {
	if (bytes.length === 0) refuse(fileError(name, 'empty'));
	if (bytes.length > LIMITS.fileBytes) {
		refuse(fileError(name, 'tooLarge', { size: bytes.length, max: LIMITS.fileBytes }));
	}
	const tail = splitChecksum(bytes);
	if (tail) {
		const total = tail.body.length;
		const actual = sha256Hex([tail.body], (done) =>
			options.onProgress?.({ phase: 'checksum', done, total })
		);
		if (actual !== tail.checksum) refuse(fileError(name, 'checksumMismatch'));
	} else if (!endsLikeJson(bytes)) {
		refuse(fileError(name, 'truncated'));
	}
	const deep = findExcessiveDepth(bytes, LIMITS.depth);
	if (deep >= 0) refuse(fileError(name, 'tooDeep', { max: LIMITS.depth, position: deep }));
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), hasChecksum: !!tail };
	} catch {
		// Cut inside a character: the bytes before the last one decode.
		const isCut = !tail && decodes(bytes.subarray(0, Math.max(0, bytes.length - 3)));
		return refuse(fileError(name, isCut ? 'truncated' : 'notUtf8'));
	}
}

/** Whether the last byte that is not white space closes an object, as every whole file's does. */
function endsLikeJson(bytes: Uint8Array): boolean {
	for (let index = bytes.length - 1; index >= 0; index -= 1) {
		const byte = bytes[index];
		if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
		return byte === 0x7d;
	}
	return false;
}

function decodes(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** Where JSON.parse stopped, from its message (the message itself is the engine's English). */
function positionOf(error: unknown): number | undefined {
	const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
	return match ? Number(match[1]) : undefined;
}

/**
 * JSON.parse of a depth-checked text; refuses anything but an object. JSON that stops at its last
 * character is a truncated file, and is called so.
 */
function parseJson(name: string, text: string): LooseEnvelope {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		const position = positionOf(error);
		const atEnd =
			position === undefined
				? /end of JSON/i.test(String(error))
				: position >= text.trimEnd().length;
		if (atEnd) refuse(fileError(name, 'truncated'));
		refuse(
			position === undefined
				? fileError(name, 'invalidJson')
				: fileError(name, 'invalidJsonAt', { position: position + 1 })
		);
	}
	if (!isRecord(parsed)) refuse(fileError(name, 'notAnObject'));
	return parsed;
}

/** The record a path into the envelope is in (`notifications.3.history.0.to`), and the rest. */
function locate(
	envelope: LooseEnvelope,
	path: (string | number)[]
): { record?: RecordRef; field: string } {
	const [list, index, ...rest] = path;
	const records = typeof list === 'string' ? envelope[list] : undefined;
	if (list === 'records' && typeof index === 'number') {
		const raw = Array.isArray(records) ? records[index] : undefined;
		const key = isRecord(raw) && typeof raw.id === 'string' ? raw.id : `#${index + 1}`;
		return { record: { kind: 'record', key }, field: rest.join('.') };
	}
	if ((list === 'notifications' || list === 'masterData') && typeof index === 'number') {
		const raw = Array.isArray(records) ? records[index] : undefined;
		let key = `#${index + 1}`;
		if (isRecord(raw) && list === 'notifications' && typeof raw.number === 'string')
			key = raw.number;
		if (
			isRecord(raw) &&
			list === 'masterData' &&
			typeof raw.kind === 'string' &&
			typeof raw.code === 'string'
		) {
			key = `${raw.kind}:${raw.code}`;
		}
		const kind = list === 'notifications' ? 'notification' : 'masterData';
		return { record: { kind, key }, field: rest.join('.') };
	}
	return { field: path.join('.') };
}

/** Forbidden keys (`__proto__`…) and over-long strings anywhere, each named by record and field. */
function checkUnsafeValues(name: string, envelope: LooseEnvelope): void {
	const unsafe = findUnsafeValues(envelope, LIMITS.stringLength, LIMITS.reportedErrors);
	if (unsafe.length === 0) return;
	throw new ExchangeRefusal(
		unsafe.map((value) => {
			const { record, field } = locate(envelope, value.path);
			const params: Record<string, string | number> =
				value.problem === 'forbiddenKey'
					? { key: value.key ?? '' }
					: { length: value.length ?? 0, max: LIMITS.stringLength };
			return { file: name, ...(record ? { record } : {}), field, code: value.problem, params };
		})
	);
}

/** The lenient first look: the format name and a version this app can read. */
function checkFormat(name: string, envelope: LooseEnvelope, hasChecksum: boolean): number {
	if (envelope.format !== FORMAT_NAME) {
		refuse(fileError(name, 'wrongFormat', { format: String(envelope.format ?? '') }, 'format'));
	}
	const version = envelope.formatVersion;
	// A missing version (or one that is not even text) has nothing to show: name the member.
	if (typeof version !== 'number' && typeof version !== 'string')
		refuse(fileError(name, 'invalidHeader', {}, 'formatVersion'));
	if (
		typeof version !== 'number' ||
		!Number.isInteger(version) ||
		version < OLDEST_FORMAT_VERSION
	) {
		refuse(fileError(name, 'unknownVersion', { version: String(version) }, 'formatVersion'));
	}
	if (version > FORMAT_VERSION) {
		refuse(fileError(name, 'newerVersion', { version, supported: FORMAT_VERSION }));
	}
	if (version >= 1 && !hasChecksum) refuse(fileError(name, 'checksumMissing'));
	return version;
}

/** The strict envelope of the current version: header, configuration, record lists, counts. */
function checkEnvelope(
	name: string,
	envelope: LooseEnvelope
): {
	header: ExchangeHeader;
	configuration: Configuration;
	masterData: unknown[];
	notifications: unknown[];
	records: unknown[];
} {
	const errors: ExchangeError[] = [];
	const header = exchangeHeaderSchema.safeParse(envelope);
	if (!header.success) {
		for (const issue of toFieldIssues(header.error)) {
			errors.push(fileError(name, issue.code, issue.params ?? {}, issue.path));
		}
	}
	const configuration = parseConfiguration(envelope.configuration);
	if (!configuration.ok) {
		for (const issue of configuration.issues) {
			const params = { ...issue.params, reason: issue.code };
			const field = issue.path ? `configuration.${issue.path}` : 'configuration';
			errors.push(fileError(name, 'invalidConfiguration', params, field));
		}
	}
	const { masterData, notifications, records } = envelope;
	for (const [field, list] of [
		['masterData', masterData],
		['notifications', notifications],
		['records', records]
	] as const) {
		if (!Array.isArray(list)) errors.push(fileError(name, 'invalidHeader', {}, field));
	}
	if (errors.length > 0 || !header.success || !configuration.ok) throw new ExchangeRefusal(errors);
	const lists = {
		masterData: masterData as unknown[],
		notifications: notifications as unknown[],
		records: records as unknown[]
	};
	for (const field of ['masterData', 'notifications', 'records'] as const) {
		const expected = header.data.counts[field];
		const actual = lists[field].length;
		if (expected !== actual) {
			errors.push(fileError(name, 'countMismatch', { expected, actual }, `counts.${field}`));
		}
	}
	if (errors.length > 0) throw new ExchangeRefusal(errors);
	return { header: header.data, configuration: configuration.configuration, ...lists };
}

/** Keeps the first errors of a file and counts the rest in one `moreErrors`. */
function capErrors(name: string, errors: ExchangeError[]): ExchangeError[] {
	if (errors.length <= LIMITS.reportedErrors) return errors;
	const rest = errors.length - LIMITS.reportedErrors;
	return [
		...errors.slice(0, LIMITS.reportedErrors),
		fileError(name, 'moreErrors', { count: rest })
	];
}

/** Every record strictly, against the file's configuration and this app's. */
function checkRecords(
	name: string,
	envelope: ReturnType<typeof checkEnvelope>,
	options: ReadOptions
): Pick<ValidatedFile, 'masterData' | 'notifications' | 'records'> {
	const total = envelope.notifications.length;
	const context = {
		file: name,
		fileConfiguration: envelope.configuration,
		appConfiguration: options.configuration,
		onProgress: (done: number) => options.onProgress?.({ phase: 'validate', done, total })
	};
	const masterData = validateMasterData(envelope.masterData, context);
	const notifications = validateNotifications(envelope.notifications, context);
	const records = validateLinkedRecords(envelope.records, context);
	const errors = [...masterData.errors, ...notifications.errors, ...records.errors];
	if (errors.length > 0) throw new ExchangeRefusal(capErrors(name, errors));
	return {
		masterData: masterData.records,
		notifications: notifications.records,
		records: records.records
	};
}

/**
 * Reads one exchange file from its bytes, whole: size → checksum over the exact bytes → depth (a
 * loop, before any parser) → UTF-8 → JSON → forbidden keys and over-long strings → format and
 * version → migration step by step → strict envelope → strict records. It names every error;
 * `readInParts` leaves every file it cannot read cleanly to it.
 */
export function readWhole(name: string, bytes: Uint8Array, options: ReadOptions): ReadResult {
	try {
		const { text, hasChecksum } = checkBytes(name, bytes, options);
		options.onProgress?.({ phase: 'parse', done: 0, total: text.length });
		const parsed = parseJson(name, text);
		checkUnsafeValues(name, parsed);
		const sourceVersion = checkFormat(name, parsed, hasChecksum);
		const migrated = migrateEnvelope(parsed, sourceVersion, { defaultConfiguration });
		const envelope = checkEnvelope(name, migrated);
		const records = checkRecords(name, envelope, options);
		const { header, configuration } = envelope;
		const file = { name, sourceVersion, header, configuration, ...records, images: [] };
		return { ok: true, file };
	} catch (error) {
		if (error instanceof ExchangeRefusal) return { ok: false, name, errors: error.errors };
		throw error;
	}
}

/** What reading in parts adds: where each part's valid notifications go as soon as they are checked. */
export interface PartsOptions extends ReadOptions {
	/**
	 * Each part's records with the part's position, in file order (the helper's parts are not
	 * given here); without it they are collected into the file.
	 */
	onRecords?: (records: Notification[], part: number) => void;
	/** Another thread that checks every other part beside this one (`PartHelper`). */
	helper?: PartHelper;
}

/** What a helper's checker needs to know of the file: its name and both configurations. */
export interface HelperContext {
	file: string;
	fileConfiguration: Configuration;
	appConfiguration: Configuration;
}

/**
 * A second thread that checks the odd parts of a file while the reader checks the even ones:
 * validating is most of a read, and a device has two cores. The reader hands it each odd part's
 * bytes as it reaches them; the helper sends the valid records on itself (to the page). The reader
 * still decides: the file counts as read in parts only when the helper's parts were all clean and
 * no number appears both in its parts and the reader's.
 */
export interface PartHelper {
	/** Tells the helper the file's context, before its first part. */
	start(context: HelperContext): void;
	/** Hands over the bytes of the part at this (odd) position; the helper keeps them. */
	check(part: number, bytes: Uint8Array): void;
	/** The numbers of the records in the helper's parts, or undefined when one part was not clean. */
	finish(): Promise<string[] | undefined>;
}

/** Whether the part at this position is the helper's: every other part, from the second. */
function isHelpersPart(part: number): boolean {
	return part % 2 === 1;
}

/**
 * Checks the notifications of a file part by part, in the order given: decodes the part's bytes,
 * parses them, refuses forbidden keys and over-long strings, validates each record (duplicates
 * across every part given so far) and shares equal actors. Undefined for a part that is not clean;
 * the whole-file reader then names what is wrong.
 */
class PartChecker {
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });
	private readonly validator: NotificationValidator;

	constructor(context: RecordContext) {
		this.validator = new NotificationValidator(context);
	}

	check(bytes: Uint8Array): Notification[] | undefined {
		let raws: unknown;
		try {
			raws = JSON.parse(`[${this.decoder.decode(bytes)}]`);
		} catch {
			return undefined;
		}
		if (!Array.isArray(raws)) return undefined;
		if (findUnsafeValues(raws, LIMITS.stringLength, 1).length > 0) return undefined;
		const checked = this.validator.check(raws);
		if (checked.errors.length > 0) return undefined;
		// Equal actors become one object, and stay one in the page (see `shareActors`).
		shareActors(checked.records);
		return checked.records;
	}

	/** Takes numbers checked elsewhere (the helper's parts); false when one was seen before. */
	claim(numbers: readonly string[]): boolean {
		return this.validator.claim(numbers);
	}
}

/**
 * The helper's side of `PartHelper`: checks the parts it is handed, in order, and keeps the
 * numbers of their records for the reader; after a part that was not clean it checks no more.
 */
export class HelperChecks {
	private checker: PartChecker | undefined;
	private numbers: string[] | undefined = [];

	start(context: HelperContext): void {
		this.checker = new PartChecker(context);
	}

	/** The records of one part; undefined when it (or one before it) was not clean. */
	check(bytes: Uint8Array): Notification[] | undefined {
		if (!this.checker || !this.numbers) return undefined;
		let records: Notification[] | undefined;
		try {
			records = this.checker.check(bytes);
		} catch {
			records = undefined;
		}
		if (!records) {
			this.numbers = undefined;
			return undefined;
		}
		for (const record of records) this.numbers.push(record.number);
		return records;
	}

	/** What the reader is told: every number checked, or undefined when a part was not clean. */
	get answer(): string[] | undefined {
		return this.checker ? this.numbers : undefined;
	}
}

/**
 * The body (the bytes the checksum covers) of a current-version file read part by part: the
 * envelope without its notifications is parsed and checked first (header, configuration, master
 * data, counts), then the notifications, 1,000 at a time: decoded, parsed, checked for forbidden
 * keys and over-long strings, and validated, so only one part's text and objects are alive at a
 * time besides the valid records. The same checks as `readWhole`, in the same order per record;
 * undefined at the first thing wrong (or anything unusual: another version, an escaped top-level
 * string), and `readWhole` then reads the file and names every error. The checksum is the
 * caller's: nothing read here counts until it matches. With a `helper`, its parts are handed to
 * it instead, and the caller asks it afterwards whether they were clean (the returned checker
 * then takes the helper's numbers, to find a number in both).
 */
function readInParts(
	name: string,
	body: Uint8Array,
	options: PartsOptions
): { file: ValidatedFile; checker: PartChecker } | undefined {
	const layout = splitRecords(body, LIMITS.depth, CHUNK_SIZE);
	if (!layout) return undefined;
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		options.onProgress?.({ phase: 'parse', done: 0, total: body.length });
		const outside =
			decoder.decode(body.subarray(0, layout.open + 1)) +
			decoder.decode(body.subarray(layout.close)) +
			'}';
		const skeleton: unknown = JSON.parse(outside);
		if (!isRecord(skeleton) || findUnsafeValues(skeleton, LIMITS.stringLength, 1).length > 0) {
			return undefined;
		}
		if (skeleton.format !== FORMAT_NAME || skeleton.formatVersion !== FORMAT_VERSION) {
			return undefined;
		}
		// The envelope check looks at the notifications' count only: the records come below.
		const envelope = checkEnvelope(name, { ...skeleton, notifications: new Array(layout.count) });
		const context = {
			file: name,
			fileConfiguration: envelope.configuration,
			appConfiguration: options.configuration,
			onProgress: (done: number) =>
				options.onProgress?.({ phase: 'validate', done, total: layout.count })
		};
		const masterData = validateMasterData(envelope.masterData, context);
		if (masterData.errors.length > 0) return undefined;
		const records = validateLinkedRecords(envelope.records, context);
		if (records.errors.length > 0) return undefined;
		const { helper } = options;
		helper?.start({
			file: name,
			fileConfiguration: envelope.configuration,
			appConfiguration: options.configuration
		});
		const checker = new PartChecker(context);
		const notifications: Notification[] = [];
		for (const [part, [start, end]] of layout.parts.entries()) {
			if (helper && isHelpersPart(part)) {
				helper.check(part, body.slice(start, end));
				continue;
			}
			const checked = checker.check(body.subarray(start, end));
			if (!checked) return undefined;
			if (options.onRecords) options.onRecords(checked, part);
			else for (const record of checked) notifications.push(record);
		}
		const { header, configuration } = envelope;
		const file: ValidatedFile = {
			name,
			sourceVersion: FORMAT_VERSION,
			header,
			configuration,
			masterData: masterData.records,
			notifications,
			records: records.records,
			images: []
		};
		return { file, checker };
	} catch {
		// Not UTF-8, not JSON, a refused envelope: the whole-file reader says which, and where.
		return undefined;
	}
}

/** The body and checksum of a file that has one, within the size limits; else undefined. */
function checkedTail(bytes: Uint8Array): ReturnType<typeof splitChecksum> {
	if (bytes.length === 0 || bytes.length > LIMITS.fileBytes) return undefined;
	return splitChecksum(bytes);
}

/**
 * Reads one exchange file from its bytes. A sound current-version file is read in parts (see
 * `readInParts`); any other file — older, damaged or invalid — whole, by `readWhole`, which
 * names every error. Pure and synchronous: tests call it directly; the Worker runs
 * `readExchangeBytesInParts`, which hashes natively beside the parsing.
 */
export function readExchangeBytes(
	name: string,
	bytes: Uint8Array,
	options: ReadOptions
): ReadResult {
	const tail = checkedTail(bytes);
	if (tail) {
		const total = tail.body.length;
		const actual = sha256Hex([tail.body], (done) =>
			options.onProgress?.({ phase: 'checksum', done, total })
		);
		const read = actual === tail.checksum ? readInParts(name, tail.body, options) : undefined;
		if (read) return { ok: true, file: read.file };
	}
	return readWhole(name, bytes, options);
}

/**
 * As `readExchangeBytes`, for the Worker: the checksum is computed by the platform while the
 * parts are read, and each part's records go to `onRecords` at once (the Worker posts them, so
 * it never holds the file's records). With a `helper`, the odd parts go to it, and its records
 * go wherever it sends them. `isInParts` says whether they went there; when false, the records
 * (or errors) are in the result, and whatever `onRecords` and the helper sent must be dropped.
 */
export async function readExchangeBytesInParts(
	name: string,
	bytes: Uint8Array,
	options: PartsOptions
): Promise<{ result: ReadResult; isInParts: boolean }> {
	const tail = checkedTail(bytes);
	if (tail) {
		const hashing = sha256HexOf(tail.body);
		const read = readInParts(name, tail.body, options);
		// The helper's parts count only when all were clean and share no number with the reader's.
		const helped = read && options.helper ? await options.helper.finish() : [];
		const isClean = !!read && !!helped && read.checker.claim(helped);
		if (read && isClean && (await hashing) === tail.checksum) {
			return { result: { ok: true, file: read.file }, isInParts: !!options.onRecords };
		}
		await hashing.catch(() => undefined);
	}
	return { result: readWhole(name, bytes, options), isInParts: false };
}

/** A file the user picked (a `File`), or any named Blob. */
export interface ExchangeSource {
	readonly name: string;
	readonly size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}

/** What a parse Worker is sent: a file to read (with a port to its helper), or to help a reader. */
export type WorkerRequest =
	| {
			type: 'read';
			source: Blob;
			name: string;
			configuration: Configuration;
			/** The port to a helper Worker (see `PartHelper`), for a large file. */
			helper?: MessagePort;
	  }
	| { type: 'help'; reader: MessagePort };
export type WorkerReply =
	| { type: 'progress'; progress: ReadProgress }
	/** The valid records of one part of a file read in parts, and the part's position. */
	| { type: 'records'; records: Notification[]; part: number }
	/** The outcome; `isInParts`: its notifications are the `records` messages, by position. */
	| { type: 'result'; result: ReadResult; isInParts: boolean }
	/** From a helper: it has sent every part it will send. */
	| { type: 'helped' };
/** What a reader and its helper say to each other over their port. */
export type HelperMessage =
	| { type: 'start'; context: HelperContext }
	| { type: 'part'; part: number; bytes: Uint8Array }
	| { type: 'finish' }
	| { type: 'finished'; numbers: string[] | undefined };

/** Reads a source in this thread (node, tests, a browser without Workers). */
async function readInline(source: ExchangeSource, options: ReadOptions): Promise<ReadResult> {
	options.onProgress?.({ phase: 'read', done: 0, total: source.size });
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await source.arrayBuffer());
	} catch {
		const errors = [fileError(source.name, 'readFailed')];
		return { ok: false, name: source.name, errors };
	}
	return readExchangeBytes(source.name, bytes, options);
}

/** Below this size one Worker reads a file: a helper would cost more to start than it saves. */
const HELPED_READ_BYTES = 4 * 1024 * 1024;

/** Whether a second Worker checks half of the parts: a large file, on a device with two cores. */
function wantsHelper(source: ExchangeSource): boolean {
	const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
	return source.size >= HELPED_READ_BYTES && cores >= 2;
}

/** A parse Worker (written out in full each time: the bundler finds Workers by this very form). */
function startParseWorker(): Worker {
	return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Reads a source in the parse Worker, off the main thread, relaying its progress. A large file's
 * odd parts are checked by a second Worker at the same time (see `PartHelper`); both send their
 * parts here by position, and the reader's result says whether they make the file.
 */
function readInWorker(source: Blob & ExchangeSource, options: ReadOptions): Promise<ReadResult> {
	const reader = startParseWorker();
	const helper = wantsHelper(source) ? startParseWorker() : undefined;
	const workers = helper ? [reader, helper] : [reader];
	const parts: Notification[][] = [];
	let received = 0;
	let outcome: { result: ReadResult; isInParts: boolean } | undefined;
	let isHelped = !helper;
	return new Promise<ReadResult>((resolve) => {
		const settle = () => {
			// A helper's last parts may come after the reader's result: both must be in.
			if (!outcome || (outcome.isInParts && !isHelped)) return;
			for (const worker of workers) worker.terminate();
			const { result } = outcome;
			if (result.ok && outcome.isInParts) {
				const notifications: Notification[] = [];
				for (const part of parts) for (const record of part) notifications.push(record);
				result.file.notifications = notifications;
			}
			parts.length = 0;
			resolve(result);
		};
		const fail = () => {
			for (const worker of workers) worker.terminate();
			resolve({ ok: false, name: source.name, errors: [fileError(source.name, 'readFailed')] });
		};
		const onMessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') {
				const { progress } = reply;
				// The reader counts its own parts; the records of both say how far checking has come.
				const done = progress.phase === 'validate' ? received : progress.done;
				return options.onProgress?.({ ...progress, done });
			}
			if (reply.type === 'records') {
				parts[reply.part] = reply.records;
				received += reply.records.length;
				return;
			}
			if (reply.type === 'helped') isHelped = true;
			else outcome = reply;
			settle();
		};
		for (const worker of workers) {
			worker.onmessage = onMessage;
			worker.onerror = fail;
		}
		try {
			// Plain data only: a reactive proxy cannot be cloned into the Worker.
			const configuration = JSON.parse(JSON.stringify(options.configuration)) as Configuration;
			const request = { type: 'read' as const, source, name: source.name, configuration };
			if (helper) {
				const channel = new MessageChannel();
				helper.postMessage({ type: 'help', reader: channel.port2 } satisfies WorkerRequest, [
					channel.port2
				]);
				reader.postMessage({ ...request, helper: channel.port1 } satisfies WorkerRequest, [
					channel.port1
				]);
			} else {
				reader.postMessage(request satisfies WorkerRequest);
			}
		} catch {
			fail();
		}
	});
}

/**
 * Reads an export ZIP (a JSON file with the images of its records): opens it, reads the JSON as
 * any exchange file, then checks every image its records refer to against its SHA-256.
 */
async function readZipSource(source: ExchangeSource, options: ReadOptions): Promise<ReadResult> {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await source.arrayBuffer());
	} catch {
		return { ok: false, name: source.name, errors: [fileError(source.name, 'readFailed')] };
	}
	const opened = openExportZip(source.name, bytes);
	if (!opened.ok) return { ok: false, name: source.name, errors: opened.errors };
	const json = new Blob([opened.json as Uint8Array<ArrayBuffer>], { type: 'application/json' });
	const result = await readPlainSource(
		Object.assign(json, { name: source.name }) as Blob & ExchangeSource,
		options
	);
	if (!result.ok) return result;
	const checked = await checkZipImages(source.name, result.file.records, opened.entries);
	if (checked.errors.length > 0) return { ok: false, name: source.name, errors: checked.errors };
	return { ok: true, file: { ...result.file, images: checked.images } };
}

/** Whether a source is an export ZIP: by its name, or by its first bytes. */
async function isZipSource(source: ExchangeSource): Promise<boolean> {
	if (/\.zip$/i.test(source.name)) return true;
	if (!(source instanceof Blob) || source.size < 4) return false;
	return isZipBytes(new Uint8Array(await source.slice(0, 4).arrayBuffer()));
}

/**
 * Reads one file the user picked: refuses an over-large file before reading a byte, then parses
 * and validates in a Worker where the platform has one (the browser), else in this thread. An
 * export ZIP is opened first and its images checked after its JSON.
 */
export async function readExchangeSource(
	source: ExchangeSource,
	options: ReadOptions
): Promise<ReadResult> {
	if (source.size > LIMITS.fileBytes) {
		const errors = [
			fileError(source.name, 'tooLarge', { size: source.size, max: LIMITS.fileBytes })
		];
		return { ok: false, name: source.name, errors };
	}
	if (await isZipSource(source)) return readZipSource(source, options);
	return readPlainSource(source, options);
}

/** Reads a JSON exchange file: in the parse Worker where there is one, else in this thread. */
function readPlainSource(source: ExchangeSource, options: ReadOptions): Promise<ReadResult> {
	if (typeof Worker === 'function' && source instanceof Blob) {
		return readInWorker(source as Blob & ExchangeSource, options);
	}
	return readInline(source, options);
}

/** Reads several files one after the other (one Worker at a time keeps memory bounded). */
export async function readExchangeSources(
	sources: readonly ExchangeSource[],
	options: ReadOptions
): Promise<ReadResult[]> {
	const results: ReadResult[] = [];
	for (const source of sources) results.push(await readExchangeSource(source, options));
	return results;
}
