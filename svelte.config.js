import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SPA: every route is rendered in the browser; index.html is the fallback for deep links.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		},
		version: { pollInterval: 0 },
		// The benchmark (bench/) is TypeScript over the app's code: svelte-check covers it too.
		typescript: {
			config: (config) => {
				config.include.push('../bench/**/*.ts');
			}
		}
	}
};

export default config;
