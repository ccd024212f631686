import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** The same Chromium that scripts/ensure-chromium.js finds (or installed). */
const chromiumPath =
	[process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
		(path): path is string => !!path && existsSync(path)
	) ?? '/usr/bin/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4321);

/** Specs with timed checks (within 1 s, a reload 0.1 s after typing, CPU ×4) or a build of their own. */
const TIMED = [
	'**/faults.spec.ts',
	'**/list.spec.ts',
	'**/ui-defects.spec.ts',
	'**/update.spec.ts'
];

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// Two spec files at a time, the timed ones after them alone (projects below).
	workers: 2,
	retries: 0,
	// A focused test would silently drop the rest of the suite: never allowed, in CI or not.
	forbidOnly: true,
	// Two Chromiums share the cores: a flow that takes 30 s alone took up to 50 s beside another.
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		serviceWorkers: 'allow',
		locale: 'zh-CN',
		launchOptions: {
			executablePath: chromiumPath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'flows', testIgnore: TIMED },
		// Checks of what happens within a second, under CPU throttling, or beside a build: alone, so
		// another browser's work never makes them fail. `npm run test:e2e` runs this project after
		// `flows` (a project dependency would also run every flow before a single timed file).
		{ name: 'timed', testMatch: TIMED, workers: 1 }
	],
	webServer: {
		// The production build behind a plain static server: the only setup with the service worker.
		command: `node scripts/serve.js build`,
		env: { PORT: String(PORT) },
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
