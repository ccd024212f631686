import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ExchangePage } from '../tests/e2e/pages/exchange-page';
import { NotificationPage, UserPanel } from '../tests/e2e/pages/notification-pages';
import { AppShell } from '../tests/e2e/pages/app-shell';
import { startSetUpDevice } from '../tests/e2e/support/device';
import { CHUNK_SIZE } from '../src/lib/exchange/format';
import { BENCH_CENTRE, IMPORTING_DEVICE } from './generate';
import { ratioToFloor } from './figures';
import { HeapMonitor } from './heap';

/**
 * The benchmark in Chromium: the production build, served as a shop's host serves it, driven
 * through the app's own screens (the same page models as the end-to-end tests). Each figure is one
 * named async step that adds its keys to the results; the floor of a figure (the same work done
 * directly with Dexie or the platform) runs in the same page, in the same run. A key whose
 * feature does not exist is simply never set.
 */

/** What every figure gets: the browser page, the heap monitor, the generated data, the results. */
export interface Bench {
	page: Page;
	context: BrowserContext;
	heap: HeapMonitor;
	baseUrl: string;
	/** The production build being served (for file sizes). */
	buildDir: string;
	size: number;
	/** The generated exchange file on disk, and its URL path on the bench's server. */
	file: { path: string; url: string; name: string; bytes: number };
	/** Own-centre notifications that may be changed (not completed), newest first. */
	changeable: string[];
	/** The path of `floor.js` on the bench's server (the floors, with Dexie beside it). */
	floorUrl: string;
	/** The path of the built `work-plan-page.ts` on the bench's server (the work plan PDF). */
	workPlanUrl: string;
	results: Record<string, number>;
	/** Whether to record a CPU profile of the page during the imports (`--profile`). */
	isProfiling: boolean;
	log(line: string): void;
}

/** One figure: a name for the log and a step that measures and sets its keys. */
export interface Figure {
	name: string;
	run(bench: Bench): Promise<void>;
}

const MB = 1024 * 1024;
/** The button of the missing-glyph dialog that prints with 〓. */
const PRINT_WITH_PLACEHOLDER = '用 〓 代替并打印';
/** How often a per-action figure is repeated (p95 needs at least 20). */
export const REPEATS = 20;

/** The median and 95th percentile of some durations, in ms (nearest rank). */
export function percentiles(values: readonly number[]): { p50: number; p95: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
	return { p50: rank(0.5) ?? Number.NaN, p95: rank(0.95) ?? Number.NaN };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Waits for the next two animation frames: what was rendered is painted. */
export async function painted(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
			)
	);
}

// ---------------------------------------------------------------------------------------------
// Floors: the same work as the app's, done with Dexie directly in the app's page, on its tables.

/** The in-page floors of `floor.js`, as the page exposes them. */
interface Floors {
	importFloor(file: File, chunkSize: number): Promise<number>;
	exportFloor(pageSize: number): Promise<number>;
	listFloor(): Promise<number>;
	tallyState(): Promise<{ version: number; tally: number; snapshot: number }>;
	pendingRows(): Promise<number>;
}
declare global {
	interface Window {
		benchFloor?: Floors;
	}
}

/** Loads `floor.js` (and Dexie) into a page of the app once. */
async function loadFloors(bench: Bench, page: Page = bench.page): Promise<void> {
	if (await page.evaluate(() => !!window.benchFloor)) return;
	await page.addScriptTag({ url: bench.floorUrl, type: 'module' });
	await page.waitForFunction(() => !!window.benchFloor);
}

/**
 * The app opened on the bench server's other name (127.0.0.1 for localhost): another origin, so
 * its IndexedDB is a store of its own. Chromium keeps each origin's databases in one LevelDB, and
 * 100,000 records written and deleted there leave it slower for the next write (measured: a floor
 * right after another took 38.7 → 44.6 s, 40.3 → 52.0 s, 39.1 → 49.4 s, even 39 s later). The
 * import floor runs here, so the floor and the app's import each write into an untouched store.
 * Resolves once the app has created its database, whose schema the floor copies.
 */
async function openFloorOrigin(bench: Bench): Promise<Page> {
	const origin = new URL(bench.baseUrl);
	origin.hostname = origin.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
	const page = await bench.context.newPage();
	await page.goto(new URL('/exchange', origin).href);
	await page.waitForFunction(async () =>
		(await indexedDB.databases()).some((database) => database.name === 'shouhou')
	);
	return page;
}

/** Reads the file the page was given, parses it and `bulkPut`s it in chunks, in one transaction. */
async function importFloor(bench: Bench, page: Page): Promise<number> {
	await loadFloors(bench, page);
	const chooser = page.locator('#bench-floor-file');
	await page.evaluate(() => {
		const input = document.createElement('input');
		input.type = 'file';
		input.id = 'bench-floor-file';
		input.hidden = true;
		document.body.append(input);
	});
	await chooser.setInputFiles(bench.file.path);
	return page.evaluate(async (chunkSize) => {
		const input = document.querySelector<HTMLInputElement>('#bench-floor-file');
		const file = input?.files?.[0];
		if (!file || !window.benchFloor) throw new Error('no file or no floors');
		const ms = await window.benchFloor.importFloor(file, chunkSize);
		input?.remove();
		return ms;
	}, CHUNK_SIZE);
}

/** Reads every notification in key-ordered pages of 1,000 and serialises each into a Blob part. */
async function exportFloor(bench: Bench): Promise<number> {
	await loadFloors(bench);
	return bench.page.evaluate(async (pageSize) => {
		if (!window.benchFloor) throw new Error('no floors');
		return window.benchFloor.exportFloor(pageSize);
	}, CHUNK_SIZE);
}

// ---------------------------------------------------------------------------------------------
// The figures, in the order they run. Each adds its keys; the list is the extension point.

/**
 * Chooses the file on the exchange page and confirms the import; returns the time until the
 * preview showed and until the outcome showed, and the most heap of page and workers meanwhile.
 */
async function importThroughApp(
	bench: Bench,
	outcome: RegExp
): Promise<{ preview: number; write: number; peak: number }> {
	const { page, heap } = bench;
	const exchange = new ExchangePage(page);
	await exchange.goto();
	if (bench.isProfiling) {
		await heap.cdp.send('Profiler.enable');
		await heap.cdp.send('Profiler.start');
	}
	// The floor's parsed file (same page) is garbage by now, but may not be collected yet.
	await heap.collectGarbage();
	// Watched in two parts, so the log tells whether a peak is in the preview or in the write.
	const chosen = performance.now();
	const previewing = await heap.watch(async () => {
		await page.getByLabel('导入文件').setInputFiles(bench.file.path);
		await exchange.preview().or(exchange.refused().first()).first().waitFor({ timeout: 0 });
		if (await exchange.refused().count()) {
			throw new Error(`import refused: ${await exchange.refused().first().innerText()}`);
		}
	});
	const previewed = performance.now();
	const writing = await heap.watch(async () => {
		await exchange.confirmButton().click();
		await page
			.getByText(/导入完成|没有需要写入的记录|导入失败/)
			.first()
			.waitFor({ timeout: 0 });
	});
	const written = performance.now();
	if (!(await page.getByText(outcome).count()))
		throw new Error(`the import did not say ${outcome}`);
	const mb = (bytes: number) => Math.round(bytes / MB);
	bench.log(
		`import heap peaks: preview ${mb(previewing.peak)} MB (page ${mb(previewing.pagePeak)}, ` +
			`workers ${mb(previewing.workersPeak)}), write ${mb(writing.peak)} MB (page ` +
			`${mb(writing.pagePeak)}, workers ${mb(writing.workersPeak)})`
	);
	const result = { preview: previewed - chosen, write: written - previewed };
	const peak = Math.max(previewing.peak, writing.peak);
	if (bench.isProfiling) {
		const { profile } = await heap.cdp.send('Profiler.stop');
		bench.log(`CPU profile of the page during the import, by self time:\n${topFunctions(profile)}`);
	}
	return { ...result, peak };
}

/**
 * Waits, on the page the import left open, until no list rows are pending any more (the list
 * Worker writes them after a large import); returns how long that took and the heap meanwhile.
 */
async function indexReady(bench: Bench): Promise<{ ms: number; peak: number }> {
	const started = performance.now();
	await loadFloors(bench);
	const watched = await bench.heap.watch(async () => {
		while (await bench.page.evaluate(() => window.benchFloor!.pendingRows())) {
			await bench.page.waitForTimeout(100);
		}
	});
	return { ms: performance.now() - started, peak: watched.peak };
}

/** The functions with the most self time in a CPU profile, one line each. */
function topFunctions(
	profile: {
		nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
		samples?: number[];
	},
	count = 15
): string {
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<string, number>();
	for (const id of profile.samples ?? []) {
		const frame = nodes.get(id)?.callFrame;
		if (!frame) continue;
		const where = frame.url ? ` ${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}` : '';
		const key = `${frame.functionName || '(anonymous)'}${where}`;
		self.set(key, (self.get(key) ?? 0) + 1);
	}
	const total = profile.samples?.length ?? 1;
	return [...self]
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([key, samples]) => `  ${((100 * samples) / total).toFixed(1)}% ${key}`)
		.join('\n');
}

/**
 * Import: the floor first, in a store of its own (`openFloorOrigin`), then the app's whole import
 * (read, check, preview, write) into the app's untouched store.
 */
const importFigure: Figure = {
	name: 'import',
	async run(bench) {
		const floorPage = await openFloorOrigin(bench);
		try {
			bench.results.import_floor_ms = round(await importFloor(bench, floorPage));
		} finally {
			await floorPage.close();
		}
		await new ExchangePage(bench.page).goto();
		const { preview, write, peak } = await importThroughApp(bench, /导入完成/);
		bench.results.import_preview_ms = round(preview);
		bench.results.import_write_ms = round(write);
		bench.results.import_ms = round(preview + write);
		bench.results.import_ratio = ratioToFloor(
			bench.results.import_ms,
			bench.results.import_floor_ms
		);
		bench.results.import_peak_heap_mb = Math.round(peak / MB);
		bench.log(
			`import: peak heap ${Math.round(peak / MB)} MB, ${bench.heap.workersSeen} worker(s) watched`
		);
		// A large import leaves the list rows to the list Worker, after it reports done.
		const ready = await indexReady(bench);
		bench.results.index_ready_ms = round(bench.results.import_ms + ready.ms);
		bench.results.index_peak_heap_mb = Math.round(ready.peak / MB);
	}
};

/**
 * The same file again into the full database (head office re-reading a centre's file): every
 * record is compared with its stored copy and nothing is written. Its peak heap counts as an
 * import's too.
 */
const reimportFigure: Figure = {
	name: 'import into full database',
	async run(bench) {
		const { preview, write, peak } = await importThroughApp(bench, /没有需要写入的记录/);
		bench.results.reimport_ms = round(preview + write);
		bench.results.reimport_peak_heap_mb = Math.round(peak / MB);
		bench.results.import_peak_heap_mb = Math.max(
			bench.results.import_peak_heap_mb ?? 0,
			Math.round(peak / MB)
		);
	}
};

/** Export: the app's button until the download starts; floor: read all + JSON.stringify. */
const exportFigure: Figure = {
	name: 'export',
	async run(bench) {
		const { page } = bench;
		const exchange = new ExchangePage(page);
		await exchange.goto();
		const started = performance.now();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 0 }),
			page.getByRole('button', { name: '导出', exact: true }).click()
		]);
		bench.results.export_ms = round(performance.now() - started);
		await download.delete();
		bench.results.export_floor_ms = round(await exportFloor(bench));
		bench.results.export_ratio = ratioToFloor(
			bench.results.export_ms,
			bench.results.export_floor_ms
		);
	}
};

/** Opens notifications through the command box (IW53 n) until the object page shows that number. */
const openFigure: Figure = {
	name: 'open object page',
	async run(bench) {
		const { page } = bench;
		const shell = new AppShell(page);
		const numbers = bench.changeable.slice(0, REPEATS);
		const times: number[] = [];
		await page.goto('/');
		for (const number of numbers) {
			await shell.commandBox().fill(`IW53 ${number}`);
			const started = performance.now();
			await shell.commandBox().press('Enter');
			await page.getByTestId('notification-number').getByText(number).waitFor();
			await page.getByTestId('history').waitFor();
			await painted(page);
			times.push(performance.now() - started);
		}
		bench.results.open_p95_ms = round(percentiles(times).p95);
	}
};

/** Saves a change of a field on the change form (IW53 n, then 修改): from the click until the page says saved. */
const saveFigure: Figure = {
	name: 'save a change',
	async run(bench) {
		const { page } = bench;
		const shell = new AppShell(page);
		const times: number[] = [];
		await startProfile(bench);
		for (const [index, number] of bench.changeable.slice(0, REPEATS).entries()) {
			await shell.runCommand(`IW53 ${number}`);
			await page.getByTestId('notification-number').getByText(number).waitFor();
			await new NotificationPage(page).action('修改').click();
			const reporter = page.getByLabel('报告者', { exact: true });
			await reporter.fill(`测试${index}`);
			const started = performance.now();
			await page.getByRole('button', { name: '保存', exact: true }).click();
			await page.getByText(`通知单 ${number} 已保存。`).first().waitFor();
			await painted(page);
			times.push(performance.now() - started);
		}
		await stopProfile(bench, 'the saves (with the object page opened before each)');
		bench.results.save_p95_ms = round(percentiles(times).p95);
	}
};

/**
 * The JS heap of the page and its Workers once the figures above have used the app, measured on
 * the list with every row loaded in its Worker (the list's rows in memory count; another screen
 * would have no list Worker).
 */
const heapFigure: Figure = {
	name: 'heap',
	async run(bench) {
		const { page } = bench;
		await page.goto('/notifications');
		await page.waitForFunction(
			() => document.querySelector('tbody tr[data-position="0"]')?.getAttribute('data-number'),
			undefined,
			{ timeout: 0 }
		);
		await page.locator('[data-testid="list-loading"]').waitFor({ state: 'detached', timeout: 0 });
		await bench.heap.cdp.send('HeapProfiler.collectGarbage').catch(() => {});
		const heap = await bench.heap.sample();
		bench.results.heap_mb = Math.round((heap.page + heap.workers) / MB);
	}
};

/**
 * Whether a built script is part of the app's static graph: the client entry and the route nodes
 * with everything they import statically (from Vite's manifest of the build). Chunks the app loads
 * on demand — charts, PDF, CSV, the .eml builder — and the Workers' scripts are not.
 */
async function staticChunks(buildDir: string): Promise<(script: string) => boolean> {
	const path = join(buildDir, '..', '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
	const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<
		string,
		{ file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }
	>;
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || files.has(`/${chunk.file}`)) return;
		files.add(`/${chunk.file}`);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	for (const [key, chunk] of Object.entries(manifest)) {
		if (chunk.isEntry || /\/nodes\/\d+\.js$/.test(key)) visit(key);
	}
	return (script) => files.has(script);
}

/**
 * Initial JavaScript: the gzip size of every script a first visit loads (before anyone clicks,
 * so before any lazy chunk), for `/`, `/notifications` and `/notifications/new`; the largest.
 */
const initialJsFigure: Figure = {
	name: 'initial JS',
	async run(bench) {
		let largest = 0;
		for (const path of ['/', '/notifications', '/notifications/new']) {
			const visit = await bench.context.newPage();
			const scripts = new Set<string>();
			visit.on('request', (request) => {
				const url = new URL(request.url());
				if (
					url.origin === bench.baseUrl &&
					url.pathname.endsWith('.js') &&
					url.pathname !== '/sw.js'
				) {
					scripts.add(url.pathname);
				}
			});
			await visit.goto(path, { waitUntil: 'networkidle' });
			await visit.waitForTimeout(300);
			await visit.close();
			let bytes = 0;
			const isStatic = await staticChunks(bench.buildDir);
			for (const script of [...scripts].filter(isStatic)) {
				bytes += gzipSync(await readFile(join(bench.buildDir, script))).length;
			}
			largest = Math.max(largest, bytes);
		}
		// One decimal: the target is a bound (150 KB), and 149.7 would print as 150.
		bench.results.initial_js_kb = Math.round((largest / 1024) * 10) / 10;
	}
};

/** Counts every node of the document (elements, text, comments), as the DOM-size budget does. */
function documentNodes(page: Page): Promise<number> {
	return page.evaluate(() => {
		const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
		let total = 1;
		while (walker.nextNode()) total++;
		return total;
	});
}

/** The list's hit count as shown ("共 N 条通知单"). */
async function listCount(page: Page): Promise<string> {
	return (await page.getByTestId('list-count').textContent()) ?? '';
}

/** What the in-page watch waits for after the click: a new count, or a new result sorted by a column. */
type ListCheck =
	{ kind: 'count'; previous: string } | { kind: 'sorted'; previous: string | null; column: string };

declare global {
	interface Window {
		benchWatch?: Promise<number>;
	}
}

/**
 * Arms an in-page watch before a click: it takes the click's own event time (captured on the
 * document), checks in each animation frame whether the list shows the new rows (the count
 * changed, or the result changed and the column is sorted; the rows belong to the current result
 * and the first is filled) and resolves one frame later, once that frame was painted, with the ms
 * from the input event. Measured in the page, so Playwright's own click and polling are not in it.
 */
async function armListWatch(page: Page, check: ListCheck): Promise<void> {
	await page.evaluate((check) => {
		window.benchWatch = new Promise<number>((resolve) => {
			let input = -1;
			document.addEventListener('click', (event) => (input = event.timeStamp), {
				capture: true,
				once: true
			});
			const isShown = () => {
				const table = document.querySelector('[data-testid="notification-table"]');
				const result = table?.getAttribute('data-result') ?? null;
				if (result !== table?.getAttribute('data-loaded')) return false;
				if (check.kind === 'count') {
					const count = document.querySelector('[data-testid="list-count"]')?.textContent ?? '';
					const first = document.querySelector('tbody tr[data-position="0"]');
					return (
						count !== check.previous &&
						(count.includes(' 0 ') || !!first?.getAttribute('data-number'))
					);
				}
				const heading = document
					.querySelector(`button[data-sort="${check.column}"]`)
					?.closest('th');
				return result !== check.previous && !!heading?.getAttribute('aria-sort');
			};
			const frame = () => {
				if (input >= 0 && isShown())
					requestAnimationFrame(() => resolve(performance.now() - input));
				else requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		});
	}, check);
}

/** Clicks and waits for the armed watch; the ms from the click's input event to the painted rows. */
async function clickAndWatch(page: Page, click: () => Promise<void>): Promise<number> {
	await click();
	return page.evaluate(() => window.benchWatch!);
}

/** Starts a CPU profile of the page when profiling (`--profile`). */
async function startProfile(bench: Bench): Promise<void> {
	if (!bench.isProfiling) return;
	await bench.heap.cdp.send('Profiler.enable');
	await bench.heap.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await bench.heap.cdp.send('Profiler.start');
}

/**
 * Starts a Chromium trace (all processes) when profiling; `stop` writes it to the temp folder. No
 * sampling category: the CPU profile beside it samples already.
 */
async function startTrace(
	bench: Bench
): Promise<{ stop(name: string): Promise<void> } | undefined> {
	if (!bench.isProfiling) return undefined;
	const cdp = await bench.context.newCDPSession(bench.page);
	await cdp.send('Tracing.start', {
		transferMode: 'ReturnAsStream',
		traceConfig: {
			includedCategories: [
				'devtools.timeline',
				'disabled-by-default-devtools.timeline',
				'loading',
				'navigation',
				'IndexedDB',
				'ServiceWorker',
				'CacheStorage',
				'v8.execute',
				'blink',
				'toplevel',
				'leveldb',
				'disabled-by-default-devtools.timeline.frame'
			]
		}
	});
	return {
		async stop(name) {
			const complete = new Promise<string>((resolve) =>
				cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!))
			);
			await cdp.send('Tracing.end');
			const stream = await complete;
			// Bytes, decoded once at the end: a chunk may end inside a character.
			const parts: Buffer[] = [];
			for (;;) {
				const chunk = await cdp.send('IO.read', { handle: stream });
				parts.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
				if (chunk.eof) break;
			}
			await cdp.send('IO.close', { handle: stream });
			const path = join(tmpdir(), `shouhou-trace-${name}.json`);
			await writeFile(path, Buffer.concat(parts));
			bench.log(`trace of ${name}: ${path}`);
			await cdp.detach();
		}
	};
}

/** Stops the CPU profile and logs the functions with the most self time. */
async function stopProfile(bench: Bench, what: string): Promise<void> {
	if (!bench.isProfiling) return;
	const { profile } = await bench.heap.cdp.send('Profiler.stop');
	bench.log(`CPU profile of the page during ${what}, by self time:\n${topFunctions(profile, 25)}`);
}

/**
 * The list (IW59): open with the default selection (the rows loaded by the list Worker, the first
 * page painted), change a filter, change the sort, free text (a common and a rare word), scroll to
 * the end, the most DOM nodes meanwhile; and the floor, the raw indexed Dexie query for one page.
 */
const listFigure: Figure = {
	name: 'list',
	async run(bench) {
		const { page } = bench;
		await page.goto('/');
		const opened = performance.now();
		await page.goto('/notifications');
		await page.waitForFunction(
			() => document.querySelector('tbody tr[data-position="0"]')?.getAttribute('data-number'),
			undefined,
			{ timeout: 0 }
		);
		await page.locator('[data-testid="list-loading"]').waitFor({ state: 'detached', timeout: 0 });
		await painted(page);
		bench.results.list_open_ms = round(performance.now() - opened);
		bench.log('list: list opened');
		let nodes = await documentNodes(page);

		// Filter: urgent only, then not: from the click on 执行 until the new rows are painted.
		const form = page.getByRole('form', { name: '选择条件' });
		const filters: number[] = [];
		await startProfile(bench);
		for (let i = 0; i < REPEATS; i++) {
			await form.getByLabel('仅紧急').setChecked(i % 2 === 0);
			await armListWatch(page, { kind: 'count', previous: await listCount(page) });
			filters.push(
				await clickAndWatch(page, () => form.getByRole('button', { name: '执行' }).click())
			);
		}
		await stopProfile(bench, 'the filter changes');
		const filter = percentiles(filters);
		bench.results.filter_p50_ms = round(filter.p50);
		bench.results.filter_p95_ms = round(filter.p95);
		bench.log('list: filtered');

		// Sort: required end ascending, then number: from the click on the heading until painted.
		const sorts: number[] = [];
		await startProfile(bench);
		for (let i = 0; i < REPEATS; i++) {
			const column = i % 2 === 0 ? 'requiredEnd' : 'number';
			const previous = await page.getByTestId('notification-table').getAttribute('data-result');
			await armListWatch(page, { kind: 'sorted', previous, column });
			sorts.push(
				await clickAndWatch(page, () => page.locator(`button[data-sort="${column}"]`).click())
			);
		}
		await stopProfile(bench, 'the sort changes');
		bench.results.sort_p95_ms = round(percentiles(sorts).p95);
		bench.log('list: sorted');
		nodes = Math.max(nodes, await documentNodes(page));

		// Free text on its own: a common word and a rare one (a reporter the save figure wrote).
		const searches: number[] = [];
		for (let i = 0; i < REPEATS; i++) {
			const word = i % 2 === 0 ? '锁' : '测试7';
			await page.goto('/notifications');
			await page.getByTestId('list-count').waitFor();
			await page.waitForFunction(
				() => document.querySelector('tbody tr[data-position="0"]')?.getAttribute('data-number'),
				undefined,
				{ timeout: 0 }
			);
			await form.getByLabel('全文搜索').fill(word);
			await armListWatch(page, { kind: 'count', previous: await listCount(page) });
			searches.push(
				await clickAndWatch(page, () => form.getByRole('button', { name: '执行' }).click())
			);
		}
		bench.results.search_p95_ms = round(percentiles(searches).p95);
		bench.log('list: searched');

		// Scroll to the end of the whole list, counting nodes on the way.
		await page.goto('/notifications');
		await page.waitForFunction(
			() => document.querySelector('tbody tr[data-position="0"]')?.getAttribute('data-number'),
			undefined,
			{ timeout: 0 }
		);
		const viewport = page.getByTestId('list-viewport');
		for (let step = 1; step <= 10; step++) {
			await viewport.evaluate((element, fraction) => {
				element.scrollTop = (element.scrollHeight - element.clientHeight) * fraction;
			}, step / 10);
			await painted(page);
			nodes = Math.max(nodes, await documentNodes(page));
		}
		bench.results.list_nodes = nodes;
		bench.log('list: scrolled');

		// Floor: one page of 40 rows by the system-status index, read with Dexie directly.
		await loadFloors(bench);
		const floors: number[] = [];
		for (let i = 0; i < REPEATS; i++) {
			floors.push(await page.evaluate(() => window.benchFloor!.listFloor()));
		}
		bench.results.list_floor_ms = round(percentiles(floors).p50);
	}
};

/** The overview (start page) on screen: from the navigation until its counts are painted. */
const overviewFigure: Figure = {
	name: 'overview',
	async run(bench) {
		const { page } = bench;
		await page.goto('/exchange');
		await loadFloors(bench);
		const state = await page.evaluate(() => window.benchFloor!.tallyState());
		bench.log(
			`overview: change counter ${state.version}, tally at ${state.tally}, snapshot at ${state.snapshot}`
		);
		await startProfile(bench);
		const tracing = await startTrace(bench);
		const started = performance.now();
		await page.goto('/');
		await page.locator('[data-testid="overview"][aria-busy="false"]').waitFor({ timeout: 0 });
		await painted(page);
		bench.results.overview_ms = round(performance.now() - started);
		await tracing?.stop('overview');
		await stopProfile(bench, 'the overview');
		if (bench.isProfiling) {
			const timing = await page.evaluate(() => {
				const [navigation] = performance.getEntriesByType(
					'navigation'
				) as PerformanceNavigationTiming[];
				const slowest = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
					.sort((a, b) => b.responseEnd - a.responseEnd)
					.slice(0, 5)
					.map((entry) => `${entry.name.split('/').at(-1)} ${Math.round(entry.responseEnd)}`);
				return {
					response: Math.round(navigation?.responseEnd ?? 0),
					domContentLoaded: Math.round(navigation?.domContentLoadedEventEnd ?? 0),
					now: Math.round(performance.now()),
					slowest
				};
			});
			bench.log(`overview page timing (ms since navigation): ${JSON.stringify(timing)}`);
		}
	}
};

/** One notification sheet PDF: from the click on 打印 on the object page until the download. */
const notificationPdfFigure: Figure = {
	name: 'notification sheet PDF',
	async run(bench) {
		const { page } = bench;
		const number = bench.changeable[REPEATS + 1] ?? bench.changeable[0]!;
		await new AppShell(page).runCommand(`IW53 ${number}`);
		await page.getByTestId('notification-number').getByText(number).waitFor();
		const started = performance.now();
		const downloading = page.waitForEvent('download', { timeout: 0 });
		await page.getByRole('button', { name: '打印', exact: true }).click();
		// Generated text may hold characters the font lacks: the app asks first, as it should.
		const placeholder = page.getByRole('button', { name: PRINT_WITH_PLACEHOLDER });
		const first = await Promise.race([
			downloading.then(() => 'download' as const),
			placeholder.waitFor({ timeout: 0 }).then(() => 'dialog' as const)
		]);
		if (first === 'dialog') await placeholder.click();
		const download = await downloading;
		bench.results.notification_pdf_ms = round(performance.now() - started);
		await download.delete();
	}
};

/**
 * The work plan PDF of 500 rows (ZSMR006's 打印 path: plan, print model, jsPDF and the embedded
 * font), built in the app's page by the bench hook `services/work-plan-bench.ts`. The figure is the
 * first build in the page (the PDF code and the font load lazily, as on a first print); the warm
 * figure is the median of three more.
 */
const workPlanPdfFigure: Figure = {
	name: 'work plan PDF',
	async run(bench) {
		const { page } = bench;
		await page.goto('/work-plan');
		await page.addScriptTag({ url: bench.workPlanUrl, type: 'module' });
		await page.waitForFunction(() => !!window.benchWorkPlan);
		const times: number[] = [];
		for (let i = 0; i < 4; i++) {
			const built = await page.evaluate(() => window.benchWorkPlan!.timeWorkPlanPdf(500));
			if (built.rows !== 500 || built.bytes === 0) {
				throw new Error(`the work plan had ${built.rows} rows, ${built.bytes} bytes`);
			}
			times.push(built.ms);
		}
		bench.results.workplan_pdf_500_ms = round(times[0]!);
		bench.results.workplan_pdf_500_warm_ms = round(percentiles(times.slice(1)).p50);
	}
};

/**
 * The figures in the order they run: the import fills the database the others use. A new figure
 * (list, search, overview, PDF) is one more entry here, setting its own keys.
 */
export const figures: Figure[] = [
	importFigure,
	reimportFigure,
	exportFigure,
	openFigure,
	saveFigure,
	listFigure,
	overviewFigure,
	notificationPdfFigure,
	workPlanPdfFigure,
	heapFigure,
	initialJsFigure
];

/** What `runBenchmark` needs from the launcher. */
export interface BenchOptions {
	baseUrl: string;
	buildDir: string;
	size: number;
	file: Bench['file'];
	changeable: string[];
	floorUrl: string;
	workPlanUrl: string;
	executablePath: string;
	/** Only the figures with these names (all when empty). */
	only?: readonly string[];
	isProfiling: boolean;
	log(line: string): void;
}

/** Launches Chromium on a fresh persistent profile (IndexedDB on disk), sets up a device and runs the figures. */
export async function runBenchmark(options: BenchOptions): Promise<Record<string, number>> {
	const profile = await mkdtemp(join(tmpdir(), 'shouhou-bench-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: options.executablePath,
		headless: true,
		baseURL: options.baseUrl,
		locale: 'zh-CN',
		serviceWorkers: 'allow',
		acceptDownloads: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const results: Record<string, number> = { records: options.size };
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(120_000);
		page.on('pageerror', (error) => options.log(`page error: ${error.message}`));
		page.on('crash', () => options.log('the page crashed (out of memory?)'));
		await startSetUpDevice(page, {
			centre: BENCH_CENTRE.code,
			name: BENCH_CENTRE.name,
			device: IMPORTING_DEVICE
		});
		await new UserPanel(page).switchTo('王敏', '202', 'staff');
		const heap = await HeapMonitor.attach(page);
		const bench: Bench = { page, context, heap, results, ...options };
		for (const figure of figures) {
			if (options.only?.length && !options.only.includes(figure.name)) continue;
			const started = performance.now();
			await figure.run(bench);
			options.log(`${figure.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
		}
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
	return results;
}
