import { readOverviewFromTally } from '$lib/data/list-rows';
import { knownCentres } from '$lib/data/notifications';
import { overviewCentres, type Overview, type OverviewCentres } from '$lib/domain/overview';
import { listClient } from './list.svelte';

/**
 * The start page's figures for a day (`YYYY-MM-DD`) and one centre, or all with none: from the
 * stored tally when it is current (one small read, kept in step by every write), else counted by
 * the list Worker from the list rows it holds in memory (`computeOverview`, once they are loaded);
 * never from whole documents. The page depends on this function only.
 */
export async function loadOverview(today: string, centre = ''): Promise<Overview> {
	const client = listClient();
	// Started either way: it tells the page of changes, and counts the tally when there is none.
	client.warmUp();
	return (await readOverviewFromTally({ today, centre })) ?? client.overview(today, centre);
}

/** Goes up each time the stored rows change (this tab, another tab, an import): count again. */
export function overviewChanges(): number {
	return listClient().changes;
}

/**
 * The centres the overview offers this device: its own only, or (head office, holding other
 * centres' notifications) all of them, with a choice.
 */
export async function loadOverviewCentres(ownCentre: string): Promise<OverviewCentres> {
	return overviewCentres(ownCentre, await knownCentres());
}
