// `npm run bench` (Chromium part): the exchange scenario of `exchange-scenario.ts` in Chromium,
// on its real, disk-backed IndexedDB. Vite's dev server compiles the TypeScript for the page (no
// build); Playwright drives the same Chromium as the end-to-end tests. BENCH_N as for node.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const n = Number(process.env.BENCH_N ?? 100_000);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const server = await createServer({
	configFile: false,
	root: process.cwd(),
	define: { __APP_VERSION__: JSON.stringify('bench') },
	// Its own dependency cache, so the app's dev server keeps its own.
	cacheDir: join(tmpdir(), 'shouhou-bench-vite'),
	logLevel: 'warn',
	clearScreen: false,
	// No watcher and no HMR: an edit elsewhere in the tree must not reload the page mid-run.
	server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
	optimizeDeps: { entries: ['bench/chromium.html'] }
});
// A persistent profile: an incognito context would keep IndexedDB in memory.
const profile = await mkdtemp(join(tmpdir(), 'shouhou-bench-'));
let context;
try {
	await server.listen();
	const url = `${server.resolvedUrls.local[0]}bench/chromium.html?n=${n}`;
	context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: ['--enable-precise-memory-info', '--js-flags=--expose-gc']
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (error) => console.error(error));
	page.on('crash', () => console.error('the page crashed (out of memory?)'));
	const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
	const started = performance.now();
	await page.goto(url);
	await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: 60_000 });
	const result = await page.evaluate(() => window.benchResult);
	const total = (performance.now() - started) / 1000;
	if (result.error) throw new Error(result.error);
	console.log(
		[
			'',
			`Exchange, N = ${n.toLocaleString('en')}: Chromium ${version} (headless, IndexedDB on disk), ` +
				`${new Date().toISOString().slice(0, 10)}`,
			'',
			result.table,
			'',
			`total ${total.toFixed(1)} s. Peak heap: performance.memory.usedJSHeapSize, sampled.`,
			''
		].join('\n')
	);
} finally {
	await context?.close();
	await server.close();
	await rm(profile, { recursive: true, force: true });
}
