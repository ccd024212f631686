import type { Actor } from '../domain/actor';
import type { Notification } from '../domain/notification';

/** The key of an actor with exactly its three members; undefined for one with more (kept apart). */
function actorKey(actor: Actor): string | undefined {
	let members = 0;
	for (const _member in actor) members += 1;
	return members === 3 ? `${actor.code}\u0000${actor.name}\u0000${actor.role}` : undefined;
}

/**
 * Makes equal actors within these records one object: the creator, every history entry's actor
 * and every long-text author. A file of 100,000 notifications names a few hundred people in some
 * 800,000 places; the structured clone that carries a part from the read Worker to the page keeps
 * shared objects shared, so the page holds each person once per part instead of once per entry
 * (a quarter of the records' heap). The records are the validator's fresh copies, and nothing in
 * the app changes an actor in place (every change makes a new record), so sharing is safe.
 */
export function shareActors(records: Notification[]): void {
	const actors = new Map<string, Actor>();
	const shared = (actor: Actor): Actor => {
		const key = actorKey(actor);
		if (key === undefined) return actor;
		const known = actors.get(key);
		if (known) return known;
		actors.set(key, actor);
		return actor;
	};
	for (const record of records) {
		record.createdBy = shared(record.createdBy);
		for (const entry of record.history) entry.actor = shared(entry.actor);
		for (const entry of record.longText) entry.author = shared(entry.author);
	}
}
