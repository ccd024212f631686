import { afterEach, beforeEach, vi } from 'vitest';
import { db } from './db';

/** The identity the data layer's tests run as: centre 4002 (上海), device 01. */
export const TEST_IDENTITY = { centreCode: '4002', centreName: '上海', deviceCode: '01' };

/** An empty database of this device (deleted, reopened, its identity set): a test's starting point. */
export async function openFreshDatabase(identity = TEST_IDENTITY): Promise<void> {
	await db.delete();
	await db.open();
	await db.settings.put({ key: 'identity', value: identity });
}

/**
 * Each test of the file starts from `openFreshDatabase()`, and afterwards its spies are restored
 * and the database closed.
 */
export function useFreshDatabase(): void {
	beforeEach(() => openFreshDatabase());
	afterEach(() => {
		vi.restoreAllMocks();
		db.close();
	});
}
