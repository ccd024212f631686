import { db } from './db';
import { hasPendingRows, listedNumbers, listVersion, storedRevisions } from './list-meta';
import { deferListRows } from './projection';
import { isStorageFullError } from './errors';
import {
	IDENTITY_KEY,
	LAST_EXPORT_KEY,
	SEQUENCE_KEY,
	SEEN_DEVICE_CODES_KEY,
	getIdentity,
	getStoredConfiguration,
	setStoredConfiguration
} from './settings';
import type { Actor } from '../domain/actor';
import { defaultConfiguration, isBuiltInConfiguration } from '../domain/configuration';
import { deviceCodeSchema, deviceIdentitySchema, type DeviceIdentity } from '../domain/identity';
import { withAddressLists, type MasterKind, type MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';
import { parseNotificationNumber } from '../domain/numbering';
import type { Configuration } from '../domain/status/profile';
import { ExchangeRefusal, fileError, type ExchangeError } from '../exchange/errors';
import { ExportWriter, type ExportFile, type ExportProgress } from '../exchange/export';
import { CHUNK_SIZE, canonicalJson, masterKey, type ValidatedFile } from '../exchange/format';
import { readExchangeSource, type ExchangeSource, type ReadProgress } from '../exchange/import';
import {
	ImportPreviewer,
	deviceCodesIn,
	keysToFetch,
	unusedDeviceCode,
	type ImportPreview
} from '../exchange/preview';
import { planImport, type ImportPlan } from '../exchange/resolve';
import type { ImageRow } from './db';
import { compareRevisions } from '../domain/revision';
import { mergeRecordCopies } from '../domain/records/merge';
import { imagesOf, type LinkedRecord } from '../domain/records/record';
import { buildExportZip } from '../exchange/zip';

// The same keys as settings.ts and notifications.ts; written here inside the import transaction.

/** When this device last exported its data, or undefined if never. */
export async function getLastExportAt(): Promise<string | undefined> {
	const value = (await db.settings.get(LAST_EXPORT_KEY))?.value;
	return typeof value === 'string' ? value : undefined;
}

/** Records a successful export (the backup reminder counts from here). */
export async function recordExport(at: Date | string = new Date()): Promise<void> {
	const value = typeof at === 'string' ? at : at.toISOString();
	await db.settings.put({ key: LAST_EXPORT_KEY, value });
}

/** Options of an export; `now` and `appVersion` are for tests. */
export interface ExportOptions {
	now?: Date;
	appVersion?: string;
	pageSize?: number;
	onProgress?: (progress: ExportProgress) => void;
}

/** Notifications in key order, one page after another, each handed to `onPage` at once. */
async function forEachPage(
	pageSize: number,
	onPage: (page: Notification[]) => void
): Promise<void> {
	let page = await db.notifications.orderBy('number').limit(pageSize).toArray();
	while (page.length > 0) {
		onPage(page);
		const last = page[page.length - 1];
		if (page.length < pageSize || !last) return;
		page = await db.notifications.where('number').above(last.number).limit(pageSize).toArray();
	}
}

/**
 * Exports every notification and master record of this device into one exchange file. One read
 * transaction gives a consistent snapshot; notifications are read in key-ordered pages and each
 * page becomes a Blob part at once (serialising is synchronous, so the transaction stays alive);
 * the checksum is hashed natively once the transaction has ended. Records `lastExportAt` afterwards.
 */
export async function exportData(options: ExportOptions = {}): Promise<ExportFile> {
	const identity = await getIdentity();
	if (!identity) throw new Error('export needs the device identity (first-run set-up)');
	const configuration = (await getStoredConfiguration()) ?? defaultConfiguration;
	const exportedAt = options.now ?? new Date();
	const pageSize = options.pageSize ?? CHUNK_SIZE;
	const knownDevices = [
		...new Set([
			identity.deviceCode,
			...(identity.formerDeviceCodes ?? []),
			...(await usedDeviceCodes(identity.centreCode))
		])
	];
	const snapshot = await db.transaction(
		'r',
		[db.notifications, db.masterData, db.records, db.images],
		async () => {
			const total = await db.notifications.count();
			const records = await db.records.orderBy('id').toArray();
			const shas = [...new Set(records.flatMap((record) => imagesOf(record).map((i) => i.sha256)))];
			const images = (await db.images.bulkGet(shas)).filter((row): row is ImageRow => !!row);
			// A record stored before address lists existed is written in the current shape.
			const masterData = (await db.masterData.toArray()).map(
				(record) => withAddressLists(record) as MasterRecord
			);
			const writer = new ExportWriter(
				{
					appVersion: options.appVersion ?? __APP_VERSION__,
					centre: { code: identity.centreCode, name: identity.centreName },
					device: identity.deviceCode,
					exportedAt,
					counts: { notifications: total, masterData: masterData.length, records: records.length },
					knownDevices
				},
				configuration,
				{ hashAtEnd: true }
			);
			writer.addMasterData(masterData);
			options.onProgress?.({
				phase: 'masterData',
				done: masterData.length,
				total: masterData.length
			});
			await forEachPage(pageSize, (page) => {
				writer.addNotifications(page);
				options.onProgress?.({ phase: 'notifications', done: writer.counts.notifications, total });
			});
			writer.addRecords(records);
			options.onProgress?.({ phase: 'records', done: records.length, total: records.length });
			return { writer, images };
		}
	);
	// After the read transaction: hashing awaits Web Crypto, which would end a transaction early.
	const json = await snapshot.writer.finishAsync();
	// With images (signatures, photos) the export is a ZIP of the JSON file and the images.
	const file =
		snapshot.images.length === 0
			? json
			: await buildExportZip(json, snapshot.images, (done) =>
					options.onProgress?.({ phase: 'images', done, total: snapshot.images.length })
				);
	await recordExport(exportedAt);
	return file;
}

/** Stored notifications by number, these and the moved ones (which travel under their new number). */
async function storedByNumber(
	numbers: readonly string[],
	moved: readonly Notification[]
): Promise<Map<string, Notification>> {
	const stored = new Map<string, Notification>();
	for (const record of await db.notifications.bulkGet([...numbers])) {
		if (record) stored.set(record.number, record);
	}
	for (const record of moved) stored.set(record.number, record);
	return stored;
}

/**
 * What importing these validated files would do on this device (nothing is written). The
 * centre and configuration default to this device's identity and stored configuration. The
 * stored versions are fetched and compared 1,000 numbers at a time (`ImportPreviewer`), so a
 * full database is never held beside the file: the write checks every revision again anyway.
 */
export async function previewFiles(
	files: readonly ValidatedFile[],
	context: { identity?: DeviceIdentity; configuration?: Configuration } = {}
): Promise<ImportPreview> {
	const identity = context.identity ?? (await getIdentity());
	if (!identity) throw new Error('import needs the device identity (first-run set-up)');
	const configuration =
		context.configuration ?? (await getStoredConfiguration()) ?? defaultConfiguration;
	const previewContext = {
		centreCode: identity.centreCode,
		deviceCodes: [identity.deviceCode, ...(identity.formerDeviceCodes ?? [])],
		configuration,
		usedDeviceCodes: await usedDeviceCodes(identity.centreCode)
	};
	// Before any stored copy is read: the write compares it with the counter then (`checkUnchanged`).
	const changeCounter = await listVersion();
	const { numbers, masterKeys } = keysToFetch(files);
	const moved = await db.notifications.where('formerNumbers').anyOf(numbers).toArray();
	const movedFrom = new Map<string, Notification[]>();
	for (const record of moved) {
		for (const former of record.formerNumbers ?? []) {
			movedFrom.set(former, [...(movedFrom.get(former) ?? []), record]);
		}
	}
	const previewer = new ImportPreviewer(files, movedFrom, previewContext);
	previewer.noteFormer(await storedByNumber(previewer.formerNumbers(), moved));
	const keys = previewer.keys();
	// The list rows say at which revision each record is stored (unless rows are still to be
	// written after a large import): a record stored at the file's revision is not read at all.
	const listed = (await hasPendingRows()) ? undefined : await listedNumbers();
	for (let start = 0; start < keys.length; start += CHUNK_SIZE) {
		const part = keys.slice(start, start + CHUNK_SIZE);
		const revisions = listed ? await storedRevisions(part, listed) : undefined;
		const numbers = previewer.numbersFor(part, revisions);
		previewer.classify(part, await storedByNumber(numbers, moved), revisions);
	}
	const masterData = await db.masterData.bulkGet(masterKeys);
	const preview = previewer.finish(
		new Map(masterData.flatMap((m): [string, MasterRecord][] => (m ? [[masterKey(m), m]] : [])))
	);
	return { ...preview, changeCounter };
}

/**
 * The device codes this device has seen of its centre: in the numbers of its stored notifications
 * and in every file it imported (kept in settings, since a device may export without creating).
 */
export async function usedDeviceCodes(centreCode: string): Promise<string[]> {
	const seen = (await db.settings.get(SEEN_DEVICE_CODES_KEY))?.value;
	const codes = new Set<string>(Array.isArray(seen) ? seen.map(String) : []);
	const numbers = await db.notifications.where('number').startsWith(`${centreCode}-`).primaryKeys();
	for (const number of numbers) {
		const parsed = parseNotificationNumber(String(number));
		if (parsed) codes.add(parsed.deviceCode);
	}
	return [...codes];
}

/** What a write did, or every reason it wrote nothing. */
export type WriteResult =
	| { ok: true; written: { notifications: number; masterData: number; records: number } }
	| { ok: false; errors: ExchangeError[] };

function chunksOf<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) {
		chunks.push(items.slice(start, start + size));
	}
	return chunks;
}

/**
 * Refuses (inside the transaction) when a planned record changed since the preview. While the
 * list's change counter (raised by every transaction that writes notifications) is still where it
 * was before the preview read the stored copies, no notification can have changed since, and they
 * are not read a second time (at 100,000 records that read took 4.5 s).
 */
async function checkUnchanged(plan: ImportPlan, chunkSize: number): Promise<void> {
	const errors: ExchangeError[] = [];
	const isUntouched =
		plan.changeCounter !== undefined && (await listVersion()) === plan.changeCounter;
	for (const chunk of isUntouched ? [] : chunksOf(plan.notifications, chunkSize)) {
		const stored = await db.notifications.bulkGet(chunk.map((p) => p.record.number));
		chunk.forEach((planned, index) => {
			if ((stored[index]?.revision.rev ?? null) === planned.expected) return;
			const record = { kind: 'notification' as const, key: planned.record.number };
			errors.push({ file: planned.file, record, code: 'changedSincePreview', params: {} });
		});
	}
	const removed =
		plan.removals.length === 0
			? []
			: await db.notifications.bulkGet(plan.removals.map((removal) => removal.number));
	plan.removals.forEach((removal, index) => {
		if (removed[index]?.revision.rev === removal.expected) return;
		const record = { kind: 'notification' as const, key: removal.number };
		errors.push({ file: removal.file, record, code: 'changedSincePreview', params: {} });
	});
	for (const chunk of chunksOf(plan.masterData, chunkSize)) {
		const keys = chunk.map((p): [MasterKind, string] => [p.record.kind, p.record.code]);
		const stored = await db.masterData.bulkGet(keys);
		chunk.forEach((planned, index) => {
			const current = stored[index];
			if ((current ? canonicalJson(current) : null) === planned.expected) return;
			const record = { kind: 'masterData' as const, key: masterKey(planned.record) };
			errors.push({ file: planned.file, record, code: 'changedSincePreview', params: {} });
		});
	}
	if (errors.length > 0) throw new ExchangeRefusal(errors);
}

/**
 * Writes notifications part after part inside the current transaction, with the next part
 * already handed to the database while the one before is stored: the page serialises one part
 * while the database stores the other (awaiting each part before handing over the next left the
 * database idle during every serialisation). At most two parts are in flight, so the serialised
 * copies stay two parts large. `add` for records the preview found absent: should one be stored
 * after all, the transaction fails instead of overwriting it.
 */
async function writeInParts(parts: readonly Notification[][], mode: 'add' | 'put'): Promise<void> {
	let previous: Promise<unknown> | undefined;
	for (const part of parts) {
		const writing =
			mode === 'add' ? db.notifications.bulkAdd(part) : db.notifications.bulkPut(part);
		// Awaited below; a failure aborts the transaction and is reported by the one awaited.
		writing.catch(() => undefined);
		if (previous) await previous;
		previous = writing;
	}
	await previous;
}

/** The highest sequence among imported numbers of this device's own range, or 0. */
function highestOwnSequence(plan: ImportPlan, identity: DeviceIdentity | undefined): number {
	if (!identity) return 0;
	let highest = 0;
	for (const { record } of plan.notifications) {
		const parsed = parseNotificationNumber(record.number);
		if (parsed?.centreCode === identity.centreCode && parsed.deviceCode === identity.deviceCode) {
			highest = Math.max(highest, parsed.sequence);
		}
	}
	return highest;
}

/**
 * This device's own range was found reused (a number collision): it takes a code not seen in this
 * centre, so it never hands out a used number again. Inside the import's transaction.
 */
async function moveDevice(deviceCode: string, sequence: number): Promise<void> {
	const identity = deviceIdentitySchema.parse((await db.settings.get(IDENTITY_KEY))?.value);
	const formerDeviceCodes = [...(identity.formerDeviceCodes ?? []), identity.deviceCode];
	await db.settings.put({
		key: IDENTITY_KEY,
		value: { ...identity, deviceCode, formerDeviceCodes }
	});
	await db.settings.put({ key: SEQUENCE_KEY, value: sequence });
}

/** Adds the device codes of this centre an import showed to those seen before. */
async function rememberDeviceCodes(codes: readonly string[]): Promise<void> {
	if (codes.length === 0) return;
	const seen = (await db.settings.get(SEEN_DEVICE_CODES_KEY))?.value;
	const known = new Set<string>(Array.isArray(seen) ? seen.map(String) : []);
	const all = [...new Set([...known, ...codes])].sort();
	if (all.length > known.size) await db.settings.put({ key: SEEN_DEVICE_CODES_KEY, value: all });
}

/**
 * Above this many notifications an import leaves their list rows to be written after it reports
 * done (`deferListRows`); the list says so until they are. A smaller import writes them at once.
 */
export const DEFER_ROWS_ABOVE = 2000;

/** What a write adds besides the plan: the identity and configuration of a restore. */
interface WriteExtras {
	identity?: DeviceIdentity;
	configuration?: Configuration;
	chunkSize?: number;
}

/**
 * Writes a plan: ONE read-write transaction, `bulkPut` in chunks inside it, nothing but IndexedDB
 * awaited inside it (the plan is prepared before). Any failure — a record changed since the
 * preview, a bad record, quota — aborts the transaction, so nothing at all is written. The
 * device's number counter only ever moves forward past its own imported numbers.
 */
async function writePlan(plan: ImportPlan, extras: WriteExtras): Promise<WriteResult> {
	const chunkSize = extras.chunkSize ?? CHUNK_SIZE;
	let recordsWritten = 0;
	try {
		await db.transaction(
			'rw',
			[db.notifications, db.masterData, db.settings, db.records, db.images],
			async () => {
				if (extras.identity && (await db.settings.get(IDENTITY_KEY))) {
					throw new ExchangeRefusal([fileError('', 'identityExists')]);
				}
				await checkUnchanged(plan, chunkSize);
				if (plan.notifications.length > DEFER_ROWS_ABOVE) deferListRows();
				recordsWritten = await writeRecords(plan);
				for (const mode of ['add', 'put'] as const) {
					const planned = plan.notifications.filter(
						(p) => (p.expected === null) === (mode === 'add')
					);
					await writeInParts(
						chunksOf(planned, chunkSize).map((chunk) => chunk.map((p) => p.record)),
						mode
					);
				}
				await db.notifications.bulkDelete(plan.removals.map((removal) => removal.number));
				for (const chunk of chunksOf(plan.masterData, chunkSize)) {
					await db.masterData.bulkPut(chunk.map((planned) => planned.record));
				}
				if (extras.identity) await db.settings.put({ key: IDENTITY_KEY, value: extras.identity });
				if (extras.configuration) await setStoredConfiguration(extras.configuration);
				await rememberDeviceCodes(plan.seenDeviceCodes);
				if (plan.moveDevice) {
					await moveDevice(plan.moveDevice.deviceCode, plan.moveDevice.sequence);
					return;
				}
				const identity = extras.identity ?? (await getIdentity());
				const highest = highestOwnSequence(plan, identity);
				const current = Number((await db.settings.get(SEQUENCE_KEY))?.value ?? 0);
				if (highest > current) await db.settings.put({ key: SEQUENCE_KEY, value: highest });
			}
		);
	} catch (error) {
		if (error instanceof ExchangeRefusal) return { ok: false, errors: error.errors };
		if (isStorageFullError(error)) return { ok: false, errors: [fileError('', 'storageFull')] };
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		return { ok: false, errors: [fileError('', 'writeFailed', { detail })] };
	}
	return {
		ok: true,
		written: {
			notifications: plan.notifications.length,
			masterData: plan.masterData.length,
			records: recordsWritten
		}
	};
}

/**
 * For two copies of a record that both changed one field, the later change (then the higher
 * revision id) wins: every device settles the same pair alike, so they converge. Fields changed on
 * one side only are taken from it (docs/exchange-format.md, "Linked records").
 */
function laterSide(ours: LinkedRecord, theirs: LinkedRecord): 'ours' | 'theirs' {
	if (ours.changedAt !== theirs.changedAt)
		return ours.changedAt > theirs.changedAt ? 'ours' : 'theirs';
	return ours.revision.rev > theirs.revision.rev ? 'ours' : 'theirs';
}

/** The stored copy of an incoming record, settled by revision: what to write, or nothing. */
function settleRecord(
	ours: LinkedRecord | undefined,
	theirs: LinkedRecord
): LinkedRecord | undefined {
	if (!ours) return theirs;
	const relation = compareRevisions(ours.revision, theirs.revision);
	if (relation === 'same' || relation === 'oursNewer') return undefined;
	if (relation === 'theirsNewer') return theirs;
	const side = laterSide(ours, theirs);
	const first = mergeRecordCopies(ours, theirs);
	const merged = first.ok
		? first
		: mergeRecordCopies(
				ours,
				theirs,
				Object.fromEntries(first.conflicts.map((unit) => [unit, side] as const))
			);
	if (!merged.ok) throw new Error(`record ${theirs.id} could not be merged`);
	return merged.record;
}

/**
 * Writes the plan's linked records inside the import's transaction: each new one, each newer
 * copy, each diverged pair merged field by field; and every image a written record refers to,
 * from the file or already stored. A record whose image is neither refuses the whole import.
 */
async function writeRecords(plan: ImportPlan): Promise<number> {
	const images = new Map(plan.images.map((image) => [image.sha256, image]));
	const errors: ExchangeError[] = [];
	// Several files may carry the same record: each is settled against what is written so far.
	const written = new Map<string, LinkedRecord>();
	// The stored copies, read 1,000 ids at a time rather than one by one.
	const stored = new Map<string, LinkedRecord>();
	const ids = [...new Set(plan.records.map(({ record }) => record.id))];
	for (const chunk of chunksOf(ids, CHUNK_SIZE)) {
		for (const record of await db.records.bulkGet(chunk)) if (record) stored.set(record.id, record);
	}
	for (const { record, file } of plan.records) {
		const ours = written.get(record.id) ?? stored.get(record.id);
		const settled = settleRecord(ours, record);
		if (!settled) continue;
		for (const image of imagesOf(settled)) {
			const given = images.get(image.sha256);
			if (given) {
				const blob = new Blob([given.bytes as Uint8Array<ArrayBuffer>], { type: given.type });
				await db.images.put({ sha256: given.sha256, blob, type: given.type, bytes: blob.size });
			} else if (!(await db.images.get(image.sha256))) {
				const ref = { kind: 'record' as const, key: settled.id };
				errors.push({ file, record: ref, code: 'imageMissing', params: { name: image.name } });
			}
		}
		written.set(settled.id, settled);
	}
	if (errors.length > 0) throw new ExchangeRefusal(errors);
	for (const chunk of chunksOf([...written.values()], CHUNK_SIZE)) await db.records.bulkPut(chunk);
	return written.size;
}

/** Writes a confirmed import (from `planImport`): all of it in one transaction, or none. */
export async function writeImport(
	plan: ImportPlan,
	options: { chunkSize?: number } = {}
): Promise<WriteResult> {
	return writePlan(plan, options);
}

/** A restore resolves no conflicts (the device is empty), so this actor is never stamped. */
const RESTORE_ACTOR: Actor = { code: 'restore', name: 'restore', role: 'assistant' };

/**
 * The device code must be new to the file's centre: not its exporting device, not in its numbers
 * (current or former), not among the devices the file knows.
 */
function deviceCodeInFile(file: ValidatedFile, deviceCode: string): boolean {
	return deviceCodesIn([file], file.header.centre.code).includes(deviceCode);
}

/** What a restore did: the identity it set and what it wrote, or why it did nothing. */
export type RestoreResult =
	| { ok: true; identity: DeviceIdentity; written: { notifications: number; masterData: number } }
	| { ok: false; errors: ExchangeError[] };

/**
 * First run from an export: on a device without an identity, reads the file, takes the centre
 * (code and name) from it, keeps the device code the user chose — refused when the file's centre
 * already has that device (its numbers would collide) — and writes the records, the identity and
 * the file's configuration (when it is not the default) in one transaction.
 */
export async function restoreFromExport(
	source: ExchangeSource,
	deviceCode: string,
	options: { onProgress?: (progress: ReadProgress) => void; now?: Date } = {}
): Promise<RestoreResult> {
	const refuse = (error: ExchangeError): RestoreResult => ({ ok: false, errors: [error] });
	if (await getIdentity()) return refuse(fileError(source.name, 'identityExists'));
	const device = deviceCodeSchema.safeParse(deviceCode.toUpperCase());
	if (!device.success) {
		return refuse(fileError(source.name, 'invalidDeviceCode', { device: deviceCode }));
	}
	const read = await readExchangeSource(source, {
		configuration: defaultConfiguration,
		...(options.onProgress ? { onProgress: options.onProgress } : {})
	});
	if (!read.ok) return { ok: false, errors: read.errors };
	const { file } = read;
	if (deviceCodeInFile(file, device.data)) {
		const suggestion = unusedDeviceCode(deviceCodesIn([file], file.header.centre.code));
		return refuse(fileError(file.name, 'deviceCodeInFile', { device: device.data, suggestion }));
	}
	const identity = deviceIdentitySchema.parse({
		centreCode: file.header.centre.code,
		centreName: file.header.centre.name,
		deviceCode: device.data
	});
	const preview = await previewFiles([file], { identity, configuration: file.configuration });
	const planned = planImport(
		preview,
		{},
		{ actor: RESTORE_ACTOR, now: options.now ?? new Date(), configuration: file.configuration }
	);
	if (!planned.ok) return { ok: false, errors: planned.errors };
	const isDefault = isBuiltInConfiguration(file.configuration);
	const result = await writePlan(planned.plan, {
		identity,
		...(isDefault ? {} : { configuration: file.configuration })
	});
	return result.ok ? { ok: true, identity, written: result.written } : result;
}
