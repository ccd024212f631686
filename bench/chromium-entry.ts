import { formatRows, runExchangeBenchmark } from './exchange-scenario';

/** The scenario in the page `bench/chromium.mjs` opens; it reads the result from `window`. */
const n = Number(new URLSearchParams(location.search).get('n') ?? 100_000);
/** Chromium's `performance.memory` is a snapshot: read it anew each time. */
const heapUsed = () =>
	(performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

(window as { benchResult?: Promise<{ table?: string; error?: string }> }).benchResult =
	runExchangeBenchmark(n, {
		heapUsed,
		collect: () => (globalThis as { gc?: () => void }).gc?.(),
		listQuery: true
	}).then(
		(rows) => ({ table: formatRows(rows) }),
		(error: unknown) => ({
			error: error instanceof Error ? (error.stack ?? error.message) : String(error)
		})
	);
