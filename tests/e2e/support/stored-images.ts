import type { Page } from '@playwright/test';
import { DB_NAME } from './fault-injection';

/**
 * The images the app keeps (the `images` store), each with the SHA-256 of its stored bytes computed
 * here and the hash it is stored under, read with plain IndexedDB (no app code).
 */
export function storedImages(
	page: Page
): Promise<{ key: string; computed: string; type: string; bytes: number }[]> {
	return page.evaluate(async (name) => {
		const database = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const rows = await new Promise<{ sha256: string; blob: Blob; type: string }[]>(
			(resolve, reject) => {
				const request = database.transaction('images').objectStore('images').getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			}
		);
		database.close();
		const hex = (buffer: ArrayBuffer) =>
			[...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
		const result = [];
		for (const row of rows) {
			const bytes = await row.blob.arrayBuffer();
			result.push({
				key: row.sha256,
				computed: hex(await crypto.subtle.digest('SHA-256', bytes)),
				type: row.type,
				bytes: bytes.byteLength
			});
		}
		return result.sort((a, b) => a.key.localeCompare(b.key));
	}, DB_NAME);
}

/** The linked records the app keeps (the `records` store), read with plain IndexedDB. */
export function storedRecords(page: Page): Promise<Record<string, unknown>[]> {
	return page.evaluate(async (name) => {
		const database = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
			const request = database.transaction('records').objectStore('records').getAll();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		database.close();
		return rows;
	}, DB_NAME);
}
