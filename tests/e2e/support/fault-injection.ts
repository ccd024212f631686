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

/**
 * The quota a test that fills the disk gives its origin before the app stores anything. Chromium's
 * IndexedDB checks the space left only every 30 s, unless a write asks for more than it last saw
 * left: bounded here, a write larger than the bound makes it look again at once.
 */
const QUOTA_BOUND = 32 * 1024 * 1024;

/**
 * Bounds the origin's quota (see QUOTA_BOUND); call it before the first page of the origin opens.
 * Returns the DevTools session that later fills and restores the quota.
 */
export async function boundQuota(page: Page, origin: string): Promise<CDPSession> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA_BOUND });
	return cdp;
}

/** Tries one write of `size` characters into a database of its own; says how it ended. */
export function probeWrite(page: Page, size = 4096): Promise<string> {
	return page.evaluate(
		(size) =>
			new Promise<string>((resolve) => {
				const request = indexedDB.open('quota-probe', 1);
				request.onupgradeneeded = () => request.result.createObjectStore('probe');
				request.onerror = () => resolve(request.error?.name ?? 'error');
				request.onsuccess = () => {
					const database = request.result;
					const transaction = database.transaction('probe', 'readwrite');
					transaction.objectStore('probe').put('x'.repeat(size), Math.random());
					transaction.oncomplete = () => {
						database.close();
						resolve('written');
					};
					transaction.onabort = () => {
						database.close();
						resolve(transaction.error?.name ?? 'aborted');
					};
				};
			}),
		size
	);
}

/**
 * Fills the origin's quota (CDP `Storage.overrideQuotaForOrigin`) and waits until IndexedDB
 * really refuses a small write. After `boundQuota` a probe larger than the bound makes Chromium
 * look at the quota at once; without it, Chromium spends the space it last saw left (up to 30 s).
 */
export async function fillQuota(page: Page, cdp: CDPSession, origin: string): Promise<void> {
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	await probeWrite(page, QUOTA_BOUND + 1024 * 1024);
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
