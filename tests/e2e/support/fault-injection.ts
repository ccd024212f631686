import type { CDPSession, Page } from '@playwright/test';

/** The app's database name (src/lib/data/db.ts). */
export const DB_NAME = 'shouhou';

/** The stores that hold what the user keeps (drafts come and go while a form is typed in). */
export const KEPT_STORES = ['listRows', 'masterData', 'notifications', 'settings'];

/**
 * The stores of the app's database (all, or those named) as JSON, read with plain IndexedDB (no
 * app code, no upgrade: it opens the stored version), or null when there is no database.
 */
export function dumpDatabase(page: Page, only?: readonly string[]): Promise<string | null> {
	return page.evaluate(
		async ({ name, only }) => {
			const infos = await indexedDB.databases();
			if (!infos.some((info) => info.name === name)) return null;
			const database = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const stores = [...database.objectStoreNames]
				.filter((store) => !only || only.includes(store))
				.sort();
			const dump: Record<string, unknown> = { version: database.version };
			for (const store of stores) {
				dump[store] = await new Promise((resolve, reject) => {
					const request = database.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
			}
			database.close();
			return JSON.stringify(dump);
		},
		{ name: DB_NAME, only }
	);
}

/** Tries one small write into a database of its own; says how it ended (the error's name). */
export function probeWrite(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const request = indexedDB.open('quota-probe', 1);
				request.onupgradeneeded = () => request.result.createObjectStore('probe');
				request.onerror = () => resolve(request.error?.name ?? 'error');
				request.onsuccess = () => {
					const database = request.result;
					const transaction = database.transaction('probe', 'readwrite');
					transaction.objectStore('probe').put('x'.repeat(4096), Math.random());
					transaction.oncomplete = () => {
						database.close();
						resolve('written');
					};
					transaction.onabort = () => {
						database.close();
						resolve(transaction.error?.name ?? 'aborted');
					};
				};
			})
	);
}

/**
 * Fills the origin's quota (CDP `Storage.overrideQuotaForOrigin`) and waits until IndexedDB
 * really refuses a write: Chromium first lets space it already granted run down (up to ~30 s).
 */
export async function fillQuota(page: Page, cdp: CDPSession, origin: string): Promise<void> {
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	for (let waited = 0; waited < 90_000; waited += 2_000) {
		if ((await probeWrite(page)) === 'QuotaExceededError') return;
		await page.waitForTimeout(2_000);
	}
	throw new Error('the quota override never made IndexedDB refuse a write');
}

/** Gives the origin its quota back at once. */
export async function restoreQuota(cdp: CDPSession, origin: string): Promise<void> {
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
}
