import { getStoredConfiguration } from '$lib/data/settings';
import { defaultConfiguration } from '$lib/domain/configuration';
import type { Configuration } from '$lib/domain/status/profile';

// Raw: the configuration is replaced whole, never mutated, and must stay cloneable (Workers).
let configuration = $state.raw<Configuration>(defaultConfiguration);

/**
 * The types and status profiles in force: the furniture SM01 set unless this device stores
 * another trade's configuration (SPEC §9). Screens and rules read it; no code names a status.
 */
export function currentConfiguration(): Configuration {
	return configuration;
}

/** Loads the stored configuration at start-up; the default stays when none is stored. */
export async function loadConfiguration(): Promise<void> {
	configuration = (await getStoredConfiguration()) ?? defaultConfiguration;
}
