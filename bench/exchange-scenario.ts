import { db } from '../src/lib/data/db';
import { exportData, previewFiles, writeImport } from '../src/lib/data/exchange';
import { seedSampleMasterData } from '../src/lib/data/master-data';
import { selectNotifications } from '../src/lib/data/notifications';
import type { Role } from '../src/lib/domain/actor';
import { defaultConfiguration } from '../src/lib/domain/configuration';
import { appendLongText, type Notification } from '../src/lib/domain/notification';
import {
	makeActor,
	makeFields,
	makeItem,
	makeNotification
} from '../src/lib/domain/test-factories';
import { ExportWriter } from '../src/lib/exchange/export';
import { CHUNK_SIZE, LIMITS, canonicalJson, type ValidatedFile } from '../src/lib/exchange/format';
import {
	readExchangeBytes,
	readExchangeSource,
	type ReadProgress
} from '../src/lib/exchange/import';
import type { ImportPreview } from '../src/lib/exchange/preview';
import { planImport } from '../src/lib/exchange/resolve';

/**
 * The exchange at the design scale, as one scenario that node (fake-indexeddb) and Chromium (its
 * real IndexedDB) both run: seed N notifications, export them, read the file back, preview it,
 * query the list, import it into an empty database, and import another device's export with
 * 1,000 changed records into the full one. It measures time and peak heap per step and checks
 * that every step did what it should (counts, statuses, round-trip equality of a sample); it
 * never judges a time.
 */

/** What a runtime gives the scenario. */
export interface Runtime {
	/** The heap in use now, in bytes. */
	heapUsed(): number;
	/** A full garbage collection, where the runtime exposes one. */
	collect(): void;
	/** Whether the list query runs (fake-indexeddb's index cursor is quadratic: see below). */
	listQuery: boolean;
}

/** One measured step. */
export interface Row {
	step: string;
	seconds: number;
	records?: number;
	peakHeapMb?: number;
	note?: string;
}

const OWN_CENTRE = '4002';
const FOREIGN_CENTRES = ['4003', '4005', '4101'];
const EXPORTED_AT = new Date('2003-06-30T08:00:00.000Z');
/** A word in one description of about 10,000: the list query's worst case (every row read). */
const RARE_WORD = '水渍';
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Realistic notifications, each a pure function of its index (so a sample can be regenerated).

/** mulberry32: a small deterministic generator per record. */
function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PROBLEMS = [
	'活动柜锁坏',
	'桌面划伤',
	'抽屉滑轨断裂',
	'椅子气杆漏气',
	'柜门合页松动',
	'沙发面料起球',
	'床板异响',
	'玻璃门破裂',
	'书架层板弯曲',
	'漆面脱落'
];
const SENTENCES = [
	'客户来电反映产品在使用过程中出现问题，要求尽快上门处理。',
	'已与客户约定上门时间，服务人员将携带备件前往现场检查。',
	'现场检查后确认为安装不当所致，已重新调整并告知客户注意事项。',
	'需要总部技术支持确认维修方案，暂时无法在本地完成。',
	'配件已从仓库调出，预计三个工作日内送达服务中心。',
	'客户对处理结果表示满意，同意关闭本通知单。',
	'Customer asked for a written quote before any repair is scheduled.',
	'旧件已回收，待质量部门分析后反馈给供应商。'
];
const REASONS = [
	['1', 'OEM厂商'],
	['2', '运输损坏'],
	['3', '安装问题'],
	['4', '使用不当']
] as const;
const STAGES: Record<'Z1' | 'Z2', string[]> = {
	Z1: ['TZJL', 'KCJS', 'ZGPZ', 'ZBHF'],
	Z2: ['TZJL', 'HFYY', 'HWSD', 'HWTH']
};
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const START = Date.UTC(2001, 0, 1, 1, 0, 0);
const pad = (value: number, length: number) => String(value).padStart(length, '0');
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function pick<T>(random: () => number, list: readonly T[]): T {
	return list[Math.floor(random() * list.length)] as T;
}

/** How many of something, by weights: [0.5, 0.3, 0.2] gives 0, 1 or 2. */
function weighted(random: () => number, weights: readonly number[]): number {
	let left = random();
	for (let count = 0; count < weights.length; count += 1) {
		left -= weights[count] ?? 0;
		if (left < 0) return count;
	}
	return weights.length - 1;
}

/** A long-text entry: one or two sentences; one in 200 a report of about 1,500 characters. */
function longTextOf(random: () => number): string {
	const sentences = random() < 0.005 ? 50 : 1 + Math.floor(random() * 2);
	return Array.from({ length: sentences }, () => pick(random, SENTENCES))
		.join('')
		.slice(0, 4000);
}

/**
 * Notification `index` (0-based) of `n`: 80% of this centre (devices 01 and 02), 20% of three
 * others; Z1 or Z2 at any stage of its status profile, some postponed or completed; one to four
 * items; mostly none, else one to three long-text entries (each also in the history, as the app
 * records them). About 2 KB of JSON each: 100,000 make a file of about 200 MB.
 */
export function benchNotification(index: number, n: number): Notification {
	const random = generator(index + 1);
	const foreign = index % 5 === 4;
	const centre = foreign ? pick(random, FOREIGN_CENTRES) : OWN_CENTRE;
	const device = foreign || index % 3 !== 0 ? '01' : '02';
	const number = `${centre}-${device}-${pad(index + 1, 6)}`;
	const type = random() < 0.7 ? 'Z1' : 'Z2';
	const createdTime =
		START + Math.floor((index / n) * 900) * DAY + Math.floor(random() * 10) * HOUR;
	const createdAt = new Date(createdTime).toISOString();
	const customer = String(1 + Math.floor(random() * 5000));
	const creator = makeActor('assistant', { code: `1${pad(index % 7, 2)}` });
	const suffix = index % 9973 === 0 ? `，有${RARE_WORD}` : random() < 0.1 ? '（二次报修）' : '';
	const fields = makeFields({
		type,
		description: `${pick(random, PROBLEMS)}${suffix}`,
		shipTo: customer,
		soldTo: random() < 0.8 ? customer : String(1 + Math.floor(random() * 5000)),
		reporter: pick(random, ['王敏', '李娜', '张伟', '陈静']),
		poNumber: random() < 0.3 ? `PO${pad(index, 8)}` : '',
		poDate: random() < 0.3 ? isoDay(createdTime) : '',
		requiredStart: isoDay(createdTime),
		requiredEnd: isoDay(createdTime + (1 + Math.floor(random() * 14)) * DAY),
		mainWorkCentre: `S${centre}`,
		responsible: pick(random, ['202', '203', '204']),
		salesOffice: centre,
		isUrgent: random() < 0.1,
		demandType: pick(random, ['paid', 'repair', 'exchange', 'return'] as const),
		route: pick(random, ['local', 'hqQuote', 'hqSupport', 'prePayment'] as const),
		items: Array.from({ length: 1 + weighted(random, [0.6, 0.25, 0.1, 0.05]) }, () => {
			const [reasonCode, reasonText] = pick(random, REASONS);
			return makeItem({
				productCategory: pad(1 + Math.floor(random() * 12), 2),
				colourMain: pick(random, ['A', 'B', 'C', 'D']),
				materialQuantity: `${100000 + Math.floor(random() * 900)},${1 + Math.floor(random() * 5)}`,
				reasonCode,
				reasonText
			});
		})
	});

	// What happened to it since: user statuses, long text, maybe postponed or completed, printed.
	let time = createdTime;
	const later = () => new Date((time += (1 + Math.floor(random() * 48)) * HOUR)).toISOString();
	const actor = (role: Role) => makeActor(role);
	const history: Notification['history'] = [
		{ at: createdAt, actor: creator, kind: 'created', to: number }
	];
	const longText: Notification['longText'] = [];
	const userStatusDates: Record<string, string> = { TZJL: createdAt };
	const stages = STAGES[type];
	const stage = Math.floor(random() * stages.length);
	let systemStatus: Notification['systemStatus'] = 'OSNO';
	for (let step = 1; step <= stage; step += 1) {
		const at = later();
		const by = actor(step === 1 ? 'staff' : 'supervisor');
		if (step === 1) {
			history.push({ at, actor: by, kind: 'systemStatus', from: 'OSNO', to: 'NOPR' });
			systemStatus = 'NOPR';
		}
		history.push({ at, actor: by, kind: 'userStatus', from: stages[step - 1], to: stages[step] });
		userStatusDates[stages[step] as string] = at;
	}
	const entries = weighted(random, [0.55, 0.3, 0.1, 0.05]);
	for (let entry = 0; entry < entries; entry += 1) {
		const at = later();
		const author = actor(entry % 2 === 0 ? 'staff' : 'assistant');
		const text = longTextOf(random);
		longText.push({ at, author, text });
		history.push({ at, actor: author, kind: 'longText', to: text });
	}
	let postponement: Notification['postponement'];
	let completion: Notification['completion'];
	if (systemStatus === 'NOPR' && random() < 0.15) {
		const at = later();
		postponement = { reason: '等待总部配件', until: isoDay(time + 14 * DAY) };
		const reason = postponement.reason;
		history.push({
			at,
			actor: actor('supervisor'),
			kind: 'systemStatus',
			from: 'NOPR',
			to: 'NOPO',
			reason
		});
		systemStatus = 'NOPO';
	} else if (stage === stages.length - 1 && random() < 0.7) {
		const at = later();
		completion = { at, reason: '已处理' };
		history.push({
			at,
			actor: actor('supervisor'),
			kind: 'systemStatus',
			from: systemStatus,
			to: 'NOCO'
		});
		systemStatus = 'NOCO';
	}
	const isPrinted = history.length > 2 && random() < 0.5;
	if (isPrinted) history.push({ at: later(), actor: creator, kind: 'printed' });

	// One revision per history entry, CouchDB-style: the ancestry lists the ones before, newest first.
	const revs = history.map((_, at) => `${at + 1}-${(index * 31 + at).toString(36)}b`);
	const notification = makeNotification({
		...fields,
		number,
		centre,
		userStatus: stages[stage] as string,
		systemStatus,
		isPrinted,
		userStatusDates,
		longText,
		history,
		createdAt,
		createdBy: creator,
		changedAt: history[history.length - 1]?.at ?? createdAt,
		revision: { rev: revs[revs.length - 1] ?? '1-b', ancestry: revs.slice(0, -1).reverse() }
	});
	if (postponement) notification.postponement = postponement;
	if (completion) notification.completion = completion;
	return notification;
}

/** Record `index` as another device of this centre changed it: one long-text entry more. */
function changedNotification(index: number, n: number): Notification {
	return appendLongText(
		benchNotification(index, n),
		'复查：客户再次来电确认处理结果。',
		makeActor('staff'),
		EXPORTED_AT
	);
}

// ---------------------------------------------------------------------------------------------

/** Throws when a step did not do what it should: a benchmark of a broken step measures nothing. */
function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(`benchmark check failed: ${message}`);
}

/**
 * Runs the scenario with `n` notifications and returns one row per measured step. Each step
 * starts after a garbage collection; its peak heap is the highest heap sampled during it (on a
 * 5 ms timer and at every progress event, so synchronous steps are sampled too).
 */
export async function runExchangeBenchmark(n: number, runtime: Runtime): Promise<Row[]> {
	const rows: Row[] = [];
	const changed = Math.min(1000, n);
	const isChanged = (index: number) => index % Math.floor(n / changed) === 0;
	let peakHeap = 0;
	const sampleHeap = () => {
		peakHeap = Math.max(peakHeap, runtime.heapUsed());
	};

	async function measure<T>(
		step: string,
		run: () => Promise<T> | T,
		describe: (result: T) => Omit<Row, 'step' | 'seconds'> = () => ({})
	): Promise<T> {
		runtime.collect();
		peakHeap = 0;
		sampleHeap();
		const timer = setInterval(sampleHeap, 5);
		const started = performance.now();
		try {
			const result = await run();
			const seconds = (performance.now() - started) / 1000;
			sampleHeap();
			rows.push({ step, seconds, peakHeapMb: peakHeap / MB, ...describe(result) });
			return result;
		} finally {
			clearInterval(timer);
		}
	}

	/** Reads a file's bytes, noting when each phase of `readExchangeBytes` began. */
	function readTimed(name: string, bytes: Uint8Array): { file: ValidatedFile; phases: string } {
		const started = performance.now();
		const first = new Map<ReadProgress['phase'], number>();
		let checksumEnd = started;
		const result = readExchangeBytes(name, bytes, {
			configuration: defaultConfiguration,
			onProgress: (progress) => {
				sampleHeap();
				const now = performance.now();
				if (!first.has(progress.phase)) first.set(progress.phase, now);
				if (progress.phase === 'checksum') checksumEnd = now;
			}
		});
		const ended = performance.now();
		if (!result.ok) throw new Error(`read refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
		const parseStart = first.get('parse') ?? started;
		const validateStart = first.get('validate') ?? parseStart;
		const s = (ms: number) => (ms / 1000).toFixed(1);
		const phases =
			`checksum ${s(checksumEnd - started)}, depth+UTF-8 ${s(parseStart - checksumEnd)}, ` +
			`JSON.parse+walk ${s(validateStart - parseStart)}, validate ${s(ended - validateStart)} s`;
		return { file: result.file, phases };
	}

	async function freshDevice(deviceCode: string): Promise<void> {
		await db.delete();
		await db.open();
		await db.settings.put({
			key: 'identity',
			value: { centreCode: OWN_CENTRE, centreName: '上海责任中心', deviceCode }
		});
	}

	const statuses = (preview: ImportPreview) =>
		Object.entries(preview.totals.notifications)
			.filter(([, count]) => count > 0)
			.map(([status, count]) => `${count} ${status}`)
			.join(', ');

	/** Seeds, exports, reads, previews and queries; returns the file read. */
	async function exportAndRead(): Promise<ValidatedFile> {
		await freshDevice('01');
		await seedSampleMasterData();
		const records = await measure(
			'generate records (factories)',
			() => Array.from({ length: n }, (_, index) => benchNotification(index, n)),
			() => ({ records: n })
		);
		await measure(
			'seed: bulkPut ×1,000 in one transaction',
			() =>
				db.transaction('rw', db.notifications, async () => {
					for (let start = 0; start < records.length; start += CHUNK_SIZE) {
						await db.notifications.bulkPut(records.slice(start, start + CHUNK_SIZE));
					}
				}),
			() => ({ records: n })
		);
		records.length = 0;
		check((await db.notifications.count()) === n, `seeded ${n}`);

		const exported = await measure(
			'exportData',
			() => exportData({ now: EXPORTED_AT, appVersion: 'bench', onProgress: sampleHeap }),
			(file) => {
				const size = file.blob.size;
				const atLimit = Math.floor((LIMITS.fileBytes / size) * n).toLocaleString('en');
				return {
					records: n,
					note: `${(size / MB).toFixed(1)} MB, ${Math.round(size / n)} B/record; 200 MB limit at ~${atLimit}`
				};
			}
		);
		check(exported.counts.notifications === n, 'export counts');
		const bytes = new Uint8Array(await exported.blob.arrayBuffer());

		const read = await measure(
			'readExchangeBytes (inline; a Worker in the app)',
			() => readTimed(exported.fileName, bytes),
			({ phases }) => ({ records: n, note: phases })
		);
		check(read.file.notifications.length === n, 'read counts');

		// The app's path: in a browser the parse Worker, whose result comes back by structured clone.
		if (typeof Worker === 'function') {
			const source = new File([exported.blob], exported.fileName);
			const viaWorker = await measure(
				'readExchangeSource (parse Worker + clone back)',
				() => readExchangeSource(source, { configuration: defaultConfiguration }),
				() => ({ records: n })
			);
			check(viaWorker.ok && viaWorker.file.notifications.length === n, 'Worker read counts');
		}

		const preview = await measure(
			'previewFiles, same DB',
			() => previewFiles([read.file]),
			(result) => ({ records: n, note: statuses(result) })
		);
		check(preview.totals.notifications.unchanged === n, 'all unchanged');

		for (const [label, text] of [
			['common word', '锁'],
			['rare word', RARE_WORD]
		] as const) {
			const step = `selectNotifications centre+text, ${label}`;
			if (!runtime.listQuery) {
				rows.push({ step, seconds: Number.NaN, note: 'skipped on fake-indexeddb (see below)' });
				continue;
			}
			const found = await measure(
				step,
				() => selectNotifications({ centre: OWN_CENTRE, text, limit: 500 }),
				(list) => ({ note: `${list.length} rows of limit 500` })
			);
			check(found.length > 0, `list query "${text}" finds something`);
			check(
				found.every((row) => row.centre === OWN_CENTRE && JSON.stringify(row).includes(text)),
				`list query "${text}" finds only matches`
			);
		}
		return read.file;
	}

	/** Restore-like: the exported file into the empty database of a new device of the centre. */
	async function importIntoEmpty(file: ValidatedFile): Promise<void> {
		await freshDevice('03');
		const preview = await measure(
			'previewFiles, empty DB',
			() => previewFiles([file]),
			(result) => ({ records: n, note: statuses(result) })
		);
		check(preview.totals.notifications.new === n, 'all new');
		const planned = await measure(
			'planImport',
			() =>
				planImport(
					preview,
					{},
					{
						actor: makeActor('assistant'),
						now: EXPORTED_AT,
						configuration: defaultConfiguration
					}
				),
			() => ({ records: n })
		);
		if (!planned.ok) throw new Error(`plan refused: ${JSON.stringify(planned.errors[0])}`);
		const written = await measure(
			'writeImport, empty DB (one transaction)',
			() => writeImport(planned.plan),
			(result) => ({
				records: n,
				note: result.ok ? `${result.written.notifications} new` : 'FAILED'
			})
		);
		check(written.ok && written.written.notifications === n, 'all written');
		check((await db.notifications.count()) === n, 'count after import');
		// Round trip: what is stored now equals what was generated, field for field.
		const random = generator(4242);
		const sample = new Set([0, n - 1]);
		while (sample.size < Math.min(200, n)) sample.add(Math.floor(random() * n));
		for (const index of sample) {
			const expected = benchNotification(index, n);
			const stored = await db.notifications.get(expected.number);
			check(canonicalJson(stored) === canonicalJson(expected), `round trip of ${expected.number}`);
		}
	}

	/** Another device's full export in which 1,000 records changed, into the full database. */
	async function importChanges(): Promise<void> {
		const masterData = await db.masterData.toArray();
		const writer = new ExportWriter(
			{
				appVersion: 'bench',
				centre: { code: OWN_CENTRE, name: '上海责任中心' },
				device: '02',
				exportedAt: EXPORTED_AT,
				counts: { notifications: n, masterData: masterData.length }
			},
			defaultConfiguration
		);
		writer.addMasterData(masterData);
		for (let start = 0; start < n; start += CHUNK_SIZE) {
			const page: Notification[] = [];
			for (let index = start; index < Math.min(n, start + CHUNK_SIZE); index += 1) {
				page.push(isChanged(index) ? changedNotification(index, n) : benchNotification(index, n));
			}
			writer.addNotifications(page);
		}
		const bytes = new Uint8Array(await writer.finish().blob.arrayBuffer());
		const { file } = readTimed('changed.json', bytes);
		const preview = await measure(
			'previewFiles, full DB, file with 1,000 changed',
			() => previewFiles([file]),
			(result) => ({ records: n, note: statuses(result) })
		);
		check(preview.totals.notifications.theirsNewer === changed, 'changed are theirsNewer');
		check(preview.totals.notifications.unchanged === n - changed, 'the rest unchanged');
		const planned = planImport(preview, {}, { actor: makeActor('assistant'), now: EXPORTED_AT });
		if (!planned.ok) throw new Error(`plan refused: ${JSON.stringify(planned.errors[0])}`);
		const written = await measure(
			'writeImport, full DB, 1,000 changed',
			() => writeImport(planned.plan),
			(result) => ({
				records: changed,
				note: result.ok ? `${result.written.notifications} replaced` : 'FAILED'
			})
		);
		check(written.ok && written.written.notifications === changed, 'changed written');
		const first = await db.notifications.get(benchNotification(0, n).number);
		check(first?.revision.rev === changedNotification(0, n).revision.rev, 'new revision stored');
		check((await db.notifications.count()) === n, 'count after second import');
	}

	try {
		await importIntoEmpty(await exportAndRead());
		await importChanges();
	} finally {
		db.close();
	}
	return rows;
}

/** The rows as a Markdown table. */
export function formatRows(rows: readonly Row[]): string {
	const lines = [
		'| step | s | records/s | peak heap MB | note |',
		'| ---- | -: | --------: | -----------: | ---- |'
	];
	for (const row of rows) {
		const seconds = Number.isNaN(row.seconds) ? '–' : row.seconds.toFixed(2);
		const rate =
			row.records && row.seconds > 0
				? Math.round(row.records / row.seconds).toLocaleString('en')
				: '';
		const heap = row.peakHeapMb === undefined ? '' : String(Math.round(row.peakHeapMb));
		lines.push(`| ${row.step} | ${seconds} | ${rate} | ${heap} | ${row.note ?? ''} |`);
	}
	return lines.join('\n');
}
