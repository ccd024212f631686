import type { Page } from '@playwright/test';

/** The backup reminder in the app shell, and the backup line in Settings. */
export class BackupReminder {
	constructor(private readonly page: Page) {}

	readonly banner = () => this.page.getByTestId('backup-reminder');
	readonly exportLink = () =>
		this.banner().getByRole('link', { name: /^(前往导出|Go to export)$/ });
	readonly dismiss = () =>
		this.banner().getByRole('button', { name: /^(本次不再提醒|Not again this session)$/ });
	readonly settingsStatus = () => this.page.getByTestId('backup-status');

	/**
	 * Stores the time of the last export as the export does, with raw IndexedDB (the app's own
	 * modules are not reachable from a test); the app sees it after a reload.
	 */
	async setLastExportAt(at: Date): Promise<void> {
		await this.page.evaluate(
			(value) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('shouhou');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const database = open.result;
						const transaction = database.transaction('settings', 'readwrite');
						transaction.objectStore('settings').put({ key: 'lastExportAt', value });
						transaction.oncomplete = () => {
							database.close();
							resolve();
						};
						transaction.onerror = () => reject(transaction.error);
					};
				}),
			at.toISOString()
		);
	}
}
