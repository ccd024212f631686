import { canonicalJson } from '../canonical';
import { isKnownTo, mergeRevision, type Revision } from '../revision';
import { recordMergeUnits, recordRevisionContent, type LinkedRecord } from './record';

/** How one field of two copies of a linked record is settled. */
export interface RecordUnitOutcome {
	unit: string;
	decision: 'equal' | 'ours' | 'theirs' | 'conflict';
	ours: unknown;
	theirs: unknown;
}

function hasSeen(revision: Revision, stamp: string | undefined): boolean {
	return stamp === undefined || isKnownTo(revision, stamp);
}

/**
 * Field by field, as notifications merge (domain/merge.ts): a field only one copy changed since
 * the other's value takes that change; a field both changed to different values is a conflict.
 */
export function compareRecordUnits(ours: LinkedRecord, theirs: LinkedRecord): RecordUnitOutcome[] {
	return recordMergeUnits(ours, theirs).map((unit) => {
		const mine = (ours as Record<string, unknown>)[unit];
		const other = (theirs as Record<string, unknown>)[unit];
		const base = { unit, ours: mine, theirs: other };
		if (canonicalJson(mine ?? null) === canonicalJson(other ?? null)) {
			return { ...base, decision: 'equal' as const };
		}
		const weSawTheirs = hasSeen(ours.revision, theirs.fieldRevs?.[unit]);
		const theySawOurs = hasSeen(theirs.revision, ours.fieldRevs?.[unit]);
		if (weSawTheirs && !theySawOurs) return { ...base, decision: 'ours' as const };
		if (theySawOurs && !weSawTheirs) return { ...base, decision: 'theirs' as const };
		return { ...base, decision: 'conflict' as const };
	});
}

/** What merging two copies of a record gives: the merged record, or the fields to ask about. */
export type RecordMergeResult =
	| { ok: true; record: LinkedRecord; outcomes: RecordUnitOutcome[] }
	| { ok: false; conflicts: string[] };

const PENDING = '0-pending';

/**
 * Merges two diverged copies of one linked record: fields one side changed are taken, fields both
 * changed differently need `choices`. The revision descends from both and is hashed from the
 * merged content, so two devices merging the same pair reach the same revision.
 */
export function mergeRecordCopies(
	ours: LinkedRecord,
	theirs: LinkedRecord,
	choices: Readonly<Record<string, 'ours' | 'theirs'>> = {},
	isValid: (record: LinkedRecord) => boolean = () => true
): RecordMergeResult {
	const outcomes = compareRecordUnits(ours, theirs);
	const open = outcomes.filter((o) => o.decision === 'conflict' && !choices[o.unit]);
	if (open.length > 0) return { ok: false, conflicts: open.map((o) => o.unit) };
	const merged: Record<string, unknown> = { ...ours };
	const stamps: Record<string, string> = {};
	for (const outcome of outcomes) {
		const side = outcome.decision === 'conflict' ? choices[outcome.unit] : outcome.decision;
		const value = side === 'theirs' ? outcome.theirs : outcome.ours;
		if (value === undefined) delete merged[outcome.unit];
		else merged[outcome.unit] = structuredClone(value);
		const mine = ours.fieldRevs?.[outcome.unit];
		const other = theirs.fieldRevs?.[outcome.unit];
		const stamp =
			outcome.decision === 'conflict' || (outcome.decision === 'equal' && mine !== other)
				? PENDING
				: (side === 'theirs' ? theirs : ours).fieldRevs?.[outcome.unit];
		if (stamp) stamps[outcome.unit] = stamp;
	}
	const later = ours.changedAt >= theirs.changedAt ? ours : theirs;
	const record = {
		...merged,
		changedAt: later.changedAt,
		changedBy: later.changedBy
	} as LinkedRecord;
	if (!isValid(record)) {
		return {
			ok: false,
			conflicts: outcomes.filter((o) => o.decision !== 'equal').map((o) => o.unit)
		};
	}
	const revision = mergeRevision(ours.revision, theirs.revision, recordRevisionContent(record));
	for (const [unit, stamp] of Object.entries(stamps)) {
		if (stamp === PENDING) stamps[unit] = revision.rev;
	}
	return { ok: true, record: { ...record, revision, fieldRevs: stamps } as LinkedRecord, outcomes };
}
