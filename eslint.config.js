import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			// Text from users or imported files must never become markup.
			'svelte/no-at-html-tags': 'error',
			// The app is always served from the root of its origin (no base path), so resolve() adds nothing.
			'svelte/no-navigation-without-resolve': 'off',
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		// The layers of docs/architecture.md: domain logic imports nothing of the app or its libraries.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'svelte',
								'svelte/*',
								'$app/*',
								'dexie',
								'jspdf',
								'jspdf-autotable',
								'$lib/*',
								'**/data/*',
								'**/pdf/*',
								'**/services/*',
								'**/components/*',
								'**/exchange/*',
								'**/i18n/*'
							],
							message: 'domain/ is plain TypeScript: no UI, storage, PDF or i18n imports.'
						}
					]
				}
			]
		}
	},
	{
		// pdf/ is model in, Blob out: it takes words as input and reads no locale, store or screen.
		files: ['src/lib/pdf/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'svelte',
								'svelte/*',
								'$app/*',
								'dexie',
								'$lib/data/*',
								'$lib/services/*',
								'$lib/components/*',
								'$lib/exchange/*',
								'$lib/i18n',
								'$lib/i18n/*',
								'**/data/*',
								'**/services/*',
								'**/components/*',
								'**/exchange/*',
								'**/i18n/*'
							],
							message: 'pdf/ imports only domain/ and its own libraries: labels come in as input.'
						}
					]
				}
			]
		}
	},
	{
		// Only the data layer talks to Dexie. Domain and pdf files are left out here because a later
		// block's `no-restricted-imports` would replace their stricter rules above (which ban dexie too).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/data/**', 'src/lib/domain/**', 'src/lib/pdf/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: 'dexie', message: 'Only src/lib/data imports dexie.' }] }
			]
		}
	}
);
