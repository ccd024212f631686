import { getStoredConfiguration } from '$lib/data/settings';
import { defaultConfiguration } from '$lib/domain/configuration';
import type { Configuration } from '$lib/domain/status/profile';

const state = $state<{ configuration: Configuration }>({ configuration: defaultConfiguration });

/**
 * The types and status profiles in force: the furniture SM01 set unless this device stores
 * another trade's configuration (SPEC §9). Screens and rules read it; no code names a status.
 */
export function currentConfiguration(): Configuration {
	return state.configuration;
}

/** Loads the stored configuration at start-up; the default stays when none is stored. */
export async function loadConfiguration(): Promise<void> {
	state.configuration = (await getStoredConfiguration()) ?? defaultConfiguration;
}
