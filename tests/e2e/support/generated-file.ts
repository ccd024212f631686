import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** The exchange fixture of format version 2: its configuration and its first notification. */
const template = JSON.parse(readFileSync('tests/fixtures/exchange/v2.json', 'utf8')) as {
	notifications: Record<string, unknown>[];
	[member: string]: unknown;
};

/** What a generated notification may differ in. */
export interface GeneratedFields {
	description: string;
	isUrgent: boolean;
	requiredEnd: string;
}

/**
 * Writes an exchange file (format version 2, sealed with its checksum as the app seals it) of
 * another device of centre 4002 (device 02) with `count` notifications, built from the fixture's
 * first record. For list tests at scale: the app reads it through its own import, as a user would.
 */
export function writeGeneratedFile(
	path: string,
	count: number,
	fields: (index: number) => GeneratedFields
): string {
	const base = template.notifications[0]!;
	const notifications = Array.from({ length: count }, (_, i) => {
		const number = `4002-02-${String(i + 1).padStart(6, '0')}`;
		const digest = createHash('sha256').update(number).digest('hex').slice(0, 32);
		return {
			...base,
			...fields(i),
			number,
			longText: [],
			history: [{ ...(base.history as Record<string, unknown>[])[0], to: number }],
			revision: { rev: `1-${digest}`, ancestry: [] },
			fieldRevs: undefined
		};
	});
	const envelope = {
		...template,
		device: '02',
		counts: { notifications: count, masterData: (template.masterData as unknown[]).length },
		notifications,
		checksum: undefined
	};
	const body = Buffer.from(JSON.stringify(envelope).slice(0, -1), 'utf8');
	const checksum = createHash('sha256').update(body).digest('hex');
	writeFileSync(path, Buffer.concat([body, Buffer.from(`,"checksum":"${checksum}"}`, 'utf8')]));
	return path;
}
