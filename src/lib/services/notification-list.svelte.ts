import { liveState, type LiveState } from '$lib/data/live.svelte';
import { knownCentres } from '$lib/data/notifications';

/** The centres present on this device, live. */
export function liveCentres(): LiveState<string[]> {
	return liveState(() => knownCentres(), []);
}
