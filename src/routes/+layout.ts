import { restoreLocale } from '$lib/i18n';
import { startApp } from '$lib/services/app-start';

// Everything runs in the browser: data lives in IndexedDB, there is no server to render on.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

/**
 * The remembered language's messages are loaded before the first screen (English is lazy). The
 * app starts meanwhile (database, identity), not awaited here: the layout's mount takes the result
 * and shows a failure where the user sees it.
 */
export async function load(): Promise<void> {
	startApp().catch(() => {});
	await restoreLocale();
}
