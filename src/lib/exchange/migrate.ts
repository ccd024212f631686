import { withAddressLists } from '../domain/master-data';
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

/**
 * v1 → v2: the records are the same; v2 adds what v1 did not keep (`fieldRevs`, `formerNumbers`,
 * history kinds beyond v1's) and derives new revision ids from content. A v1 record has no change
 * stamps, so a field it changed counts as unchanged since creation in a merge
 * (docs/exchange-format.md, "Version 2"). The version moved so that a v1 app refuses v2 files: it
 * would change records without stamping them, and a later merge would take the wrong side.
 */
function fromV1(envelope: LooseEnvelope): LooseEnvelope {
	return { ...envelope, formatVersion: 2 };
}

/**
 * v2 → v3: a master record had one `email`; v3 has address lists `emailTo` and `emailCc`
 * (departments write to several addresses). The one address becomes the `to` list. The version
 * moved so that a v2 app refuses v3 files: it would find a department without `email` invalid.
 */
function fromV2(envelope: LooseEnvelope): LooseEnvelope {
	const masterData = Array.isArray(envelope.masterData)
		? envelope.masterData.map(withAddressLists)
		: envelope.masterData;
	return { ...envelope, formatVersion: 3, masterData };
}

/**
 * v3 → v4: v4 carries the linked records (parts, quote, service form, complaint, invoice,
 * evaluation) in `records`, counted in `counts.records`; a v3 file has none. The version moved so
 * that a v3 app refuses v4 files: it would drop the records and their images unseen.
 */
function fromV3(envelope: LooseEnvelope): LooseEnvelope {
	const counts = isRecord(envelope.counts) ? envelope.counts : {};
	return { ...envelope, formatVersion: 4, counts: { ...counts, records: 0 }, records: [] };
}

/** The steps by the version they start from; a v5 adds `4: fromV4` here and nothing else. */
const STEPS: Record<number, MigrationStep> = { 0: fromV0, 1: fromV1, 2: fromV2, 3: fromV3 };

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
