import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SetupPage } from './pages/setup-page';
import { waitForServiceWorkerControl } from './support/service-worker';

test('issue 8.1: a first visit at a deep link registers /sw.js with scope / and then works offline', async ({
	page,
	context,
	problems
}) => {
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('sw.js')) scripts.push(`${response.status()} ${response.url()}`);
	});
	await page.goto('/notifications/new');
	const origin = new URL(page.url()).origin;
	await expect
		.poll(
			() =>
				page.evaluate(async () =>
					(await navigator.serviceWorker.getRegistrations()).map((registration) => ({
						scope: registration.scope,
						script: (registration.installing ?? registration.waiting ?? registration.active)
							?.scriptURL
					}))
				),
			{ message: 'the one registration of the app' }
		)
		.toEqual([{ scope: `${origin}/`, script: `${origin}/sw.js` }]);
	expect(scripts.filter((line) => !line.startsWith('200 '))).toEqual([]);

	await page.waitForURL(/\/setup$/);
	await new SetupPage(page).complete();
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	const response = await page.goto('/notifications/new');
	expect(response?.fromServiceWorker(), 'the deep link comes from the service worker').toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('创建通知（IW51）');
	await expect(new AppShell(page).centreBadge()).toHaveText('4002 · 01');
	expect(problems.errors).toEqual([]);
});
