import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/** Console errors and CSP violations seen on a page; every spec checks they stay empty. */
export interface PageProblems {
	errors: string[];
}

/** Records CSP violations and page errors for a page. */
export async function watchProblems(page: Page): Promise<PageProblems> {
	const problems: PageProblems = { errors: [] };
	page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
			problems.errors.push(`csp: ${message.text()}`);
		}
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(
				`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`
			);
		});
	});
	return problems;
}

/** Opens a page of another device: its own browser profile (IndexedDB), no service worker. */
export type OtherDevice = () => Promise<Page>;

/**
 * A test with a `problems` fixture that fails the test on any CSP violation or page error, and an
 * `otherDevice` fixture for tests with several devices, whose pages are checked the same way.
 */
export const test = base.extend<{ problems: PageProblems; otherDevice: OtherDevice }>({
	problems: async ({ page }, use) => {
		const problems = await watchProblems(page);
		await use(problems);
		expect(problems.errors, 'no CSP violation or page error').toEqual([]);
	},
	otherDevice: async ({ browser, baseURL }, use) => {
		const contexts: BrowserContext[] = [];
		const watched: PageProblems[] = [];
		await use(async () => {
			const context = await browser.newContext({
				baseURL,
				locale: 'zh-CN',
				serviceWorkers: 'block'
			});
			contexts.push(context);
			const page = await context.newPage();
			watched.push(await watchProblems(page));
			return page;
		});
		await Promise.all(contexts.map((context) => context.close()));
		const errors = watched.flatMap((problems) => problems.errors);
		expect(errors, 'no CSP violation or page error on the other devices').toEqual([]);
	}
});

export { expect };
