import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** The same Chromium that scripts/ensure-chromium.js finds (or installed). */
const chromiumPath =
	[process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
		(path): path is string => !!path && existsSync(path)
	) ?? '/usr/bin/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4321);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// A focused test would silently drop the rest of the suite: never allowed, in CI or not.
	forbidOnly: true,
	timeout: 60_000,
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
	webServer: {
		// The production build behind a plain static server: the only setup with the service worker.
		command: `node scripts/serve.js build`,
		env: { PORT: String(PORT) },
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
