import type { Environment } from 'vitest/environments';

/**
 * A vitest environment for rune modules: node globals (no DOM), but modules are transformed by
 * Vite's client environment, so `.svelte.ts` files are compiled as they run in the browser.
 */
const runes: Environment = {
	name: 'runes',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
};

export default runes;
