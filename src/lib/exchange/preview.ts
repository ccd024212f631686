import type { MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';
import { compareRevisions } from '../domain/revision';
import type { Configuration } from '../domain/status/profile';
import type { ExchangeError } from './errors';
import { canonicalJson, masterKey, type ValidatedFile } from './format';

/** What importing a notification would do. */
export const NOTIFICATION_STATUSES = [
	'new',
	'theirsNewer',
	'unchanged',
	'conflict',
	'invalid'
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What importing a master record would do (master data has no revisions: see the rule below). */
export const MASTER_STATUSES = ['new', 'replace', 'unchanged', 'kept'] as const;
export type MasterStatus = (typeof MASTER_STATUSES)[number];

/** One notification of the import, decided by revision ancestry alone. */
export interface NotificationEntry {
	key: string;
	/** The file whose version would be imported. */
	file: string;
	/** Other files of this import with the same or an older version. */
	alsoIn: string[];
	status: NotificationStatus;
	/** For `unchanged`: the same revision, or ours descends from theirs. */
	relation?: 'same' | 'oursNewer';
	/** Owned by another centre: read-only here; never given a new revision by this device. */
	isForeign: boolean;
	ours?: Notification;
	theirs: Notification;
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
	masterData: MasterEntry[];
	totals: { notifications: Counts<NotificationStatus>; masterData: Counts<MasterStatus> };
	/** False while any entry is invalid: an import is all or nothing. */
	canWrite: boolean;
}

/** The stored versions of exactly the records named in the files. */
export interface StoredVersions {
	notifications: ReadonlyMap<string, Notification>;
	/** By `masterKey` (`customer:27`). */
	masterData: ReadonlyMap<string, MasterRecord>;
}

/** What the preview needs of this device. */
export interface PreviewContext {
	centreCode: string;
	configuration: Configuration;
}

/** The keys the data layer must fetch (with `bulkGet`) to preview these files. */
export function keysToFetch(files: readonly ValidatedFile[]): {
	numbers: string[];
	masterKeys: [MasterRecord['kind'], string][];
} {
	const numbers = new Set<string>();
	const masterKeys = new Map<string, [MasterRecord['kind'], string]>();
	for (const file of files) {
		for (const notification of file.notifications) numbers.add(notification.number);
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
}

/**
 * The newest version of each number across the files: a version replaces the one before when it
 * descends from it. Two files with versions that do not descend from each other cannot be
 * imported together (`conflictingFiles`): the user imports them one at a time and resolves.
 */
function newestAcrossFiles(files: readonly ValidatedFile[]): Map<string, Incoming> {
	const incoming = new Map<string, Incoming>();
	for (const file of files) {
		for (const record of file.notifications) {
			const earlier = incoming.get(record.number);
			if (!earlier) {
				incoming.set(record.number, { file: file.name, record, alsoIn: [], errors: [] });
				continue;
			}
			const relation = compareRevisions(earlier.record.revision, record.revision);
			if (relation === 'theirsNewer') {
				incoming.set(record.number, {
					...earlier,
					file: file.name,
					record,
					alsoIn: [...earlier.alsoIn, earlier.file]
				});
			} else if (relation === 'conflict') {
				earlier.errors.push({
					file: file.name,
					record: { kind: 'notification', key: record.number },
					field: 'revision',
					code: 'conflictingFiles',
					params: { otherFile: earlier.file }
				});
			} else {
				earlier.alsoIn.push(file.name);
			}
		}
	}
	return incoming;
}

/** Classifies one incoming notification against the stored one by revision ancestry. */
function classifyNotification(
	key: string,
	incoming: Incoming,
	ours: Notification | undefined,
	centreCode: string
): NotificationEntry {
	const base = {
		key,
		file: incoming.file,
		alsoIn: incoming.alsoIn,
		isForeign: incoming.record.centre !== centreCode,
		theirs: incoming.record,
		errors: incoming.errors,
		...(ours ? { ours } : {})
	};
	if (incoming.errors.length > 0) return { ...base, status: 'invalid' };
	if (!ours) return { ...base, status: 'new' };
	const relation = compareRevisions(ours.revision, incoming.record.revision);
	if (relation === 'same' || relation === 'oursNewer')
		return { ...base, status: 'unchanged', relation };
	return { ...base, status: relation };
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
 * What importing these (already validated) files would do, record by record: notifications by
 * revision ancestry (new / theirs newer / unchanged / conflict / invalid), never by clocks; master
 * data by the rule of `classifyMasterData`. Pure: the stored versions are handed in.
 */
export function previewImport(
	files: readonly ValidatedFile[],
	stored: StoredVersions,
	context: PreviewContext
): ImportPreview {
	const notifications = [...newestAcrossFiles(files)].map(([key, incoming]) =>
		classifyNotification(key, incoming, stored.notifications.get(key), context.centreCode)
	);
	const masterData = classifyMasterData(files, stored.masterData, context.centreCode);
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
			notifications: notificationCounts.byFile.get(file.name) ?? zeroCounts(NOTIFICATION_STATUSES),
			masterData: masterCounts.byFile.get(file.name) ?? zeroCounts(MASTER_STATUSES)
		})),
		notifications,
		masterData,
		totals: { notifications: notificationCounts.total, masterData: masterCounts.total },
		canWrite: notificationCounts.total.invalid === 0
	};
}
