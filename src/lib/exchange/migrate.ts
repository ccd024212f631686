import type { Configuration } from '../domain/status/profile';
import { FORMAT_VERSION, isRecord } from './format';

/** A parsed envelope before strict validation: any members, any shapes. */
export type LooseEnvelope = Record<string, unknown>;

/** What a migration may need besides the file: the configuration old files did not carry. */
export interface MigrationContext {
	defaultConfiguration: Configuration;
}

/** One step: an envelope of version n in, the same data as version n + 1 out. */
type MigrationStep = (envelope: LooseEnvelope, context: MigrationContext) => LooseEnvelope;

/**
 * v0 (pre-release builds) → v1: the centre was a bare code beside `centreName`; there was no
 * appVersion, device, counts, configuration or checksum; a notification kept CouchDB's
 * `_rev` and `_revisions` where v1 has `revision: { rev, ancestry }`.
 */
function fromV0(envelope: LooseEnvelope, context: MigrationContext): LooseEnvelope {
	const { centre, centreName, ...rest } = envelope;
	const notifications = Array.isArray(rest.notifications)
		? rest.notifications.map((record) => {
				if (!isRecord(record) || !('_rev' in record)) return record;
				const { _rev, _revisions, ...fields } = record;
				return { ...fields, revision: { rev: _rev, ancestry: _revisions ?? [] } };
			})
		: rest.notifications;
	return {
		...rest,
		formatVersion: 1,
		appVersion: typeof rest.appVersion === 'string' ? rest.appVersion : '0',
		centre: isRecord(centre) ? centre : { code: centre, name: centreName },
		device: typeof rest.device === 'string' ? rest.device : '',
		counts: {
			notifications: Array.isArray(notifications) ? notifications.length : 0,
			masterData: Array.isArray(rest.masterData) ? rest.masterData.length : 0
		},
		configuration: rest.configuration ?? context.defaultConfiguration,
		notifications
	};
}

/** The steps by the version they start from; a v2 adds `1: fromV1` here and nothing else. */
const STEPS: Record<number, MigrationStep> = { 0: fromV0 };

/** The oldest version the chain can read. */
export const OLDEST_FORMAT_VERSION = 0;

/** Brings an envelope of `from` up to the current version, one step at a time. */
export function migrateEnvelope(
	envelope: LooseEnvelope,
	from: number,
	context: MigrationContext
): LooseEnvelope {
	let current = envelope;
	for (let version = from; version < FORMAT_VERSION; version += 1) {
		const step = STEPS[version];
		if (!step) throw new Error(`no migration from format version ${version}`);
		current = step(current, context);
	}
	return current;
}
