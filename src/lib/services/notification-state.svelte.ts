import { liveState, type LiveState } from '$lib/data/live.svelte';
import { getNotification } from '$lib/data/notifications';
import type { Notification } from '$lib/domain/notification';

/** One notification, live: a change in another tab or by an import shows at once. */
export function liveNotification(number: () => string): LiveState<Notification | undefined> {
	return liveState((current: string) => getNotification(current), undefined, number);
}
