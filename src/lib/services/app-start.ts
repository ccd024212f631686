import { openDatabase, type ConnectionState } from '$lib/data/connection.svelte';
import { getIdentity } from '$lib/data/settings';
import type { DeviceIdentity } from '$lib/domain/identity';
import { loadUiFont } from './font';
import { startServiceWorker } from './pwa.svelte';
import { loadConfiguration } from './configuration.svelte';
import { loadSession, watchSession } from './user.svelte';

/** What the shell needs to know before it shows any page. */
export interface StartResult {
	connection: ConnectionState;
	identity: DeviceIdentity | undefined;
}

/** Starts the app: font, service worker and database; reads the device identity when it can. */
export async function startApp(): Promise<StartResult> {
	void loadUiFont();
	void startServiceWorker();
	const connection = await openDatabase();
	const identity = connection.kind === 'open' ? await getIdentity() : undefined;
	if (connection.kind === 'open') {
		await Promise.all([loadSession(), loadConfiguration()]);
		watchSession();
	}
	return { connection, identity };
}
