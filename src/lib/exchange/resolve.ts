import type { Actor } from '../domain/actor';
import type { MasterRecord } from '../domain/master-data';
import { notificationSchema, type HistoryEntry, type Notification } from '../domain/notification';
import {
	MAX_ANCESTRY,
	generationOf,
	randomId,
	type RandomId,
	type Revision
} from '../domain/revision';
import type { ExchangeError } from './errors';
import { canonicalJson } from './format';
import type { ImportPreview, NotificationEntry } from './preview';

/** How the user settles a conflict: keep this device's version or take the file's. */
export type Resolution = 'keepMine' | 'takeTheirs';

/** The user's choices: one for every conflict, and/or one per notification number (which wins). */
export interface Decisions {
	all?: Resolution;
	byNumber?: Readonly<Record<string, Resolution>>;
}

/** Who resolves, and when (the new revision and the history entry are stamped with it). */
export interface ResolveContext {
	actor: Actor;
	now: Date;
	random?: RandomId;
}

/** One record to write; `expected` is what must still be stored when the write starts. */
export interface PlannedWrite<T> {
	record: T;
	file: string;
	/** Notifications: the stored revision id; master data: its canonical JSON; null: absent. */
	expected: string | null;
}

/** Everything a confirmed import writes, prepared before the write transaction opens. */
export interface ImportPlan {
	centreCode: string;
	notifications: PlannedWrite<Notification>[];
	masterData: PlannedWrite<MasterRecord>[];
}

/** Longest summary of a losing version kept in the history entry. */
export const CONFLICT_SUMMARY_LENGTH = 2000;

/** Fields a conflict summary leaves out: the logs are merged, the rest is bookkeeping. */
const UNSUMMARISED = new Set(['history', 'longText', 'revision', 'changedAt']);

/**
 * The revision of a merge: one generation past both, descending from both (CouchDB-style), so a
 * later exchange sees either side's copy as an ancestor of the merged one.
 */
export function mergedRevision(
	ours: Revision,
	theirs: Revision,
	random: RandomId = randomId
): Revision {
	const generation = Math.max(generationOf(ours.rev), generationOf(theirs.rev)) + 1;
	const ancestry = [...new Set([ours.rev, theirs.rev, ...ours.ancestry, ...theirs.ancestry])].slice(
		0,
		MAX_ANCESTRY
	);
	return { rev: `${generation}-${random()}`, ancestry };
}

/** The entries of both append-only logs, each once, in time order (winner's first on a tie). */
function unionOfLogs<T extends { at: string }>(winner: readonly T[], loser: readonly T[]): T[] {
	const seen = new Set(winner.map((entry) => canonicalJson(entry)));
	const merged = [...winner, ...loser.filter((entry) => !seen.has(canonicalJson(entry)))];
	return merged
		.map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
		.sort((a, b) => a.time - b.time || a.index - b.index)
		.map(({ entry }) => entry);
}

/** The losing version's fields that differ from the winner's, as compact JSON. */
export function conflictSummary(loser: Notification, winner: Notification): string {
	const changed: Record<string, unknown> = {};
	const keys = new Set([...Object.keys(loser), ...Object.keys(winner)]);
	for (const key of keys) {
		if (UNSUMMARISED.has(key)) continue;
		const theirs = (loser as Record<string, unknown>)[key];
		if (canonicalJson(theirs) !== canonicalJson((winner as Record<string, unknown>)[key])) {
			changed[key] = theirs ?? null;
		}
	}
	const summary = JSON.stringify(changed);
	if (summary.length <= CONFLICT_SUMMARY_LENGTH) return summary;
	return `${summary.slice(0, CONFLICT_SUMMARY_LENGTH - 1)}…`;
}

/**
 * Settles a conflict of a record this centre owns: the winner's fields, both sides' history and
 * long text (append-only logs, so nothing that happened is lost), a `conflict` history entry with
 * the losing revision id and its differing fields, and a new revision descending from both.
 */
export function resolveConflict(
	ours: Notification,
	theirs: Notification,
	resolution: Resolution,
	context: ResolveContext
): Notification {
	const [winner, loser] = resolution === 'keepMine' ? [ours, theirs] : [theirs, ours];
	const at = context.now.toISOString();
	const entry: HistoryEntry = {
		at,
		actor: context.actor,
		kind: 'conflict',
		from: loser.revision.rev,
		to: conflictSummary(loser, winner)
	};
	return notificationSchema.parse({
		...winner,
		longText: unionOfLogs(winner.longText, loser.longText),
		history: [...unionOfLogs(winner.history, loser.history), entry],
		changedAt: at,
		revision: mergedRevision(ours.revision, theirs.revision, context.random)
	});
}

function decisionFor(entry: NotificationEntry, decisions: Decisions): Resolution | undefined {
	return decisions.byNumber?.[entry.key] ?? decisions.all;
}

/** The write of one notification entry, null when nothing is to be written, or an error. */
function planNotification(
	entry: NotificationEntry,
	decisions: Decisions,
	context: ResolveContext
): PlannedWrite<Notification> | null | ExchangeError {
	const expected = entry.ours?.revision.rev ?? null;
	const take = { record: entry.theirs, file: entry.file, expected };
	if (entry.status === 'new' || entry.status === 'theirsNewer') return take;
	if (entry.status !== 'conflict' || !entry.ours) return null;
	const resolution = decisionFor(entry, decisions);
	if (!resolution) {
		const record = { kind: 'notification' as const, key: entry.key };
		return { file: entry.file, record, code: 'unresolvedConflict', params: {} };
	}
	// Another centre's record is never given a revision here: its owner merges; we store a side.
	if (entry.isForeign) return resolution === 'takeTheirs' ? take : null;
	return { ...take, record: resolveConflict(entry.ours, entry.theirs, resolution, context) };
}

/**
 * Turns a preview and the user's decisions into the exact records to write, before any
 * transaction: conflicts resolved, merged records validated. Refuses while any record is
 * invalid or any conflict undecided.
 */
export function planImport(
	preview: ImportPreview,
	decisions: Decisions,
	context: ResolveContext
): { ok: true; plan: ImportPlan } | { ok: false; errors: ExchangeError[] } {
	const errors = preview.notifications.flatMap((entry) => entry.errors);
	const notifications: PlannedWrite<Notification>[] = [];
	for (const entry of preview.notifications) {
		if (entry.status === 'invalid') continue;
		const planned = planNotification(entry, decisions, context);
		if (planned && 'code' in planned) errors.push(planned);
		else if (planned) notifications.push(planned);
	}
	if (errors.length > 0) return { ok: false, errors };
	const masterData = preview.masterData
		.filter((entry) => entry.status === 'new' || entry.status === 'replace')
		.map((entry) => ({
			record: entry.theirs,
			file: entry.file,
			expected: entry.ours ? canonicalJson(entry.ours) : null
		}));
	return { ok: true, plan: { centreCode: preview.centreCode, notifications, masterData } };
}
