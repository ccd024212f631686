import { knownCentres } from '$lib/data/notifications';
import { readOverviewRows } from '$lib/data/overview-rows';
import {
	computeOverview,
	overviewCentres,
	type Overview,
	type OverviewCentres
} from '$lib/domain/overview';

/**
 * The start page's figures for a day (`YYYY-MM-DD`) and one centre, or all with none. The page
 * depends on this function only, so where the rows come from (today a read of the notifications,
 * next the list Worker's rows in memory) can change without it.
 */
export async function loadOverview(today: string, centre = ''): Promise<Overview> {
	return computeOverview(await readOverviewRows(centre), { today, centre });
}

/**
 * The centres the overview offers this device: its own only, or (head office, holding other
 * centres' notifications) all of them, with a choice.
 */
export async function loadOverviewCentres(ownCentre: string): Promise<OverviewCentres> {
	return overviewCentres(ownCentre, await knownCentres());
}
