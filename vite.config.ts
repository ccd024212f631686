import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
// A build tag (e.g. for the update test) makes two builds of one version differ.
const appVersion = process.env.SHOUHOU_BUILD_TAG
	? `${pkg.version}+${process.env.SHOUHOU_BUILD_TAG}`
	: pkg.version;
const manifestRevision = createHash('sha256')
	.update(readFileSync('static/manifest.webmanifest'))
	.digest('hex')
	.slice(0, 16);

export default defineConfig({
	define: { __APP_VERSION__: JSON.stringify(appVersion) },
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// The app asks before it activates a new version: an open form must be saved first.
			registerType: 'prompt',
			injectRegister: false,
			strategies: 'generateSW',
			manifest: false,
			// Absolute, whatever the first URL: SvelteKit's relative base would make a first visit at
			// /notifications/new register /notifications/sw.js, which the host answers 404.
			base: '/',
			buildBase: '/',
			scope: '/',
			kit: {
				adapterFallback: 'index.html',
				spa: { fallbackMapping: '/' }
			},
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,woff,woff2,webmanifest,json}'],
				// The CJK font (1.6 MB) must be precached so PDFs and the UI work offline.
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
				// The plugin leaves the static manifest out of the precache; installability offline needs it.
				additionalManifestEntries: [{ url: 'manifest.webmanifest', revision: manifestRevision }],
				navigateFallback: '/',
				cleanupOutdatedCaches: true,
				clientsClaim: false,
				skipWaiting: false
			},
			devOptions: { enabled: false }
		})
	],
	test: {
		setupFiles: ['src/test-setup.ts'],
		// Vitest leaves one core free by default: one worker on a 2-core machine, where the unit tests
		// then take 135 s instead of 84 s (measured). The files are independent (each has its own
		// fake IndexedDB), so two workers at least.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// With two workers on two cores a test takes up to twice its time alone: the 50 MB field
		// test takes 2.7 s alone here and ran past 5 s (Vitest's default) on CI. A hang still fails.
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts'],
					exclude: [...configDefaults.exclude, 'src/**/*.svelte.spec.ts'],
					environment: 'node'
				}
			},
			{
				// Rune modules (`*.svelte.spec.ts`) must be compiled for the client, with Svelte's browser
				// runtime: the server build of Svelte never runs `$effect`.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['src/**/*.svelte.spec.ts'],
					environment: './src/test-environment-runes.ts'
				}
			}
		]
	}
});
