import { defineConfig } from 'vitest/config';

/**
 * `npm run bench`: the benchmarks in `bench/`, run once each under node with fake-indexeddb. They
 * print figures and check correctness; they never assert wall-clock times. Not part of `npm test`.
 */
export default defineConfig({
	define: { __APP_VERSION__: JSON.stringify('bench') },
	test: {
		include: ['bench/**/*.bench.ts'],
		environment: 'node',
		pool: 'forks',
		// --expose-gc: a collection before each step, so its heap figure is its own.
		execArgv: ['--expose-gc', '--max-old-space-size=8192'],
		testTimeout: 30 * 60_000,
		hookTimeout: 5 * 60_000,
		// The figures go straight to the terminal, as they are printed.
		disableConsoleIntercept: true
	}
});
