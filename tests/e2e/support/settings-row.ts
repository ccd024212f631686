import type { Page } from '@playwright/test';

/**
 * Writes one row of the app's `settings` table with raw IndexedDB, as another tool or an older
 * version would have left it; the app reads it on its next start.
 */
export async function writeSettingsRow(page: Page, key: string, value: unknown): Promise<void> {
	await page.evaluate(
		({ key, value }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('shouhou');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const database = open.result;
					const transaction = database.transaction('settings', 'readwrite');
					transaction.objectStore('settings').put({ key, value });
					transaction.oncomplete = () => {
						database.close();
						resolve();
					};
					transaction.onerror = () => reject(transaction.error);
				};
			}),
		{ key, value }
	);
}
