import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/actor';
import { defaultConfiguration } from '../domain/configuration';
import {
	appendLongText,
	createNotification,
	unitValue,
	type Notification
} from '../domain/notification';
import { formatNotificationNumber, parseNotificationNumber } from '../domain/numbering';
import { transition, type NotificationAction } from '../domain/status/engine';
import { makeActor, makeFields } from '../domain/test-factories';
import { canonicalJson, FORMAT_VERSION, type ValidatedFile } from './format';
import { previewImport } from './preview';
import { planImport, type Decisions, type Resolution } from './resolve';

/**
 * Three devices of centre 4002 and head office, driven by random sequences of changes, exports,
 * imports, conflict choices and a wiped device set up again with its old code (issue: "a settled
 * conflict stays settled"). Afterwards, with no further changes, rounds of exchanges settle every
 * device on identical records with identical revisions; no change is lost unless a person
 * dropped it in a conflict of that field; no number is shared and no record held twice.
 */

const CENTRE = '4002';
const DEVICES = 3;
const HEAD_OFFICE = DEVICES;
const START = Date.UTC(2001, 2, 7, 1, 0, 0);

interface Device {
	centreCode: string;
	deviceCodes: string[];
	sequence: number;
	seen: Set<string>;
	records: Map<string, Notification>;
	actor: Actor;
	/** The files saved before each wipe (a shop keeps its backups). */
	backups: ValidatedFile[];
}

/** What the world knows happened, to check that nothing was lost. */
interface Ledger {
	/** Every value set by an edit: the record's first revision, the field, the value, its revision. */
	edits: { root: string; unit: string; value: string; rev: string; ancestry: string[] }[];
	/** Every long-text entry: the record's first revision and the text. */
	texts: { root: string; text: string }[];
	/** Records that were printed. */
	printed: Set<string>;
	/** Values a person chose not to keep, by record root and field. */
	dropped: Set<string>;
}

type Op =
	| { kind: 'create'; device: number }
	| {
			kind: 'edit';
			device: number;
			pick: number;
			field: 'description' | 'requiredEnd' | 'reporter';
	  }
	| {
			kind: 'act';
			device: number;
			pick: number;
			action: 'KCJS' | 'process' | 'print' | 'text' | 'complete';
	  }
	| { kind: 'exchange'; from: number; to: number; choices: boolean[] }
	| { kind: 'wipe'; device: number }
	| { kind: 'restoreBackup'; device: number; choices: boolean[] }
	| { kind: 'crossExchange'; a: number; b: number; choices: Choices };

/**
 * How the people settle conflicts: a pattern of keep-mine / take-theirs, or `agree` (both devices
 * choose the same value: each keeps the one that sorts last, which is keep-mine on one device and
 * take-theirs on the other).
 */
type Choices = readonly boolean[] | 'agree';

const centreDevice = fc.integer({ min: 0, max: DEVICES - 1 });
const choices = fc.array(fc.boolean(), { minLength: 1, maxLength: 4 });
const crossChoices: fc.Arbitrary<Choices> = fc.oneof(choices, fc.constant('agree' as const));
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant('create' as const), device: centreDevice })
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('edit' as const),
			device: centreDevice,
			pick: fc.nat(),
			field: fc.constantFrom('description' as const, 'requiredEnd' as const, 'reporter' as const)
		})
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('act' as const),
			device: centreDevice,
			pick: fc.nat(),
			action: fc.constantFrom(
				'KCJS' as const,
				'process' as const,
				'print' as const,
				'text' as const,
				'complete' as const
			)
		})
	},
	{
		weight: 6,
		arbitrary: fc
			.record({
				kind: fc.constant('exchange' as const),
				from: centreDevice,
				to: fc.integer({ min: 0, max: DEVICES }),
				choices
			})
			.filter((op) => op.from !== op.to)
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('wipe' as const), device: centreDevice }) },
	{
		weight: 4,
		arbitrary: fc
			.record({
				kind: fc.constant('crossExchange' as const),
				a: centreDevice,
				b: centreDevice,
				choices: crossChoices
			})
			.filter((op) => op.a !== op.b)
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('restoreBackup' as const),
			device: centreDevice,
			choices
		})
	}
);

/** The device's records by each number they had before a collision moved them. */
function movedFrom(device: Device): Map<string, Notification[]> {
	const moved = new Map<string, Notification[]>();
	for (const record of device.records.values()) {
		for (const former of record.formerNumbers ?? []) {
			moved.set(former, [...(moved.get(former) ?? []), record]);
		}
	}
	return moved;
}

const rootOf = (record: Notification) => record.revision.ancestry.at(-1) ?? record.revision.rev;

function newDevice(index: number): Device {
	const isHeadOffice = index === HEAD_OFFICE;
	return {
		centreCode: isHeadOffice ? 'HQ01' : CENTRE,
		deviceCodes: [isHeadOffice ? '01' : `0${index + 1}`],
		sequence: 0,
		seen: new Set(),
		records: new Map(),
		backups: [],
		actor: makeActor('supervisor', { code: `30${index}`, name: `主管${index}` })
	};
}

/** How often each import outcome occurred over all sequences: the generator must reach them all. */
const seen: Record<string, number> = {};

class World {
	devices = Array.from({ length: DEVICES + 1 }, (_, index) => newDevice(index));
	ledger: Ledger = { edits: [], texts: [], printed: new Set(), dropped: new Set() };
	tick = 0;

	now(): Date {
		this.tick += 1;
		return new Date(START + this.tick * 60_000);
	}

	exportOf(index: number): ValidatedFile {
		const device = this.devices[index]!;
		const notifications = structuredClone([...device.records.values()]);
		return {
			name: `device-${index}-${this.tick}.json`,
			sourceVersion: 2,
			header: {
				format: 'shouhou-exchange',
				formatVersion: FORMAT_VERSION,
				appVersion: 'test',
				centre: { code: device.centreCode, name: device.centreCode },
				device: device.deviceCodes[0]!,
				exportedAt: new Date(START + this.tick * 60_000).toISOString(),
				knownDevices: [...new Set([...device.deviceCodes, ...device.seen])],
				counts: { notifications: notifications.length, masterData: 0, records: 0 }
			},
			configuration: defaultConfiguration,
			masterData: [],
			notifications,
			records: [],
			images: []
		};
	}

	/** Imports a file as the app does (preview, the person's choices, plan, one write); returns writes. */
	importInto(index: number, file: ValidatedFile, bits: Choices): number {
		return this.importWithPreview(index, file, bits).writes;
	}

	/** The same, returning the preview too. */
	importWithPreview(
		index: number,
		file: ValidatedFile,
		bits: Choices
	): { writes: number; preview: ReturnType<typeof previewImport> } {
		const device = this.devices[index]!;
		const used = [...device.seen];
		for (const number of device.records.keys()) {
			const parsed = parseNotificationNumber(number);
			if (parsed?.centreCode === device.centreCode) used.push(parsed.deviceCode);
		}
		const preview = previewImport(
			[file],
			{ notifications: device.records, masterData: new Map(), movedFrom: movedFrom(device) },
			{
				centreCode: device.centreCode,
				deviceCodes: device.deviceCodes,
				configuration: defaultConfiguration,
				usedDeviceCodes: used
			}
		);
		expect(preview.canWrite, 'a file of the app is never invalid').toBe(true);
		for (const entry of preview.notifications) seen[entry.status] = (seen[entry.status] ?? 0) + 1;
		if (preview.newDeviceCode) seen.renumbered = (seen.renumbered ?? 0) + 1;
		const byField: Record<string, Record<string, Resolution>> = {};
		let bit = 0;
		for (const entry of preview.notifications) {
			if (entry.status !== 'conflict') continue;
			const fields: Record<string, Resolution> = {};
			for (const unit of entry.conflicts ?? []) {
				const keep =
					bits === 'agree'
						? canonicalJson(unitValue(entry.ours!, unit)) >
							canonicalJson(unitValue(entry.theirs, unit))
						: (bits[bit++ % bits.length] ?? true);
				fields[unit] = keep ? 'keepMine' : 'takeTheirs';
				const lost = keep ? entry.theirs : entry.ours;
				if (lost)
					this.ledger.dropped.add(
						`${rootOf(lost)}|${unit}|${canonicalJson(unitValue(lost, unit))}`
					);
			}
			byField[entry.key] = fields;
		}
		const decisions: Decisions = { byField };
		const planned = planImport(preview, decisions, {
			actor: device.actor,
			now: this.now(),
			configuration: defaultConfiguration
		});
		if (!planned.ok) throw new Error(`plan refused: ${JSON.stringify(planned.errors)}`);
		const { plan } = planned;
		for (const write of plan.notifications) {
			const stored = device.records.get(write.record.number);
			expect(stored?.revision.rev ?? null, 'the plan expects what is stored').toBe(write.expected);
		}
		for (const removal of plan.removals) device.records.delete(removal.number);
		for (const write of plan.notifications) device.records.set(write.record.number, write.record);
		for (const code of plan.seenDeviceCodes) device.seen.add(code);
		if (plan.moveDevice) {
			device.deviceCodes = [plan.moveDevice.deviceCode, ...device.deviceCodes];
			device.sequence = plan.moveDevice.sequence;
		}
		return { writes: plan.notifications.length + plan.removals.length, preview };
	}

	/** The record a device changes: its own centre's, picked by index. */
	private pick(index: number, pick: number): Notification | undefined {
		const own = [...this.devices[index]!.records.values()].filter((r) => r.centre === CENTRE);
		return own.length > 0 ? own[pick % own.length] : undefined;
	}

	private save(index: number, record: Notification): void {
		this.devices[index]!.records.set(record.number, record);
	}

	private act(
		index: number,
		record: Notification,
		action: NotificationAction
	): Notification | undefined {
		const device = this.devices[index]!;
		const result = transition(record, action, device.actor, defaultConfiguration, this.now());
		return result.ok ? result.notification : undefined;
	}

	apply(op: Op): void {
		switch (op.kind) {
			case 'create': {
				const device = this.devices[op.device]!;
				let number: string;
				do {
					device.sequence += 1;
					number = formatNotificationNumber(CENTRE, device.deviceCodes[0]!, device.sequence);
				} while (device.records.has(number));
				const now = this.now();
				const record = createNotification(makeFields({ description: `新建${this.tick}` }), {
					number,
					centre: CENTRE,
					initialUserStatus: 'TZJL',
					actor: device.actor,
					now
				});
				this.save(op.device, record);
				return;
			}
			case 'edit': {
				const record = this.pick(op.device, op.pick);
				if (!record) return;
				const tick = this.tick + 1;
				const value =
					op.field === 'requiredEnd'
						? new Date(Date.UTC(2001, 3, 1) + tick * 86_400_000).toISOString().slice(0, 10)
						: `${op.field}${tick}`;
				const changed = this.act(op.device, record, {
					kind: 'edit',
					fields: { ...record, [op.field]: value }
				});
				if (!changed) return;
				this.ledger.edits.push({
					root: rootOf(record),
					unit: op.field,
					value,
					rev: changed.revision.rev,
					ancestry: changed.revision.ancestry
				});
				this.save(op.device, changed);
				return;
			}
			case 'act': {
				const record = this.pick(op.device, op.pick);
				if (!record) return;
				let changed: Notification | undefined;
				if (op.action === 'text') {
					if (!this.act(op.device, record, { kind: 'edit' })) return;
					const text = `文本${this.tick}`;
					changed = appendLongText(record, text, this.devices[op.device]!.actor, this.now());
					this.ledger.texts.push({ root: rootOf(record), text });
				} else if (op.action === 'print') {
					changed = this.act(op.device, record, { kind: 'markPrinted' });
					if (changed) this.ledger.printed.add(rootOf(record));
				} else if (op.action === 'KCJS') {
					changed = this.act(op.device, record, { kind: 'setUserStatus', code: 'KCJS' });
				} else if (op.action === 'process') {
					changed = this.act(op.device, record, { kind: 'putInProcess' });
				} else {
					const at = new Date(START + (this.tick + 1) * 60_000).toISOString();
					changed = this.act(op.device, record, { kind: 'complete', at });
				}
				if (changed) this.save(op.device, changed);
				return;
			}
			case 'exchange':
				this.importInto(op.to, this.exportOf(op.from), op.choices);
				return;
			case 'wipe': {
				// The shop backs the device up, then its browser data is wiped and it is set up
				// again — with its old device code, the mistake that makes numbers collide.
				const backups = [...this.devices[op.device]!.backups, this.exportOf(op.device)];
				this.devices[op.device] = { ...newDevice(op.device), backups };
				// …and someone creates a notification before the backup is imported.
				this.apply({ kind: 'create', device: op.device });
				return;
			}
			case 'crossExchange': {
				// Both devices export before either imports: each settles the same divergence.
				const [fileA, fileB] = [this.exportOf(op.a), this.exportOf(op.b)];
				const onB = this.importWithPreview(op.b, fileA, op.choices).preview;
				const onA = this.importWithPreview(op.a, fileB, op.choices).preview;
				if (op.choices !== 'agree') return;
				// Settled alike on both sides: the same content, so the same revision.
				const settled = (e: { status: string }) => e.status === 'merged' || e.status === 'conflict';
				const settledOnA = new Set(onA.notifications.filter(settled).map((e) => e.key));
				for (const entry of onB.notifications.filter(settled)) {
					if (!settledOnA.has(entry.key)) continue;
					expect(this.devices[op.a]!.records.get(entry.key)?.revision.rev, entry.key).toBe(
						this.devices[op.b]!.records.get(entry.key)?.revision.rev
					);
				}
				return;
			}
			case 'restoreBackup': {
				for (const backup of this.devices[op.device]!.backups) {
					this.importInto(op.device, backup, op.choices);
				}
				return;
			}
		}
	}

	/** A round: device 0 imports every other centre device's file, then all import device 0's. */
	round(bits: Choices): number {
		let writes = 0;
		for (let index = 1; index < DEVICES; index += 1) {
			writes += this.importInto(0, this.exportOf(index), bits);
		}
		const hub = this.exportOf(0);
		for (let index = 1; index <= DEVICES; index += 1) writes += this.importInto(index, hub, bits);
		return writes;
	}
}

/** The records of a device as comparable text, by number. */
const snapshot = (device: Device) =>
	[...device.records.values()]
		.sort((a, b) => (a.number < b.number ? -1 : 1))
		.map((record) => canonicalJson(record));

describe('exchange converges (property-based, three devices of a centre and head office)', () => {
	it(
		'identical records and revisions everywhere, no change lost, no number shared or held twice',
		{
			timeout: 300_000
		},
		() => {
			fc.assert(
				fc.property(
					fc.array(opArbitrary, { minLength: 1, maxLength: 40 }),
					fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
					(ops, finalChoices) => {
						const world = new World();
						// The devices of a centre know each other (set up from each other's files) and
						// share two notifications of the desk.
						world.apply({ kind: 'create', device: 0 });
						world.apply({ kind: 'create', device: 0 });
						world.round(finalChoices);
						for (const op of ops) world.apply(op);
						// No one changes anything more: each device imports its backups and exchanges
						// settle every device; a backup a number collision held back (its record was
						// renumbered meanwhile) is imported once more, as the preview asks.
						for (let pass = 0; pass < 2; pass += 1) {
							for (let index = 0; index < DEVICES; index += 1) {
								for (const backup of world.devices[index]!.backups) {
									world.importInto(index, backup, finalChoices);
								}
							}
							let rounds = 0;
							while (world.round(finalChoices) > 0) {
								rounds += 1;
								if (rounds > 6) throw new Error('exchanges never settle');
							}
						}

						// One more full round, every pair both ways: every record is identical.
						const files = world.devices.slice(0, DEVICES).map((_, index) => world.exportOf(index));
						for (let to = 0; to <= DEVICES; to += 1) {
							files.forEach((file, from) => {
								if (from === to) return;
								const { writes, preview } = world.importWithPreview(to, file, finalChoices);
								expect(writes).toBe(0);
								for (const entry of preview.notifications) {
									expect([entry.key, entry.status, entry.relation]).toEqual([
										entry.key,
										'unchanged',
										'same'
									]);
								}
							});
						}

						const hub = world.devices[0]!;
						const expected = snapshot(hub);
						for (const device of world.devices) expect(snapshot(device)).toEqual(expected);

						// No record under two numbers.
						const roots = [...hub.records.values()].map(rootOf);
						expect(new Set(roots).size).toBe(roots.length);

						const byRoot = new Map([...hub.records.values()].map((r) => [rootOf(r), r]));
						for (const { root, text } of world.ledger.texts) {
							expect(byRoot.get(root)?.longText.map((e) => e.text)).toContain(text);
						}
						for (const root of world.ledger.printed) expect(byRoot.get(root)?.isPrinted).toBe(true);
						// Every value set is still there, or someone changed it after seeing it, or a
						// person chose the other side in a conflict of that field.
						for (const edit of world.ledger.edits) {
							const record = byRoot.get(edit.root);
							expect(record, 'the record survives').toBeDefined();
							if (!record) continue;
							const final = unitValue(record, edit.unit);
							if (final === edit.value) continue;
							const overwritten = world.ledger.edits.some(
								(later) =>
									later.root === edit.root &&
									later.unit === edit.unit &&
									later.ancestry.includes(edit.rev)
							);
							const dropped = world.ledger.dropped.has(
								`${edit.root}|${edit.unit}|${canonicalJson(edit.value)}`
							);
							expect(overwritten || dropped, `${edit.unit}=${edit.value} lost`).toBe(true);
						}
					}
				),
				// A fixed seed keeps CI reproducible; FC_SEED=<n> explores other sequences.
				{ numRuns: 500, seed: Number(process.env.FC_SEED ?? 20261202) }
			);
			// The sequences reached every kind of outcome (typically: 180 merged, 50 conflicts, 35
			// collisions, 30 renumbered, 6 moved, 2,000 newer): lower bounds with a wide margin.
			const atLeast = {
				merged: 40,
				conflict: 10,
				collision: 8,
				renumbered: 8,
				moved: 1,
				theirsNewer: 200
			};
			for (const [outcome, count] of Object.entries(atLeast)) {
				expect(seen[outcome] ?? 0, outcome).toBeGreaterThanOrEqual(count);
			}
		}
	);
});
