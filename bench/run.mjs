#!/usr/bin/env node
// `npm run bench`: loads the TypeScript benchmark (bench/main.ts) through Vite's module runner, so
// it uses the app's own domain and exchange code as they are, without a build step of its own.
import { runnerImport } from 'vite';

const { module } = await runnerImport('./bench/main.ts', {
	configFile: false,
	logLevel: 'warn',
	define: { __APP_VERSION__: JSON.stringify('bench') }
});
try {
	process.exitCode = await module.main(process.argv.slice(2));
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
}
