import { test as base, expect, type Page } from '@playwright/test';

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

/** A test with a `problems` fixture that fails the test on any CSP violation or page error. */
export const test = base.extend<{ problems: PageProblems }>({
	problems: async ({ page }, use) => {
		const problems = await watchProblems(page);
		await use(problems);
		expect(problems.errors, 'no CSP violation or page error').toEqual([]);
	}
});

export { expect };
