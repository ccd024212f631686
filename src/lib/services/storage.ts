/** What the browser says about this site's storage. */
export interface StorageStatus {
	isPersistent: boolean | undefined;
	usage: number | undefined;
	quota: number | undefined;
}

/** Reads persistence, usage and quota from `navigator.storage`, where the browser has it. */
export async function readStorageStatus(): Promise<StorageStatus> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	const isPersistent = storage?.persisted ? await storage.persisted() : undefined;
	const estimate = storage?.estimate ? await storage.estimate() : undefined;
	return { isPersistent, usage: estimate?.usage, quota: estimate?.quota };
}

/** Asks for persistent storage; must be called from a user action. */
export async function requestPersistence(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	return navigator.storage.persist();
}

/** A byte count for people: 1.5 MB, 230 KB. */
export function formatBytes(bytes: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
