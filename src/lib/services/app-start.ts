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

let starting: Promise<StartResult> | undefined;

/**
 * Starts the app once: font, service worker and database; reads the device identity when it can.
 * The root layout's `load` calls it, so the database opens while the page's code still loads
 * (measured at 100,000 notifications: the start page's figures came about 0.25 s later when the
 * layout waited for its mount first); the layout's mount then takes the same promise.
 */
export function startApp(): Promise<StartResult> {
	starting ??= start();
	return starting;
}

async function start(): Promise<StartResult> {
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
