import { expect, type Page } from '@playwright/test';

/** Waits until the app's service worker is active (it has precached the whole app). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

/**
 * Waits until the service worker controls the page. The worker does not claim open pages
 * (`clientsClaim: false`, so a first visit keeps talking to the network) and a reload is what hands
 * the page to it.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
	await waitForServiceWorker(page);
	if (!(await isControlled(page))) await page.reload();
	await expect
		.poll(() => isControlled(page), { message: 'a service worker controls the page' })
		.toBe(true);
}

function isControlled(page: Page): Promise<boolean> {
	return page.evaluate(() => navigator.serviceWorker.controller !== null);
}
