import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { AppShell } from './pages/app-shell';
import { startSetUpDevice } from './support/device';

/** The built file of the command box's parser, from the build's Vite manifest. */
function commandChunk(): string {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string }>;
	const chunk = manifest['src/lib/domain/command.ts'];
	if (!chunk) throw new Error('the build has no chunk of src/lib/domain/command.ts');
	return chunk.file;
}

test('a page whose code chunk fails to load after an update says to reload, not a blank page', async ({
	page
}) => {
	await startSetUpDevice(page);
	// The files of the old version are gone from the server, as after a deployment.
	await page.route('**/_app/immutable/nodes/**', (route) =>
		route.fulfill({ status: 404, body: '' })
	);
	await page.getByRole('navigation').getByRole('link', { name: '工作计划表' }).click();
	await expect(page.getByText('应用已更新，此页面需要重新加载才能打开。')).toBeVisible();
	await page.unroute('**/_app/immutable/nodes/**');
	await page.getByRole('button', { name: '重新加载' }).click();
	await expect(
		page.getByRole('navigation').getByRole('link', { name: '工作计划表' })
	).toHaveAttribute('aria-current', 'page');
});

test('the command box says to reload when its code fails to load after an update', async ({
	page,
	problems
}) => {
	await startSetUpDevice(page);
	// Only the command box's chunk is gone: other chunks the page loads meanwhile still load.
	await page.route(`**/${commandChunk()}`, (route) => route.fulfill({ status: 404, body: '' }));
	await new AppShell(page).runCommand('IW59');
	await expect(new AppShell(page).commandMessage()).toHaveText(
		'应用已更新，此页面需要重新加载才能打开。'
	);
	await expect(page).toHaveURL(/\/$/);
	expect(problems.errors).toEqual([]);
});
