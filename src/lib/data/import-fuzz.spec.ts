import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import { previewFiles, writeImport } from './exchange';
import { defaultConfiguration } from '../domain/configuration';
import { makeActor } from '../domain/test-factories';
import {
	EXCHANGE_ERROR_CODES,
	describeExchangeError,
	type ExchangeError,
	type ExchangeErrorCode
} from '../exchange/errors';
import { CHECKSUM_MEMBER, FORMAT_VERSION } from '../exchange/format';
import { sha256Hex } from '../exchange/guards';
import type { ReadResult, WorkerReply, WorkerRequest } from '../exchange/import';
import { planImport } from '../exchange/resolve';
import { format, type MessageKey, type MessageParams } from '../i18n/catalogue';
import { zhCN } from '../i18n/zh-CN';

/**
 * Issue 14.7: a seeded generator mutates a valid export file (drop, duplicate, retype, truncate,
 * flip bytes, deepen, enlarge, forbidden keys and values), with and without a recomputed checksum,
 * and every case goes through the parse Worker's own module, as a file the user picks does. Each
 * case is refused with its reasons in words or imported whole; never an uncaught error, never a
 * partial write. `FUZZ_SEED=<n> FUZZ_CASES=<n>` explores other cases.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
/** The fixture of the current format version: the mutations start from what this app writes. */
const BASE_FILE = `tests/fixtures/exchange/v${FORMAT_VERSION}.json`;
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
const KEY_VALUED = ['field', 'kind', 'code', 'type', 'userStatus', 'systemStatus', 'route'];

/** Codes of a file as a whole: they never name a record. */
const FILE_CODES: ReadonlySet<ExchangeErrorCode> = new Set<ExchangeErrorCode>([
	'tooLarge',
	'empty',
	'readFailed',
	'notUtf8',
	'checksumMissing',
	'truncated',
	'checksumMismatch',
	'invalidJson',
	'invalidJsonAt',
	'tooDeep',
	'notAnObject',
	'wrongFormat',
	'unknownVersion',
	'newerVersion'
]);

/** Codes only a record can have: they always name the record and the field. */
const RECORD_CODES: ReadonlySet<ExchangeErrorCode> = new Set<ExchangeErrorCode>([
	'unknownType',
	'unknownUserStatus',
	'duplicateRecord',
	'numberCentreMismatch'
]);

const translate = (key: string, params?: MessageParams) => format(zhCN, key as MessageKey, params);

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
function randomSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) =>
	low + Math.floor(random() * (high - low + 1));

type Path = (string | number)[];
type Container = Record<string | number, unknown>;

/** Every path in a value, containers and leaves, root excluded. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
	if (value === null || typeof value !== 'object') return out;
	for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
		const path = [...prefix, key];
		out.push(path);
		pathsOf((value as Container)[key], path, out);
	}
	return out;
}

/** A path, most often inside the records (where the schemas are), sometimes anywhere. */
function choosePath(random: Random, root: unknown): Path | undefined {
	const all = pathsOf(root).filter((path) => path[0] !== 'checksum');
	const inRecords = all.filter((path) => path[0] === 'notifications' || path[0] === 'masterData');
	const pool = random() < 0.75 && inRecords.length > 0 ? inRecords : all;
	return pool.length > 0 ? pick(random, pool) : undefined;
}

function parentOf(root: unknown, path: Path): Container | undefined {
	let node = root;
	for (const key of path.slice(0, -1)) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Container)[key];
	}
	return node !== null && typeof node === 'object' ? (node as Container) : undefined;
}

/** A value of another kind than most members have. */
function otherValue(random: Random, current: unknown): unknown {
	const values: unknown[] = [
		null,
		0,
		-1,
		1.5,
		1e308,
		true,
		'',
		' ',
		'x',
		'2001-02-30',
		'9999-99-99T99:99:99Z',
		'<script>alert(1)</script>',
		'\u202e\u0000\ud800',
		[],
		{},
		[current],
		{ value: current },
		String(current),
		typeof current === 'number' ? String(current) : Number(current)
	];
	return pick(random, values);
}

/** Sets a member so that JSON.stringify writes it, even `__proto__` (an own property then). */
function setOwn(target: Container, key: string | number, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true
	});
}

/** One structural mutation of the parsed file; returns its name for the report. */
function mutateTree(random: Random, root: Container): string {
	const path = choosePath(random, root);
	if (!path) return 'none';
	const parent = parentOf(root, path);
	const key = path[path.length - 1]!;
	if (!parent) return 'none';
	const current = parent[key];
	const operation = pick(random, [
		'drop',
		'duplicate',
		'retype',
		'deepen',
		'enlarge',
		'forbidden'
	] as const);
	switch (operation) {
		case 'drop':
			if (Array.isArray(parent)) parent.splice(Number(key), 1);
			else delete parent[key];
			break;
		case 'duplicate': {
			const list = Array.isArray(current) ? current : Array.isArray(parent) ? parent : undefined;
			if (list && list.length > 0) list.push(structuredClone(pick(random, list)));
			else if (!Array.isArray(parent)) setOwn(parent, `${String(key)}Copy`, current);
			break;
		}
		case 'retype':
			setOwn(parent, key, otherValue(random, current));
			break;
		case 'deepen': {
			let deep: unknown = current;
			for (let level = between(random, 1, 80); level > 0; level -= 1) {
				deep = random() < 0.5 ? [deep] : { nested: deep };
			}
			setOwn(parent, key, deep);
			break;
		}
		case 'enlarge':
			if (Array.isArray(current) && current.length > 0) {
				const copies = between(random, 2, 300);
				for (let i = 0; i < copies; i += 1) current.push(structuredClone(current[0]));
			} else {
				const unit = pick(random, ['长', 'a', '𠀀', '\u0301', '\u200b']);
				const length = pick(random, [41, 4001, 100_001, between(random, 1, 2000)]);
				setOwn(parent, key, unit.repeat(length));
			}
			break;
		case 'forbidden':
			if (random() < 0.5 && !Array.isArray(parent)) {
				setOwn(parent, pick(random, FORBIDDEN), current ?? {});
			} else {
				const target = parentOf(root, path);
				const member = pick(random, KEY_VALUED);
				if (target && !Array.isArray(target)) setOwn(target, member, pick(random, FORBIDDEN));
				else setOwn(parent, key, pick(random, FORBIDDEN));
			}
			break;
	}
	return `${operation}@${path.join('.')}`;
}

/** One mutation of the bytes themselves. */
function mutateBytes(
	random: Random,
	bytes: Uint8Array<ArrayBuffer>
): { bytes: Uint8Array<ArrayBuffer>; name: string } {
	if (random() < 0.5) {
		const at = between(random, 0, bytes.length - 1);
		return { bytes: bytes.slice(0, at), name: `truncate@${at}` };
	}
	const copy = bytes.slice();
	const flips = between(random, 1, 4);
	for (let i = 0; i < flips; i += 1) {
		const at = between(random, 0, copy.length - 1);
		copy[at] = copy[at]! ^ between(random, 1, 255);
	}
	return { bytes: copy, name: `flip×${flips}` };
}

const encoder = new TextEncoder();

/** The file's body (everything its checksum covers) followed by a checksum computed over it. */
function sealBody(body: Uint8Array): Uint8Array {
	const tail = encoder.encode(`${CHECKSUM_MEMBER}${sha256Hex([body])}"}`);
	const bytes = new Uint8Array(body.length + tail.length);
	bytes.set(body);
	bytes.set(tail, body.length);
	return bytes;
}

/** The body of a JSON object text: the object without its closing brace. */
const bodyOf = (json: string) => encoder.encode(json.slice(0, json.lastIndexOf('}')));

interface FuzzCase {
	name: string;
	bytes: Uint8Array;
	isResealed: boolean;
	mutations: string[];
}

/** Case `index` of the run: 1–3 mutations of the base file, resealed in 11 of every 20. */
function makeCase(base: Container, index: number): FuzzCase {
	const random = randomSource(SEED + index * 7919);
	const isResealed = index % 20 < 11;
	const tree = structuredClone(base);
	const { checksum } = tree;
	delete tree.checksum;
	const mutations: string[] = [];
	const treeSteps = random() < 0.8 ? between(random, 1, 3) : 0;
	for (let step = 0; step < treeSteps; step += 1) mutations.push(mutateTree(random, tree));
	const json = JSON.stringify(tree);
	let body = bodyOf(json);
	if (treeSteps === 0 || random() < 0.2) {
		const mutated = mutateBytes(random, body);
		body = mutated.bytes;
		mutations.push(mutated.name);
	}
	const bytes = isResealed
		? sealBody(body)
		: new Uint8Array([...body, ...encoder.encode(`${CHECKSUM_MEMBER}${String(checksum)}"}`)]);
	return { name: `fuzz-${SEED}-${index}.json`, bytes, isResealed, mutations };
}

/** The parse Worker's module, loaded with a stand-in for the Worker's global scope. */
async function loadParseWorker(): Promise<(request: WorkerRequest) => Promise<WorkerReply[]>> {
	const scope: {
		onmessage?: (event: { data: WorkerRequest }) => Promise<void> | void;
		replies: WorkerReply[];
	} = { replies: [] };
	vi.stubGlobal('self', {
		set onmessage(handler: (event: { data: WorkerRequest }) => Promise<void> | void) {
			scope.onmessage = handler;
		},
		postMessage: (reply: WorkerReply) => scope.replies.push(reply)
	});
	// The module posts through `self` whenever it runs, so the stand-in stays for the whole run.
	await import('../exchange/parse.worker');
	return async (request) => {
		scope.replies = [];
		await scope.onmessage!({ data: request });
		return scope.replies;
	};
}

/** What the UI would show for each error, with what it must say. */
function checkRefusal(fuzz: FuzzCase, errors: readonly ExchangeError[]): string[] {
	const problems: string[] = [];
	if (errors.length === 0) problems.push('refused without a reason');
	for (const error of errors) {
		const line = describeExchangeError(error, translate);
		const say = (problem: string) =>
			problems.push(`${problem}: ${JSON.stringify(error)} → ${line}`);
		if (!(EXCHANGE_ERROR_CODES as readonly string[]).includes(error.code)) say('unknown code');
		if (error.code === 'readFailed') say('an internal error surfaced as readFailed');
		if (error.file !== fuzz.name || !line.includes(fuzz.name)) say('does not name the file');
		if (/\{\w+\}|undefined|\[object|NaN/.test(line)) say('message not filled in');
		if (line.includes(`exchange.error.${error.code}`)) say('no message for the code');
		if (FILE_CODES.has(error.code) && error.record) say('a file-level refusal names a record');
		if (RECORD_CODES.has(error.code) && !error.record)
			say('a record-level refusal names no record');
		if (error.record) {
			if (!line.includes(error.record.key)) say('does not name the record');
			// A record that is not an object (or is itself the over-long text) has no field to name.
			const isWholeRecord = error.code === 'notARecord' || error.code === 'stringTooLong';
			if (!error.field && !isWholeRecord) say('names the record but not the field');
		}
	}
	return problems;
}

/** Everything stored, as text, to compare before and after a write. */
async function snapshot(): Promise<string> {
	const [notifications, listRows, masterData, settings] = await Promise.all([
		db.notifications.orderBy('number').toArray(),
		db.listRows.orderBy('number').toArray(),
		db.masterData.toArray(),
		db.settings.orderBy('key').toArray()
	]);
	return JSON.stringify({ notifications, listRows, masterData, settings });
}

describe('issue 14.7: import fuzzing through the parse Worker', () => {
	let parse: (request: WorkerRequest) => Promise<WorkerReply[]>;
	const base = JSON.parse(readFileSync(BASE_FILE, 'utf8')) as Container;

	beforeAll(async () => {
		parse = await loadParseWorker();
		await db.delete();
		await db.open();
		await db.settings.put({
			key: 'identity',
			value: { centreCode: '0001', centreName: '总部', deviceCode: '01' }
		});
	});
	afterAll(() => {
		vi.unstubAllGlobals();
		db.close();
	});

	it('the unmutated base file is read and imported, so the mutations start from a good file', async () => {
		const bytes = new Uint8Array(readFileSync(BASE_FILE));
		const replies = await parse({
			type: 'read',
			source: new Blob([bytes]),
			name: BASE_FILE,
			configuration: defaultConfiguration
		});
		const result = replies.at(-1);
		expect(result?.type === 'result' && result.result.ok).toBe(true);
	});

	it(`${CASES} seeded cases: refused with reasons naming file, record and field, or imported whole`, async () => {
		const problems: string[] = [];
		const tally = { resealed: 0, refused: 0, imported: 0, recordLevel: 0 };
		const codes = new Map<string, number>();
		const actor = makeActor('assistant');
		for (let index = 0; index < CASES; index += 1) {
			const fuzz = makeCase(base, index);
			if (fuzz.isResealed) tally.resealed += 1;
			const report = (problem: string) =>
				problems.push(`case ${index} (${fuzz.mutations.join(', ')}): ${problem}`);
			let replies: WorkerReply[];
			try {
				replies = await parse({
					type: 'read',
					source: new Blob([fuzz.bytes as Uint8Array<ArrayBuffer>]),
					name: fuzz.name,
					configuration: defaultConfiguration
				});
			} catch (error) {
				report(`uncaught ${String(error)}`);
				continue;
			}
			const results = replies.filter((reply) => reply.type === 'result');
			if (results.length !== 1) {
				report(`${results.length} results instead of one`);
				continue;
			}
			const result: ReadResult = (results[0] as { result: ReadResult }).result;
			if (!result.ok) {
				tally.refused += 1;
				if (result.errors.some((error) => error.record)) tally.recordLevel += 1;
				for (const error of result.errors) codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
				for (const problem of checkRefusal(fuzz, result.errors)) report(problem);
				continue;
			}
			// Accepted: preview and write as the UI does, then the database holds all of it or none.
			tally.imported += 1;
			const before = await snapshot();
			try {
				const preview = await previewFiles([result.file]);
				const planned = planImport(
					preview,
					{},
					{
						actor,
						now: new Date('2001-03-10T08:00:00.000Z'),
						configuration: defaultConfiguration
					}
				);
				if (!planned.ok) {
					for (const problem of checkRefusal(fuzz, planned.errors)) report(problem);
					continue;
				}
				const written = await writeImport(planned.plan);
				const after = await snapshot();
				if (!written.ok) {
					if (after !== before) report('a refused write changed the database');
					continue;
				}
				for (const { record } of planned.plan.notifications) {
					const stored = await db.notifications.get(record.number);
					if (JSON.stringify(stored) !== JSON.stringify(record)) {
						report(`notification ${record.number} not stored as planned`);
					}
					// The list projection is written in the same transaction: all of it too.
					if (!(await db.listRows.get(record.number))) {
						report(`notification ${record.number} has no list row`);
					}
				}
			} catch (error) {
				report(`uncaught while importing: ${String(error)}`);
			} finally {
				// Every case starts from the same empty head office.
				await db.notifications.clear();
				await db.listRows.clear();
				await db.masterData.clear();
				await db.settings.where('key').notEqual('identity').delete();
			}
		}
		console.info(
			`import fuzzing, seed ${SEED}: ${CASES} cases, ${tally.resealed} resealed, ` +
				`${tally.refused} refused (${tally.recordLevel} naming records), ${tally.imported} imported; ` +
				[...codes].map(([code, count]) => `${code} ${count}`).join(', ')
		);
		expect(problems.slice(0, 20)).toEqual([]);
		expect(tally.resealed * 2).toBeGreaterThanOrEqual(CASES);
		// The run reaches record validation, not only the checksum.
		expect(tally.recordLevel).toBeGreaterThan(CASES / 5);
	}, 300_000);
});
