import type { Actor } from './actor';
import { canonicalJson } from './canonical';
import {
	ANNOTATION_KINDS,
	STATUS_FIELDS,
	mergeUnits,
	revisionContent,
	unitValue,
	type HistoryEntry,
	type LongTextEntry,
	type Notification
} from './notification';
import { isKnownTo, mergeRevision, type Revision } from './revision';

/** Which copy a merge unit's value comes from. */
export type Side = 'ours' | 'theirs';

/** A person's choices for the units both copies changed to different values. */
export type UnitChoices = Readonly<Record<string, Side>>;

/** How one merge unit of two copies is settled. */
export interface UnitOutcome {
	unit: string;
	/** `equal`: both hold the same value; `ours`/`theirs`: decided by the stamps; `conflict`: asks. */
	decision: 'equal' | Side | 'conflict';
	ours: unknown;
	theirs: unknown;
}

/**
 * Whether a copy has seen the change stamped `stamp`: the stamp is its revision or an ancestor, or
 * absent (unchanged since the record was created, which every copy has seen).
 */
function hasSeen(revision: Revision, stamp: string | undefined): boolean {
	return stamp === undefined || isKnownTo(revision, stamp);
}

/**
 * Field by field against what both copies last had in common, read from the per-unit change stamps
 * (`fieldRevs`): a unit that only one copy changed since the other's value takes that change; a
 * unit both changed to different values is a conflict. Symmetric: swapping the copies swaps
 * `ours`/`theirs` and nothing else.
 */
export function compareUnits(ours: Notification, theirs: Notification): UnitOutcome[] {
	return mergeUnits(ours, theirs).map((unit) => {
		const mine = unitValue(ours, unit);
		const other = unitValue(theirs, unit);
		const base = { unit, ours: mine, theirs: other };
		if (canonicalJson(mine) === canonicalJson(other)) return { ...base, decision: 'equal' };
		const weSawTheirs = hasSeen(ours.revision, theirs.fieldRevs?.[unit]);
		const theySawOurs = hasSeen(theirs.revision, ours.fieldRevs?.[unit]);
		if (weSawTheirs && !theySawOurs) return { ...base, decision: 'ours' };
		if (theySawOurs && !weSawTheirs) return { ...base, decision: 'theirs' };
		return { ...base, decision: 'conflict' };
	});
}

/** Both logs' entries, each once, in an order every device computes alike: time, then content. */
function unionOfLogs<T extends { at: string }>(a: readonly T[], b: readonly T[]): T[] {
	const byText = new Map<string, T>();
	for (const entry of [...a, ...b]) byText.set(canonicalJson(entry), entry);
	return [...byText]
		.sort(([textA, entryA], [textB, entryB]) =>
			entryA.at < entryB.at ? -1 : entryA.at > entryB.at ? 1 : textA < textB ? -1 : 1
		)
		.map(([, entry]) => entry);
}

/** A value as a history entry writes it: text as is, anything else as JSON. */
export function historyValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Who settles a merge and when: the history notes are stamped with it. */
export interface MergeNote {
	actor: Actor;
	now: Date;
}

/** A merge that needs a person (or is impossible as chosen): the units to ask about. */
export interface MergeQuestion {
	ok: false;
	conflicts: string[];
	/** The choices given produce a record the rules refuse (e.g. end before start). */
	isInvalid: boolean;
}

/** What merging two copies gives. */
export type MergeResult =
	{ ok: true; record: Notification; outcomes: UnitOutcome[] } | MergeQuestion;

const PENDING = '0-pending';

function setUnit(record: Record<string, unknown>, unit: string, value: unknown): void {
	if (unit === 'status') {
		const group = (value ?? {}) as Record<string, unknown>;
		for (const key of STATUS_FIELDS) setUnit(record, key, group[key]);
		return;
	}
	if (value === undefined) delete record[unit];
	else record[unit] = structuredClone(value);
}

/**
 * Merges two diverged copies of one record. Units only one side changed are taken automatically;
 * units both changed to different values need `choices`; the append-only logs are joined; the
 * result must pass `isValid` (schema and engine), or every unit that differs is asked about. The
 * merged revision descends from both and is hashed from the merged content, so two devices that
 * merge the same pair to the same content make the same revision whatever side each calls its own.
 * With a `note`, history entries say what was merged and, for each chosen unit, what was not kept.
 */
export function mergeCopies(
	ours: Notification,
	theirs: Notification,
	choices: UnitChoices,
	isValid: (record: Notification) => boolean,
	note?: MergeNote
): MergeResult {
	const outcomes = compareUnits(ours, theirs);
	const open = outcomes.filter((o) => o.decision === 'conflict' && !choices[o.unit]);
	if (open.length > 0) return { ok: false, conflicts: open.map((o) => o.unit), isInvalid: false };
	const merged: Record<string, unknown> = { ...ours };
	const stamps: Record<string, string> = {};
	const notes: Omit<HistoryEntry, 'at' | 'actor'>[] = [];
	for (const outcome of outcomes) {
		const side = outcome.decision === 'conflict' ? choices[outcome.unit] : outcome.decision;
		const winner = side === 'theirs' ? theirs : ours;
		setUnit(merged, outcome.unit, side === 'theirs' ? outcome.theirs : outcome.ours);
		const mine = ours.fieldRevs?.[outcome.unit];
		const other = theirs.fieldRevs?.[outcome.unit];
		const stamp =
			outcome.decision === 'conflict' || (outcome.decision === 'equal' && mine !== other)
				? PENDING
				: winner.fieldRevs?.[outcome.unit];
		if (stamp) stamps[outcome.unit] = stamp;
		if (outcome.decision === 'conflict') {
			const [kept, lost] =
				side === 'theirs' ? [outcome.theirs, outcome.ours] : [outcome.ours, outcome.theirs];
			notes.push({
				kind: 'conflict',
				field: outcome.unit,
				from: historyValue(lost),
				to: historyValue(kept)
			});
		}
	}
	const takenFromTheirs = outcomes.filter((o) => o.decision === 'theirs');
	const formerNumbers = [
		...new Set([...(ours.formerNumbers ?? []), ...(theirs.formerNumbers ?? [])])
	];
	const record = {
		...merged,
		...(formerNumbers.length > 0 ? { formerNumbers: formerNumbers.sort() } : {}),
		longText: unionOfLogs<LongTextEntry>(ours.longText, theirs.longText),
		history: unionOfLogs<HistoryEntry>(ours.history, theirs.history),
		changedAt: ours.changedAt > theirs.changedAt ? ours.changedAt : theirs.changedAt
	} as Notification;
	if (!isValid(record)) {
		const differing = outcomes.filter((o) => o.decision !== 'equal');
		const unasked = differing.filter((o) => o.decision !== 'conflict');
		return unasked.length > 0
			? { ok: false, conflicts: differing.map((o) => o.unit), isInvalid: false }
			: { ok: false, conflicts: differing.map((o) => o.unit), isInvalid: true };
	}
	const revision = mergeRevision(ours.revision, theirs.revision, revisionContent(record));
	for (const [unit, stamp] of Object.entries(stamps)) {
		if (stamp === PENDING) stamps[unit] = revision.rev;
	}
	if (note) {
		const at = note.now.toISOString();
		const summary = {
			kind: 'merge',
			field: takenFromTheirs.map((o) => o.unit).join(','),
			from: theirs.revision.rev,
			to: ours.revision.rev
		};
		for (const entry of [summary, ...notes]) {
			record.history.push({ ...entry, at, actor: note.actor } as HistoryEntry);
		}
	}
	return { ok: true, record: { ...record, revision, fieldRevs: stamps }, outcomes };
}

/**
 * Two copies at the same revision may still hold different notes of how exchanges settled them
 * (`ANNOTATION_KINDS`, left out of the hash): ours with both sets of notes, or undefined when ours
 * holds them all already. The revision does not change.
 */
export function joinNotes(ours: Notification, theirs: Notification): Notification | undefined {
	if (ours.revision.rev !== theirs.revision.rev) return undefined;
	const notes = (record: Notification) =>
		record.history.filter((entry) => ANNOTATION_KINDS.has(entry.kind));
	const theirNotes = notes(theirs);
	// The same revision means the same history but for the notes: compare those only.
	if (theirNotes.length === 0) return undefined;
	const ourNotes = new Set(notes(ours).map((entry) => canonicalJson(entry)));
	if (theirNotes.every((entry) => ourNotes.has(canonicalJson(entry)))) return undefined;
	const history = unionOfLogs(ours.history, theirs.history);
	if (history.length === ours.history.length) return undefined;
	return { ...ours, history };
}
