import { liveState, type LiveState } from '$lib/data/live.svelte';
import {
	knownCentres,
	selectNotifications,
	type NotificationSelection
} from '$lib/data/notifications';
import type { Notification } from '$lib/domain/notification';

/** The notifications of a selection, live. */
export function liveSelection(selection: () => NotificationSelection): LiveState<Notification[]> {
	return liveState((current: NotificationSelection) => selectNotifications(current), [], selection);
}

/** The centres present on this device, live. */
export function liveCentres(): LiveState<string[]> {
	return liveState(() => knownCentres(), []);
}
