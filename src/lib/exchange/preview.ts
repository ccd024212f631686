import type { MasterRecord } from '../domain/master-data';
import { compareUnits, joinNotes, mergeCopies, type UnitOutcome } from '../domain/merge';
import { ANNOTATION_KINDS, notificationSchema, type Notification } from '../domain/notification';
import { parseNotificationNumber } from '../domain/numbering';
import {
	compareRevisions,
	generationOf,
	isKnownTo,
	shareAncestry,
	type Revision
} from '../domain/revision';
import { isConsistent } from '../domain/status/engine';
import type { Configuration } from '../domain/status/profile';
import type { ExchangeError } from './errors';
import { canonicalJson, masterKey, type ValidatedFile } from './format';

/** What importing a notification would do. */
export const NOTIFICATION_STATUSES = [
	'new',
	'theirsNewer',
	'unchanged',
	'merged',
	'conflict',
	'diverged',
	'collision',
	'moved',
	'invalid'
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What importing a master record would do (master data has no revisions: see the rule below). */
export const MASTER_STATUSES = ['new', 'replace', 'unchanged', 'kept'] as const;
export type MasterStatus = (typeof MASTER_STATUSES)[number];

/** Two different records under one number, and what this device does about it. */
export interface Collision {
	/** Which keeps the number: the one created first (then the lower first revision), on every device. */
	keeper: 'ours' | 'theirs';
	/**
	 * Whether this device gives the other one a new number: only the device whose own range the
	 * number is in (its centre and device code, current or former). Any other device, head office
	 * included, keeps its copy (nothing stored is dropped), imports nothing for this number now and
	 * leaves it to that device; once the renumbered record has arrived, the same file imports.
	 */
	renumbersHere: boolean;
}

/** One notification of the import, decided by revision ancestry and the per-field stamps. */
export interface NotificationEntry {
	key: string;
	/** The file whose version would be imported. */
	file: string;
	/** Other files of this import with the same or an older version. */
	alsoIn: string[];
	status: NotificationStatus;
	/** For `unchanged`: the same revision, or ours descends from theirs. */
	relation?: 'same' | 'oursNewer';
	/** For `unchanged` at the same revision: the other copy holds notes of a settled exchange that ours lacks. */
	joinsNotes?: boolean;
	/** Owned by another centre (head office holds it for reading; it is never edited there). */
	isForeign: boolean;
	/**
	 * The stored copy it is compared with (for a moved record: the stored one under its old
	 * number), kept where a later step needs it: merged, conflict, collision, diverged, and
	 * unchanged with notes to join. A full database's other copies are not held by the preview.
	 */
	ours?: Notification;
	theirs: Notification;
	/** The stored revision under `key` that must still be there when the write starts, or null. */
	expected: string | null;
	/** For `merged` and `conflict`: every field (merge unit) whose values differ, and who wins it. */
	differences?: UnitOutcome[];
	/** For `conflict`: the units a person must choose for. */
	conflicts?: string[];
	/** For `collision`. */
	collision?: Collision;
	/** A record renumbered elsewhere leaves its old number here: removed in the same write. */
	vacates?: { number: string; expected: string };
	/** For `invalid`: why. */
	errors: ExchangeError[];
}

/** One master record of the import. */
export interface MasterEntry {
	key: string;
	file: string;
	status: MasterStatus;
	ours?: MasterRecord;
	theirs: MasterRecord;
}

export type Counts<S extends string> = Record<S, number>;

/** One file's part of the preview. */
export interface FilePreview {
	name: string;
	file: ValidatedFile;
	/** The file carries other types or status profiles than this device uses (not imported). */
	configurationDiffers: boolean;
	notifications: Counts<NotificationStatus>;
	masterData: Counts<MasterStatus>;
}

/** What an import of these files would do, before anything is written. */
export interface ImportPreview {
	/** The centre of this device, which decides what is foreign. */
	centreCode: string;
	files: FilePreview[];
	notifications: NotificationEntry[];
	/** Records of one file that share a number with another file's record and do not keep it. */
	collidingInFiles: Notification[];
	/**
	 * When this device must renumber (its own range was reused): the device code it moves to
	 * before it hands out another number.
	 */
	newDeviceCode?: string;
	/** Device codes of this centre the files show. */
	seenDeviceCodes: string[];
	masterData: MasterEntry[];
	totals: { notifications: Counts<NotificationStatus>; masterData: Counts<MasterStatus> };
	/** False while any entry is invalid: an import is all or nothing. */
	canWrite: boolean;
	/**
	 * The store's change counter before the stored copies were read (set by the data layer): while
	 * it has not moved, the write need not read them again to see that none changed.
	 */
	changeCounter?: number;
}

/** The stored versions of exactly the records named in the files. */
export interface StoredVersions {
	notifications: ReadonlyMap<string, Notification>;
	/**
	 * Stored records that left one of the files' numbers (renumbered after a collision), by that
	 * former number: an incoming copy they descend from is an old copy of them, not a collision.
	 */
	movedFrom?: ReadonlyMap<string, readonly Notification[]>;
	/** By `masterKey` (`customer:27`). */
	masterData: ReadonlyMap<string, MasterRecord>;
}

/** What the preview needs of this device. */
export interface PreviewContext {
	centreCode: string;
	/** This device's own code, then the codes it used before: it renumbers in those ranges only. */
	deviceCodes: readonly string[];
	configuration: Configuration;
	/** Device codes of this centre seen so far (stored numbers, files): a new code avoids them all. */
	usedDeviceCodes: readonly string[];
}

/** The keys the data layer must fetch (with `bulkGet`) to preview these files. */
export function keysToFetch(files: readonly ValidatedFile[]): {
	numbers: string[];
	masterKeys: [MasterRecord['kind'], string][];
} {
	const numbers = new Set<string>();
	const masterKeys = new Map<string, [MasterRecord['kind'], string]>();
	for (const file of files) {
		for (const notification of file.notifications) {
			numbers.add(notification.number);
			for (const former of notification.formerNumbers ?? []) numbers.add(former);
		}
		for (const record of file.masterData)
			masterKeys.set(masterKey(record), [record.kind, record.code]);
	}
	return { numbers: [...numbers], masterKeys: [...masterKeys.values()] };
}

function zeroCounts<S extends string>(statuses: readonly S[]): Counts<S> {
	return Object.fromEntries(statuses.map((status) => [status, 0])) as Counts<S>;
}

interface Incoming {
	file: string;
	record: Notification;
	alsoIn: string[];
	errors: ExchangeError[];
	/** Another file's record under this number with no common ancestor: not imported this time. */
	collidesWith?: Notification;
}

/** Whether the schema and the engine accept a record as a whole (a merge result must). */
export function validityCheck(configuration: Configuration): (record: Notification) => boolean {
	return (record) =>
		notificationSchema.safeParse(record).success && isConsistent(record, configuration);
}

/** The record created first (then the lower first revision) keeps a number two records share. */
export function keepsNumber(a: Notification, b: Notification): boolean {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
	const root = (record: Notification) => record.revision.ancestry.at(-1) ?? record.revision.rev;
	return root(a) <= root(b);
}

/** Copies that a renumbered copy in the same import has seen: superseded, left out of the fold. */
function supersededByMoves(files: readonly ValidatedFile[]): Set<Notification> {
	const moved = files.flatMap((file) => file.notifications.filter((n) => n.formerNumbers?.length));
	const superseded = new Set<Notification>();
	if (moved.length === 0) return superseded;
	for (const file of files) {
		for (const record of file.notifications) {
			const mover = moved.find(
				(other) =>
					other.number !== record.number &&
					other.formerNumbers?.includes(record.number) &&
					isKnownTo(other.revision, record.revision.rev)
			);
			if (mover) superseded.add(record);
		}
	}
	return superseded;
}

/**
 * The newest version of each number across the files: a version replaces the one before when it
 * descends from it; two diverged versions are merged when no field needs a person, else the files
 * must be imported one at a time (`conflictingFiles`); two records with no common ancestor keep
 * the one that keeps the number (`keepsNumber`) and report the other. Copies a renumbered copy of
 * the same import has seen are left out.
 */
function newestAcrossFiles(
	files: readonly ValidatedFile[],
	isValid: (record: Notification) => boolean
): Map<string, Incoming> {
	const superseded = supersededByMoves(files);
	const incoming = new Map<string, Incoming>();
	for (const file of files) {
		for (const record of file.notifications) {
			if (superseded.has(record)) continue;
			const earlier = incoming.get(record.number);
			if (!earlier) {
				incoming.set(record.number, { file: file.name, record, alsoIn: [], errors: [] });
				continue;
			}
			const relation = compareRevisions(earlier.record.revision, record.revision);
			if (relation === 'same' || relation === 'oursNewer') {
				earlier.alsoIn.push(file.name);
				continue;
			}
			if (relation === 'theirsNewer') {
				earlier.alsoIn.push(earlier.file);
				earlier.file = file.name;
				earlier.record = record;
				continue;
			}
			if (!shareAncestry(earlier.record.revision, record.revision)) {
				const keepEarlier = keepsNumber(earlier.record, record);
				earlier.collidesWith = keepEarlier ? record : earlier.record;
				if (!keepEarlier) earlier.record = record;
				continue;
			}
			const merged = mergeCopies(earlier.record, record, {}, isValid);
			if (merged.ok) {
				earlier.alsoIn.push(earlier.file);
				earlier.file = file.name;
				earlier.record = merged.record;
				continue;
			}
			earlier.errors.push({
				file: file.name,
				record: { kind: 'notification', key: record.number },
				field: 'revision',
				code: 'conflictingFiles',
				params: { otherFile: earlier.file }
			});
		}
	}
	return incoming;
}

/**
 * A stored copy this incoming one continues under a former number (renumbered elsewhere after a
 * number collision): compared as if it had been renumbered here already, and its old number freed.
 */
function storedUnderFormerNumber(
	incoming: Notification,
	stored: StoredVersions['notifications']
): { ours: Notification; vacates: { number: string; expected: string } } | undefined {
	for (const former of incoming.formerNumbers ?? []) {
		const left = stored.get(former);
		if (!left || !shareAncestry(left.revision, incoming.revision)) continue;
		return {
			ours: { ...left, number: incoming.number },
			vacates: { number: former, expected: left.revision.rev }
		};
	}
	return undefined;
}

/** Classifies one incoming notification against the stored one. */
function classifyNotification(
	key: string,
	incoming: Incoming,
	stored: StoredVersions['notifications'],
	vacated: ReadonlySet<string>,
	context: PreviewContext,
	isValid: (record: Notification) => boolean
): NotificationEntry {
	const theirs = incoming.record;
	const found = storedUnderFormerNumber(theirs, stored);
	const storedHere = stored.get(key);
	// A stored record that this import moves to its new number no longer holds this one.
	const ours = (vacated.has(key) ? undefined : storedHere) ?? found?.ours;
	const base = {
		key,
		file: incoming.file,
		alsoIn: incoming.alsoIn,
		isForeign: theirs.centre !== context.centreCode,
		theirs,
		expected: storedHere?.revision.rev ?? null,
		errors: incoming.errors,
		...(ours ? { ours } : {}),
		...(found ? { vacates: found.vacates } : {})
	};
	if (incoming.errors.length > 0) return { ...base, status: 'invalid' };
	if (!ours) return { ...base, status: found ? 'moved' : 'new' };
	if (!shareAncestry(ours.revision, theirs.revision)) {
		const range = parseNotificationNumber(key);
		const keeper = keepsNumber(ours, theirs) ? 'ours' : 'theirs';
		const renumbersHere =
			range?.centreCode === context.centreCode && context.deviceCodes.includes(range.deviceCode);
		return { ...base, status: 'collision', collision: { keeper, renumbersHere } };
	}
	const relation = compareRevisions(ours.revision, theirs.revision);
	if (relation === 'same' || relation === 'oursNewer') {
		if (found) return { ...base, status: 'moved' };
		const joinsNotes = relation === 'same' && joinNotes(ours, theirs) !== undefined;
		return { ...base, status: 'unchanged', relation, ...(joinsNotes ? { joinsNotes } : {}) };
	}
	if (relation === 'theirsNewer') return { ...base, status: found ? 'moved' : 'theirsNewer' };
	const differences = compareUnits(ours, theirs).filter((o) => o.decision !== 'equal');
	// Head office never makes a revision of another centre's record: it holds the copy further
	// along until the owner's merge, which descends from both, arrives.
	if (base.isForeign) return { ...base, status: 'diverged', differences };
	const merged = mergeCopies(ours, theirs, {}, isValid);
	if (merged.ok) return { ...base, status: 'merged', differences };
	return { ...base, status: 'conflict', differences, conflicts: merged.conflicts };
}

/** Of two diverged revisions, the one further along: higher generation, then the higher id. */
export function isAhead(a: Revision, b: Revision): boolean {
	const byGeneration = generationOf(a.rev) - generationOf(b.rev);
	return byGeneration === 0 ? a.rev > b.rev : byGeneration > 0;
}

/** The first two-character code not used yet: 01…99, then letters. */
export function unusedDeviceCode(used: readonly string[]): string {
	const taken = new Set(used);
	const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	for (const first of digits) {
		for (const second of digits) {
			const code = `${first}${second}`;
			if (code !== '00' && !taken.has(code)) return code;
		}
	}
	throw new Error('every device code of this centre is used');
}

/**
 * Master data has no revisions, so a simple rule: per kind+code, the first file of the import
 * that carries the record gives the incoming version. Absent here → `new`; the same content →
 * `unchanged`; different → `replace` when the file comes from this device's own centre (another
 * device of the centre, or a backup), else `kept` (another centre's copy never overwrites ours).
 */
function classifyMasterData(
	files: readonly ValidatedFile[],
	stored: StoredVersions['masterData'],
	centreCode: string
): MasterEntry[] {
	const entries = new Map<string, MasterEntry>();
	for (const file of files) {
		const isOwnCentre = file.header.centre.code === centreCode;
		for (const theirs of file.masterData) {
			const key = masterKey(theirs);
			if (entries.has(key)) continue;
			const ours = stored.get(key);
			let status: MasterStatus = 'new';
			if (ours) {
				if (canonicalJson(ours) === canonicalJson(theirs)) status = 'unchanged';
				else status = isOwnCentre ? 'replace' : 'kept';
			}
			entries.set(key, { key, file: file.name, status, theirs, ...(ours ? { ours } : {}) });
		}
	}
	return [...entries.values()];
}

/** Counts entries by status, per file and in total. */
function count<S extends string>(
	entries: readonly { file: string; status: S }[],
	statuses: readonly S[],
	fileNames: readonly string[]
): { total: Counts<S>; byFile: Map<string, Counts<S>> } {
	const total = zeroCounts(statuses);
	const byFile = new Map(fileNames.map((name) => [name, zeroCounts(statuses)]));
	for (const entry of entries) {
		total[entry.status] += 1;
		const counts = byFile.get(entry.file);
		if (counts) counts[entry.status] += 1;
	}
	return { total, byFile };
}

/**
 * A copy of a record that was renumbered here (it arrives under the old number, older or changed
 * since) is that record: it is compared with it under its new number, never taken for a second
 * record (which would be renumbered again and held twice).
 */
function followMoves(
	files: readonly ValidatedFile[],
	movedFrom: StoredVersions['movedFrom']
): readonly ValidatedFile[] {
	if (!movedFrom?.size) return files;
	return files.map((file) => ({
		...file,
		notifications: file.notifications.map((record) => {
			const mover = movedFrom
				.get(record.number)
				?.find(
					(moved) =>
						moved.number !== record.number && shareAncestry(moved.revision, record.revision)
				);
			if (!mover) return record;
			const { formerNumbers } = mover;
			return { ...record, number: mover.number, ...(formerNumbers ? { formerNumbers } : {}) };
		})
	}));
}

/** The device codes of this centre that the files show: exporting devices and their numbers. */
export function deviceCodesIn(files: readonly ValidatedFile[], centreCode: string): string[] {
	const codes = new Set<string>();
	for (const file of files) {
		if (file.header.centre.code === centreCode) {
			if (file.header.device) codes.add(file.header.device);
			for (const code of file.header.knownDevices ?? []) codes.add(code);
		}
		for (const record of file.notifications) {
			for (const number of [record.number, ...(record.formerNumbers ?? [])]) {
				const parsed = parseNotificationNumber(number);
				if (parsed?.centreCode === centreCode) codes.add(parsed.deviceCode);
			}
		}
	}
	return [...codes];
}

/**
 * Builds the preview of an import in steps, so the data layer can fetch the stored versions a
 * part at a time and let go of each part once it is classified (a full database holds as many
 * records as the file): the incoming versions first, then which numbers renumbered records
 * vacate (`formerNumbers`, `noteFormer`), then the numbers part by part (`keys`, `classify`),
 * then master data and counts (`finish`). Fed everything at once, it is `previewImport`.
 */
export class ImportPreviewer {
	private readonly isValid: (record: Notification) => boolean;
	private readonly incoming: Map<string, Incoming>;
	private readonly vacated = new Set<string>();
	private readonly entries: NotificationEntry[] = [];

	constructor(
		private readonly files: readonly ValidatedFile[],
		movedFrom: StoredVersions['movedFrom'],
		private readonly context: PreviewContext
	) {
		this.isValid = validityCheck(context.configuration);
		this.incoming = newestAcrossFiles(followMoves(files, movedFrom), this.isValid);
	}

	/** The numbers incoming records had before a renumbering: `noteFormer` needs their stored versions. */
	formerNumbers(): string[] {
		const numbers = new Set<string>();
		for (const { record } of this.incoming.values()) {
			for (const former of record.formerNumbers ?? []) numbers.add(former);
		}
		return [...numbers];
	}

	/** Notes the numbers this import vacates, given the stored versions of `formerNumbers()`. */
	noteFormer(stored: StoredVersions['notifications']): void {
		for (const { record } of this.incoming.values()) {
			const found = storedUnderFormerNumber(record, stored);
			if (found) this.vacated.add(found.vacates.number);
		}
	}

	/** The incoming numbers, in the order the preview lists them. */
	keys(): string[] {
		return [...this.incoming.keys()];
	}

	/**
	 * The numbers `classify` needs stored versions of for these keys: each, and its former
	 * numbers. Given the stored revisions by number (`storedRevisions`: every stored record's, ''
	 * where its revision is not known), a key not among them is not stored and not asked for, and
	 * neither is a key `isUnchangedAt` its stored revision.
	 */
	numbersFor(keys: readonly string[], storedRevisions?: ReadonlyMap<string, string>): string[] {
		const numbers: string[] = [];
		for (const key of keys) {
			const revision = storedRevisions?.get(key);
			if (this.isUnchangedAt(key, revision)) continue;
			if (!storedRevisions || revision !== undefined) numbers.push(key);
			for (const former of this.incoming.get(key)?.record.formerNumbers ?? []) {
				numbers.push(former);
			}
		}
		return numbers;
	}

	/**
	 * Whether a key is unchanged without a look at its stored copy: the stored revision is the
	 * incoming one, and the incoming copy has nothing the stored one could lack — no notes of a
	 * settled exchange (`ANNOTATION_KINDS`, outside the revision), no former numbers — and no
	 * error, and no record moving here vacates the number. What `classifyNotification` finds for
	 * such a key, without reading 100,000 stored records to find it.
	 */
	private isUnchangedAt(key: string, storedRevision: string | undefined): boolean {
		const incoming = this.incoming.get(key);
		if (!incoming || storedRevision === undefined) return false;
		const { record } = incoming;
		return (
			storedRevision === record.revision.rev &&
			incoming.errors.length === 0 &&
			!this.vacated.has(key) &&
			!record.formerNumbers?.length &&
			!record.history.some((entry) => ANNOTATION_KINDS.has(entry.kind))
		);
	}

	/**
	 * Classifies these numbers (in `keys()` order) against their stored versions. An entry keeps
	 * the stored copy only where a later step needs it (see `NotificationEntry.ours`).
	 */
	classify(
		keys: readonly string[],
		stored: StoredVersions['notifications'],
		storedRevisions?: ReadonlyMap<string, string>
	): void {
		for (const key of keys) {
			const incoming = this.incoming.get(key);
			if (!incoming) continue;
			const revision = storedRevisions?.get(key);
			if (revision !== undefined && this.isUnchangedAt(key, revision)) {
				const { file, alsoIn, record, errors } = incoming;
				const isForeign = record.centre !== this.context.centreCode;
				this.entries.push({
					...{ key, file, alsoIn, isForeign, theirs: record, expected: revision, errors },
					status: 'unchanged',
					relation: 'same'
				});
				continue;
			}
			const entry = classifyNotification(
				key,
				incoming,
				stored,
				this.vacated,
				this.context,
				this.isValid
			);
			this.entries.push(needsOurs(entry) ? entry : withoutOurs(entry));
		}
	}

	/** The preview, once every key is classified, with master data against its stored versions. */
	finish(storedMasterData: StoredVersions['masterData']): ImportPreview {
		const { files, context } = this;
		const notifications = this.entries;
		const collisions = [...this.incoming.values()].flatMap((entry) =>
			entry.collidesWith ? [entry.collidesWith] : []
		);
		const renumbers = notifications.some((entry) => entry.collision?.renumbersHere);
		const seenDeviceCodes = deviceCodesIn(files, context.centreCode);
		const usedDeviceCodes = [
			...context.usedDeviceCodes,
			...seenDeviceCodes,
			...context.deviceCodes
		];
		const masterData = classifyMasterData(files, storedMasterData, context.centreCode);
		const names = files.map((file) => file.name);
		const notificationCounts = count(notifications, NOTIFICATION_STATUSES, names);
		const masterCounts = count(masterData, MASTER_STATUSES, names);
		const ownConfiguration = canonicalJson(context.configuration);
		return {
			centreCode: context.centreCode,
			files: files.map((file) => ({
				name: file.name,
				file,
				configurationDiffers: canonicalJson(file.configuration) !== ownConfiguration,
				notifications:
					notificationCounts.byFile.get(file.name) ?? zeroCounts(NOTIFICATION_STATUSES),
				masterData: masterCounts.byFile.get(file.name) ?? zeroCounts(MASTER_STATUSES)
			})),
			notifications,
			collidingInFiles: collisions,
			seenDeviceCodes,
			...(renumbers ? { newDeviceCode: unusedDeviceCode(usedDeviceCodes) } : {}),
			masterData,
			totals: { notifications: notificationCounts.total, masterData: masterCounts.total },
			canWrite: notificationCounts.total.invalid === 0
		};
	}
}

/**
 * Whether a later step needs an entry's stored copy: the merge and the conflict panel, a
 * collision's renumbering, a diverged copy's comparison, notes to join. Nothing else does
 * (a newer or moved copy is written as it comes; an unchanged one is not written).
 */
function needsOurs(entry: NotificationEntry): boolean {
	switch (entry.status) {
		case 'unchanged':
			return entry.joinsNotes === true;
		case 'theirsNewer':
		case 'moved':
		case 'new':
		case 'invalid':
			return false;
		default:
			return true;
	}
}

function withoutOurs(entry: NotificationEntry): NotificationEntry {
	if (!entry.ours) return entry;
	const copy = { ...entry };
	delete copy.ours;
	return copy;
}

/**
 * What importing these (already validated) files would do, record by record: notifications by
 * revision ancestry (new / theirs newer / unchanged), diverged copies merged field by field
 * (merged, or a conflict where a person must choose), two records under one number (collision),
 * a record renumbered elsewhere (moved), never by clocks; master data by the rule of
 * `classifyMasterData`. Pure: the stored versions are handed in.
 */
export function previewImport(
	files: readonly ValidatedFile[],
	stored: StoredVersions,
	context: PreviewContext
): ImportPreview {
	const previewer = new ImportPreviewer(files, stored.movedFrom, context);
	previewer.noteFormer(stored.notifications);
	previewer.classify(previewer.keys(), stored.notifications);
	return previewer.finish(stored.masterData);
}
