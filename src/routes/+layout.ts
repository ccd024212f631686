import { restoreLocale } from '$lib/i18n';

// Everything runs in the browser: data lives in IndexedDB, there is no server to render on.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

/** The remembered language's messages are loaded before the first screen (English is lazy). */
export async function load(): Promise<void> {
	await restoreLocale();
}
