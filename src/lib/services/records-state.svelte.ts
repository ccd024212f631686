import { liveState, type LiveState } from '$lib/data/live.svelte';
import { ratedNotifications, recordsOfKind, recordsOfNotification } from '$lib/data/records';
import type { RatedNotification } from '$lib/domain/overview';
import type { LinkedRecord, RecordKind, RecordOfKind } from '$lib/domain/records/record';

/** The linked records of one notification, live: a save elsewhere or an import shows at once. */
export function liveRecords(number: () => string): LiveState<LinkedRecord[]> {
	return liveState((current: string) => recordsOfNotification(current), [], number);
}

/** Every record of one kind, live (the follow-up list and the ratings read the evaluations). */
export function liveRecordsOfKind<K extends RecordKind>(kind: K): LiveState<RecordOfKind<K>[]> {
	return liveState(() => recordsOfKind(kind), []);
}

/** Every evaluation with its notification's responsible and centre, live (ratings, follow-ups). */
export function liveRatedNotifications(): LiveState<RatedNotification[]> {
	return liveState(() => ratedNotifications(), []);
}
