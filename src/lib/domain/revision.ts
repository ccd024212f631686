import { z } from './zod';

/**
 * Revision ids in the CouchDB manner: `<generation>-<random>`. Every change gives a record a new id,
 * and the record keeps the ids it descends from, newest first, so two copies can be compared
 * without clocks.
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

/** Random part of a revision id; injectable so tests are deterministic. */
export type RandomId = () => string;

/** A random 12-character base-36 id from the platform's crypto. */
export const randomId: RandomId = () => {
	const bytes = new Uint8Array(8);
	globalThis.crypto.getRandomValues(bytes);
	let value = 0n;
	for (const byte of bytes) value = (value << 8n) | BigInt(byte);
	return value.toString(36).padStart(12, '0').slice(0, 12);
};

/** The generation number of a revision id (`3-abc` → 3). */
export function generationOf(rev: string): number {
	return Number(rev.slice(0, rev.indexOf('-')));
}

/** The first revision of a new record. */
export function firstRevision(random: RandomId = randomId): Revision {
	return { rev: `1-${random()}`, ancestry: [] };
}

/** The revision after `current`: the next generation, with `current` added to the ancestry. */
export function nextRevision(current: Revision, random: RandomId = randomId): Revision {
	return {
		rev: `${generationOf(current.rev) + 1}-${random()}`,
		ancestry: [current.rev, ...current.ancestry].slice(0, MAX_ANCESTRY)
	};
}

/** How a copy from elsewhere ("theirs") stands to ours. */
export type RevisionRelation = 'same' | 'theirsNewer' | 'oursNewer' | 'conflict';

/**
 * Compares two revisions of one record by ancestry alone: the same id; theirs descends from ours
 * (take theirs); ours descends from theirs (nothing to do); or both changed since a common
 * ancestor, or share none (a conflict the user resolves).
 */
export function compareRevisions(ours: Revision, theirs: Revision): RevisionRelation {
	if (ours.rev === theirs.rev) return 'same';
	if (theirs.ancestry.includes(ours.rev)) return 'theirsNewer';
	if (ours.ancestry.includes(theirs.rev)) return 'oursNewer';
	return 'conflict';
}
