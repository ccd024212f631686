import type { LinkedRecord } from '../domain/records/record';
import type { ImportedImage } from './format';
import type { Actor } from '../domain/actor';
import type { MasterRecord } from '../domain/master-data';
import { joinNotes, mergeCopies, type Side, type UnitChoices } from '../domain/merge';
import { recordChange, type Notification } from '../domain/notification';
import { formatNotificationNumber } from '../domain/numbering';
import type { Configuration } from '../domain/status/profile';
import type { ExchangeError } from './errors';
import { canonicalJson } from './format';
import { isAhead, validityCheck, type ImportPreview, type NotificationEntry } from './preview';

/** How the user settles a conflicting field: keep this device's value or take the file's. */
export type Resolution = 'keepMine' | 'takeTheirs';

/**
 * The user's choices, most specific first: per notification and field (merge unit), per
 * notification (every conflicting field of it), and for every conflict.
 */
export interface Decisions {
	all?: Resolution;
	byNumber?: Readonly<Record<string, Resolution>>;
	byField?: Readonly<Record<string, Readonly<Record<string, Resolution>>>>;
}

/** Who settles, and when (merges, renumbering and their history entries are stamped with it). */
export interface ResolveContext {
	actor: Actor;
	now: Date;
	configuration: Configuration;
}

/** One record to write; `expected` is what must still be stored when the write starts. */
export interface PlannedWrite<T> {
	record: T;
	file: string;
	/** Notifications: the stored revision id; master data: its canonical JSON; null: absent. */
	expected: string | null;
}

/** A number a record left (renumbered elsewhere): removed if still at the expected revision. */
export interface PlannedRemoval {
	number: string;
	file: string;
	expected: string;
}

/** Everything a confirmed import writes, prepared before the write transaction opens. */
export interface ImportPlan {
	centreCode: string;
	notifications: PlannedWrite<Notification>[];
	removals: PlannedRemoval[];
	masterData: PlannedWrite<MasterRecord>[];
	/** This device's range was reused: it moves to this code, its counter at `sequence`. */
	moveDevice?: { deviceCode: string; sequence: number };
	/** Device codes of this device's centre the files show (remembered for choosing a new code). */
	seenDeviceCodes: string[];
	/**
	 * The files' linked records, each settled against the stored copy inside the write (new,
	 * newer, or merged field by field: see data/exchange.ts), and the images they bring.
	 */
	records: { record: LinkedRecord; file: string }[];
	images: ImportedImage[];
	/** The store's change counter the preview was made at (`ImportPreview.changeCounter`). */
	changeCounter?: number;
}

const SIDE_OF: Record<Resolution, Side> = { keepMine: 'ours', takeTheirs: 'theirs' };

/** The choice for every conflicting unit of an entry, or the units still undecided. */
function choicesFor(
	entry: NotificationEntry,
	decisions: Decisions
): { choices: UnitChoices; undecided: string[] } {
	const choices: Record<string, Side> = {};
	const undecided: string[] = [];
	for (const unit of entry.conflicts ?? []) {
		const resolution =
			decisions.byField?.[entry.key]?.[unit] ?? decisions.byNumber?.[entry.key] ?? decisions.all;
		if (resolution) choices[unit] = SIDE_OF[resolution];
		else undecided.push(unit);
	}
	return { choices, undecided };
}

/** Hands out the numbers of the device code a renumbering device moves to. */
class NumberRange {
	sequence = 0;
	constructor(
		readonly centreCode: string,
		readonly deviceCode: string
	) {}

	next(): string {
		this.sequence += 1;
		return formatNotificationNumber(this.centreCode, this.deviceCode, this.sequence);
	}
}

/**
 * Settles a number collision on the device whose range it is: the keeper stays under the number
 * with a history entry naming the other's new number; the other is renumbered (a change like any
 * other: it travels, and every device that holds it under the old number moves it).
 */
function renumber(
	entry: NotificationEntry,
	ours: Notification,
	range: NumberRange,
	context: ResolveContext
): PlannedWrite<Notification>[] {
	const [keeper, other] =
		entry.collision?.keeper === 'ours' ? [ours, entry.theirs] : [entry.theirs, ours];
	const newNumber = range.next();
	const moved = recordChange(
		other,
		{ number: newNumber, formerNumbers: [...(other.formerNumbers ?? []), entry.key] },
		[{ kind: 'renumbered', from: entry.key, to: newNumber }],
		context.actor,
		context.now
	);
	const kept = recordChange(
		keeper,
		{},
		[{ kind: 'numberCollision', from: entry.key, to: newNumber }],
		context.actor,
		context.now
	);
	return [
		{ record: kept, file: entry.file, expected: entry.expected },
		{ record: moved, file: entry.file, expected: null }
	];
}

/** The writes of one notification entry (none, one, or two for a renumbering), or an error. */
function planNotification(
	entry: NotificationEntry,
	decisions: Decisions,
	context: ResolveContext,
	range: NumberRange | undefined
): PlannedWrite<Notification>[] | ExchangeError {
	const { ours, theirs, expected } = entry;
	const write = (record: Notification) => [{ record, file: entry.file, expected }];
	const isValid = validityCheck(context.configuration);
	const note = { actor: context.actor, now: context.now };
	switch (entry.status) {
		case 'new':
		case 'theirsNewer':
		case 'moved':
			return write(theirs);
		case 'unchanged': {
			const joined = entry.joinsNotes && ours ? joinNotes(ours, theirs) : undefined;
			return joined ? write(joined) : [];
		}
		case 'diverged':
			return ours && isAhead(theirs.revision, ours.revision) ? write(theirs) : [];
		case 'collision':
			// Elsewhere nothing stored is dropped: the device whose range it is renumbers, and the
			// copy of the file is imported once the renumbering has arrived (docs/exchange-format.md).
			return ours && range && entry.collision?.renumbersHere
				? renumber(entry, ours, range, context)
				: [];
		case 'merged':
		case 'conflict': {
			if (!ours) return [];
			const { choices, undecided } = choicesFor(entry, decisions);
			const record = { kind: 'notification' as const, key: entry.key };
			if (undecided.length > 0) {
				return { file: entry.file, record, code: 'unresolvedConflict', params: {} };
			}
			const merged = mergeCopies(ours, theirs, choices, isValid, note);
			if (!merged.ok) return { file: entry.file, record, code: 'mergeInvalid', params: {} };
			return write(merged.record);
		}
		case 'invalid':
			return [];
	}
}

/**
 * Turns a preview and the user's decisions into the exact records to write, before any
 * transaction: merges made, conflicts settled, collisions renumbered, merged records validated.
 * Refuses while any record is invalid or any conflicting field undecided.
 */
export function planImport(
	preview: ImportPreview,
	decisions: Decisions,
	given: ResolveContext
): { ok: true; plan: ImportPlan } | { ok: false; errors: ExchangeError[] } {
	// The actor may come from reactive UI state (a proxy IndexedDB cannot clone): plain data only.
	const actor = JSON.parse(JSON.stringify(given.actor)) as Actor;
	const context = { ...given, actor };
	const errors = preview.notifications.flatMap((entry) => entry.errors);
	const range = preview.newDeviceCode
		? new NumberRange(preview.centreCode, preview.newDeviceCode)
		: undefined;
	const notifications: PlannedWrite<Notification>[] = [];
	for (const entry of preview.notifications) {
		const planned = planNotification(entry, decisions, context, range);
		if ('code' in planned) errors.push(planned);
		else notifications.push(...planned);
	}
	if (errors.length > 0) return { ok: false, errors };
	const written = new Set(notifications.map((planned) => planned.record.number));
	const removals = preview.notifications.flatMap((entry) =>
		entry.vacates && !written.has(entry.vacates.number)
			? [{ ...entry.vacates, file: entry.file }]
			: []
	);
	const masterData = preview.masterData
		.filter((entry) => entry.status === 'new' || entry.status === 'replace')
		.map((entry) => ({
			record: entry.theirs,
			file: entry.file,
			expected: entry.ours ? canonicalJson(entry.ours) : null
		}));
	return {
		ok: true,
		plan: {
			centreCode: preview.centreCode,
			notifications,
			removals,
			masterData,
			seenDeviceCodes: preview.seenDeviceCodes,
			records: preview.files.flatMap(({ file }) =>
				file.records.map((record) => ({ record, file: file.name }))
			),
			images: preview.files.flatMap(({ file }) => file.images),
			...(preview.changeCounter === undefined ? {} : { changeCounter: preview.changeCounter }),
			...(range && range.sequence > 0
				? { moveDevice: { deviceCode: range.deviceCode, sequence: range.sequence } }
				: {})
		}
	};
}
