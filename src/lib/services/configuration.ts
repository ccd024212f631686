import { defaultConfiguration } from '$lib/domain/configuration';
import type { Configuration } from '$lib/domain/status/profile';

/**
 * The types and status profiles in force. Today the furniture SM01 set; the exchange carries
 * configuration, and a later step edits it in the app.
 */
export function currentConfiguration(): Configuration {
	return defaultConfiguration;
}
