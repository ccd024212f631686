import { db } from './db';
import { deviceIdentitySchema, type DeviceIdentity } from '../domain/identity';
import { configurationSchema, type Configuration } from '../domain/status/profile';
import {
	EMPTY_MAIL_SETTINGS,
	mailSettingsSchema,
	type MailSettings
} from '../domain/mail/settings';

/** The settings row of the device identity. */
export const IDENTITY_KEY = 'identity';

/** The settings row of this device's last notification sequence number. */
export const SEQUENCE_KEY = 'notificationSequence';

/** Device codes of this centre seen in imported files (a new code after a collision avoids them). */
export const SEEN_DEVICE_CODES_KEY = 'seenDeviceCodes';

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

const CONFIGURATION_KEY = 'configuration';

/** The configuration (types, status profiles) stored on this device, if any and valid. */
export async function getStoredConfiguration(): Promise<Configuration | undefined> {
	const parsed = configurationSchema.safeParse((await db.settings.get(CONFIGURATION_KEY))?.value);
	return parsed.success ? parsed.data : undefined;
}

/** Stores a configuration (another trade's types and profiles), validated first. */
export async function setStoredConfiguration(configuration: Configuration): Promise<Configuration> {
	const valid = configurationSchema.parse(configuration);
	await db.settings.put({ key: CONFIGURATION_KEY, value: valid });
	return valid;
}

/** The setting the export writes after each successful export (an ISO date-time). */
export const LAST_EXPORT_KEY = 'lastExportAt';

/** What the backup reminder needs to know. */
export interface BackupFacts {
	/** When the last export was made (ISO), undefined if never. */
	lastExportAt: string | undefined;
	/** Whether there is data worth a backup: a notification, or master data that is not a sample. */
	hasData: boolean;
}

/** Reads the backup facts; run inside a live query it follows exports and new data. */
export async function getBackupFacts(): Promise<BackupFacts> {
	const [row, notificationKeys, ownRecord] = await Promise.all([
		db.settings.get(LAST_EXPORT_KEY),
		db.notifications.limit(1).primaryKeys(),
		db.masterData.filter((record) => !record.isSample).first()
	]);
	return {
		lastExportAt: typeof row?.value === 'string' ? row.value : undefined,
		hasData: notificationKeys.length > 0 || ownRecord !== undefined
	};
}

/** The settings row of the centre's mail settings (sender, regional logistics department). */
export const MAIL_SETTINGS_KEY = 'mail';

/** The mail settings; empty ones until the centre enters them, or when the stored row is unreadable. */
export async function getMailSettings(): Promise<MailSettings> {
	const parsed = mailSettingsSchema.safeParse((await db.settings.get(MAIL_SETTINGS_KEY))?.value);
	return parsed.success ? parsed.data : { ...EMPTY_MAIL_SETTINGS };
}

/** Validates and stores the mail settings. */
export async function setMailSettings(settings: MailSettings): Promise<MailSettings> {
	const valid = mailSettingsSchema.parse(settings);
	await db.settings.put({ key: MAIL_SETTINGS_KEY, value: valid });
	return valid;
}
