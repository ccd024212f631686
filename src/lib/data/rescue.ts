import Dexie from 'dexie';
import { DB_NAME } from './db';
import { defaultConfiguration } from '../domain/configuration';
import { deviceIdentitySchema } from '../domain/identity';
import type { MasterRecord } from '../domain/master-data';
import type { Notification } from '../domain/notification';
import { parseNotificationNumber } from '../domain/numbering';
import { configurationSchema } from '../domain/status/profile';
import type { LinkedRecord } from '../domain/records/record';
import { imagesOf } from '../domain/records/record';
import { ExportWriter, type ExportFile } from '../exchange/export';
import { buildExportZip, type ExportImage } from '../exchange/zip';

/**
 * Exports the database exactly as it is stored, at whatever older version a failed upgrade left
 * it: Dexie opens it without a schema (its stored version, nothing created, nothing changed) and
 * only reads. The file is an ordinary export, so a restore or an import takes it back: with the
 * linked records (v6) and, when they refer to images, as a ZIP with the images.
 */
export async function exportStoredDatabase(
	options: { name?: string; now?: Date } = {}
): Promise<ExportFile> {
	// No version declared: Dexie opens what is stored. (It deletes a database only when the open
	// itself created it, i.e. when there was none; then there is nothing to export anyway.)
	const stored = new Dexie(options.name ?? DB_NAME, { autoOpen: false });
	await stored.open();
	try {
		const names = new Set(stored.tables.map((table) => table.name));
		const read = async <T>(name: string): Promise<T[]> =>
			names.has(name) ? ((await stored.table(name).toArray()) as T[]) : [];
		const { settings, masterData, notifications, records, images } = await stored.transaction(
			'r',
			[...names],
			async () => ({
				settings: await read<{ key: string; value: unknown }>('settings'),
				masterData: await read<MasterRecord>('masterData'),
				notifications: await read<Notification>('notifications'),
				records: await read<LinkedRecord>('records'),
				images: await read<ExportImage>('images')
			})
		);
		const setting = (key: string) => settings.find((row) => row.key === key)?.value;
		const identity = deviceIdentitySchema.parse(setting('identity'));
		const configuration = configurationSchema.safeParse(setting('configuration'));
		const seen = setting('seenDeviceCodes');
		const knownDevices = new Set([
			identity.deviceCode,
			...(identity.formerDeviceCodes ?? []),
			...(Array.isArray(seen) ? seen.map(String) : [])
		]);
		for (const { number } of notifications) {
			const parsed = parseNotificationNumber(number);
			if (parsed?.centreCode === identity.centreCode) knownDevices.add(parsed.deviceCode);
		}
		const writer = new ExportWriter(
			{
				appVersion: __APP_VERSION__,
				centre: { code: identity.centreCode, name: identity.centreName },
				device: identity.deviceCode,
				exportedAt: options.now ?? new Date(),
				counts: {
					notifications: notifications.length,
					masterData: masterData.length,
					records: records.length
				},
				knownDevices: [...knownDevices]
			},
			configuration.success ? configuration.data : defaultConfiguration
		);
		writer.addMasterData(masterData);
		writer.addNotifications(notifications);
		writer.addRecords(records);
		const json = writer.finish();
		const referred = new Set(records.flatMap((record) => imagesOf(record).map((i) => i.sha256)));
		const kept = images.filter((image) => referred.has(image.sha256));
		return kept.length === 0 ? json : await buildExportZip(json, kept);
	} finally {
		stored.close();
	}
}
