import { getConnection, type ConnectionState } from '$lib/data/connection.svelte';
import { isDatabaseClosedError, isStorageFullError } from '$lib/data/errors';
import { t, type MessageKey } from '$lib/i18n';
import { showToast } from './toast.svelte';

/** The text of any thrown value. */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}

/**
 * The message for a failure of the storage itself, whatever the user was doing: a full disk, or a
 * connection another tab closed (the banner's words); undefined for any other failure. Never the
 * raw error name, which means nothing to a user.
 */
export function storageFailureKey(
	error: unknown,
	connection: ConnectionState['kind']
): MessageKey | undefined {
	if (isStorageFullError(error)) return 'error.storageFull';
	if (!isDatabaseClosedError(error)) return undefined;
	if (connection === 'deleted') return 'storage.deleted';
	if (connection === 'versionchange') return 'storage.versionChange';
	return undefined;
}

/**
 * The one error funnel: log for developers, show the user a message in their language. A failed
 * action never looks like a success.
 */
export function handleError(error: unknown, key: MessageKey = 'error.generic'): void {
	console.error(error);
	const storageKey = storageFailureKey(error, getConnection().kind);
	showToast('error', storageKey ? t(storageKey) : t(key, { message: errorMessage(error) }));
}
