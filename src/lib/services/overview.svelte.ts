import { knownCentres } from '$lib/data/notifications';
import { LIST_CHANNEL } from '$lib/data/projection';
import { overviewCentres, type Overview, type OverviewCentres } from '$lib/domain/overview';
import { listClient } from './list.svelte';

/**
 * The start page's figures for a day (`YYYY-MM-DD`) and one centre, or all with none: from the
 * stored tally when it is current (one small read, kept in step by every write), else counted by
 * the list Worker from the list rows it holds in memory (`computeOverview`, once they are loaded);
 * never from whole documents. The page depends on this function only.
 */
export async function loadOverview(today: string, centre = ''): Promise<Overview> {
	// Loaded on first use: the tally's reading is not part of the app's first JavaScript. The
	// list Worker is started only without a current tally (it counts one then): a start that reads
	// 100,000 rows beside the start page would only slow it down.
	const { readOverviewFromTally } = await import('$lib/data/list-rows');
	return (await readOverviewFromTally({ today, centre })) ?? listClient().overview(today, centre);
}

const changes = $state({ count: 0 });
let channel: BroadcastChannel | undefined;

/**
 * Goes up each time stored notifications or master data change (this tab, another tab, an
 * import, the list Worker): count again. Heard on the list channel the data layer announces every
 * committed change on, so the start page needs no Worker for it.
 */
export function overviewChanges(): number {
	if (!channel && typeof BroadcastChannel !== 'undefined') {
		channel = new BroadcastChannel(LIST_CHANNEL);
		channel.onmessage = () => (changes.count += 1);
	}
	return changes.count;
}

/**
 * The centres the overview offers this device: its own only, or (head office, holding other
 * centres' notifications) all of them, with a choice.
 */
export async function loadOverviewCentres(ownCentre: string): Promise<OverviewCentres> {
	// The tally's reader is fetched meanwhile: `loadOverview` comes next.
	void import('$lib/data/list-rows').catch(() => {});
	return overviewCentres(ownCentre, await knownCentres());
}
