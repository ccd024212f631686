import { t, type MessageKey } from '$lib/i18n';
import { showToast } from './toast.svelte';

/** The text of any thrown value. */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}

/**
 * The one error funnel: log for developers, show the user a message in their language. A failed
 * action never looks like a success.
 */
export function handleError(error: unknown, key: MessageKey = 'error.generic'): void {
	console.error(error);
	showToast('error', t(key, { message: errorMessage(error) }));
}
