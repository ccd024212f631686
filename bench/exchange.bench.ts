// Dexie takes the global IndexedDB when it loads: fake-indexeddb must come first.
import 'fake-indexeddb/auto';
import { cpus } from 'node:os';
import { it } from 'vitest';
import { formatRows, runExchangeBenchmark } from './exchange-scenario';

/**
 * `npm run bench` (node part): the exchange scenario of `exchange-scenario.ts` on fake-indexeddb.
 * `BENCH_N=10000 npm run bench` for a quicker run. The list query is skipped here: fake-indexeddb
 * walks every record with an equal index key at each cursor step (quadratic on `centre`: 5,000
 * rows took 16 s); `bench/chromium.mjs` measures it on Chromium's IndexedDB.
 */
const N = Number(process.env.BENCH_N ?? 100_000);

it(`exchange, ${N.toLocaleString('en')} notifications, node`, async () => {
	const started = performance.now();
	const rows = await runExchangeBenchmark(N, {
		heapUsed: () => process.memoryUsage().heapUsed,
		collect: () => (globalThis as { gc?: () => void }).gc?.(),
		listQuery: false
	});
	const total = (performance.now() - started) / 1000;
	const maxRss = Math.round(process.resourceUsage().maxRSS / 1024);
	console.log(
		[
			'',
			`Exchange, N = ${N.toLocaleString('en')}: node ${process.version}, ${cpus().length} cores, ` +
				`fake-indexeddb (IndexedDB in memory), ${new Date().toISOString().slice(0, 10)}`,
			'',
			formatRows(rows),
			'',
			`total ${total.toFixed(1)} s, max RSS ${maxRss} MB.`,
			'The IndexedDB steps here run on fake-indexeddb; Chromium (bench/chromium.mjs) is the figure that matters.',
			''
		].join('\n')
	);
});
