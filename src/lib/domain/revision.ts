import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical';
import { z } from './zod';

/**
 * Revision ids in the CouchDB manner: `<generation>-<hash>`. The hash is derived from the parent
 * revision(s) and the record's content (docs/exchange-format.md, "Revisions"), never drawn at
 * random: two devices that reach the same content from the same parents reach the same id. Every
 * record keeps the ids it descends from, newest first, so two copies are compared without clocks.
 * Ids of format version 1 (random base-36) stay valid: the pattern admits both.
 */
export const revisionIdSchema = z.string().regex(/^\d+-[0-9a-z]+$/, { error: 'invalid' });

/** How many ancestor ids a record keeps (CouchDB's revs_limit). */
export const MAX_ANCESTRY = 1000;

export const revisionSchema = z.looseObject({
	/** This revision's id. */
	rev: revisionIdSchema,
	/** The ids this revision descends from, newest first (without `rev` itself). */
	ancestry: z.array(revisionIdSchema).max(MAX_ANCESTRY)
});
export type Revision = z.infer<typeof revisionSchema>;

/** Hex characters of SHA-256 kept in an id: 128 bits, as CouchDB's MD5. */
const HASH_LENGTH = 32;

/** The generation number of a revision id (`3-abc` → 3). */
export function generationOf(rev: string): number {
	return Number(rev.slice(0, rev.indexOf('-')));
}

/**
 * The hash part of a revision id: SHA-256 over the UTF-8 bytes of the canonical JSON of
 * `{"content":…,"parents":[…]}`, parents sorted, so the order two devices meet them in is irrelevant.
 */
export function revisionHash(parents: readonly string[], content: unknown): string {
	const input = canonicalJson({ content, parents: [...parents].sort() });
	return bytesToHex(sha256(utf8ToBytes(input))).slice(0, HASH_LENGTH);
}

/** Newest first: by generation, then by id, so two devices list one ancestry in one order. */
function byGenerationDescending(a: string, b: string): number {
	return generationOf(b) - generationOf(a) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The first revision of a record with this content. */
export function firstRevision(content: unknown): Revision {
	return { rev: `1-${revisionHash([], content)}`, ancestry: [] };
}

/** The revision after `current` for this content: the next generation, `current` added to the ancestry. */
export function nextRevision(current: Revision, content: unknown): Revision {
	return {
		rev: `${generationOf(current.rev) + 1}-${revisionHash([current.rev], content)}`,
		ancestry: [current.rev, ...current.ancestry].slice(0, MAX_ANCESTRY)
	};
}

/**
 * The revision of a merge: one generation past both, its id hashed from both parents and the
 * merged content, descending from both (CouchDB-style), so a later exchange sees either side's copy
 * as an ancestor of the merged one — and two devices merging the same pair to the same content
 * make the same revision.
 */
export function mergeRevision(a: Revision, b: Revision, content: unknown): Revision {
	const generation = Math.max(generationOf(a.rev), generationOf(b.rev)) + 1;
	const ancestry = [...new Set([a.rev, b.rev, ...a.ancestry, ...b.ancestry])]
		.sort(byGenerationDescending)
		.slice(0, MAX_ANCESTRY);
	return { rev: `${generation}-${revisionHash([a.rev, b.rev], content)}`, ancestry };
}

/** Whether `rev` is this revision or one it descends from. */
export function isKnownTo(revision: Revision, rev: string): boolean {
	return revision.rev === rev || revision.ancestry.includes(rev);
}

/** Whether two revisions of one number share any ancestor (or are the same): one record, not two. */
export function shareAncestry(a: Revision, b: Revision): boolean {
	const known = new Set([a.rev, ...a.ancestry]);
	return known.has(b.rev) || b.ancestry.some((rev) => known.has(rev));
}

/** How a copy from elsewhere ("theirs") stands to ours. */
export type RevisionRelation = 'same' | 'theirsNewer' | 'oursNewer' | 'conflict';

/**
 * Compares two revisions of one record by ancestry alone: the same id; theirs descends from ours
 * (take theirs); ours descends from theirs (nothing to do); or both changed since a common
 * ancestor, or share none (merged field by field, or a number collision: see `exchange/preview`).
 */
export function compareRevisions(ours: Revision, theirs: Revision): RevisionRelation {
	if (ours.rev === theirs.rev) return 'same';
	if (theirs.ancestry.includes(ours.rev)) return 'theirsNewer';
	if (ours.ancestry.includes(theirs.rev)) return 'oursNewer';
	return 'conflict';
}
