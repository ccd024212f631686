import { db } from './db';
import { deviceIdentitySchema, type DeviceIdentity } from '../domain/identity';

const IDENTITY_KEY = 'identity';

/** The device identity set at first run, or undefined before it. Validated when read back. */
export async function getIdentity(): Promise<DeviceIdentity | undefined> {
	const row = await db.settings.get(IDENTITY_KEY);
	if (!row) return undefined;
	const parsed = deviceIdentitySchema.safeParse(row.value);
	return parsed.success ? parsed.data : undefined;
}

/** Stores the device identity. It is set once: changing it would reuse another device's numbers. */
export async function setIdentity(identity: DeviceIdentity): Promise<DeviceIdentity> {
	const valid = deviceIdentitySchema.parse(identity);
	await db.transaction('rw', db.settings, async () => {
		if (await db.settings.get(IDENTITY_KEY)) throw new Error('identity already set');
		await db.settings.put({ key: IDENTITY_KEY, value: valid });
	});
	return valid;
}

/** Reads any setting. */
export async function getSetting<T>(key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

/** Writes any setting. */
export async function putSetting(key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}
