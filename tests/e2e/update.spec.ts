import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SettingsPage } from './pages/settings-page';
import { SetupPage } from './pages/setup-page';
import { startSetUpDevice } from './support/device';
import { waitForServiceWorker, waitForServiceWorkerControl } from './support/service-worker';
import { startStaticServer, type StaticServer } from './support/static-server';

const run = promisify(execFile);

/** Its own origin: the update replaces what is served there, which the shared server must not see. */
const PORT = Number(process.env.E2E_UPDATE_PORT ?? 4322);
const BUILD_A = resolve('build');
/** What a build reads from the project; node_modules is linked, not copied. */
const SOURCES = [
	'src',
	'static',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];
let workspaceB: string | undefined;
let buildB: string;
let server: StaticServer | undefined;

test.use({ baseURL: `http://localhost:${PORT}` });

test.beforeAll(async () => {
	test.setTimeout(180_000);
	// Version B: the same source built again with a build tag, so every chunk and the worker differ.
	// It is built in a copy of the project, so build/ and .svelte-kit/ are never touched.
	workspaceB = await mkdtemp(join(tmpdir(), 'shouhou-version-b-'));
	await Promise.all(SOURCES.map((name) => cp(name, join(workspaceB!, name), { recursive: true })));
	await symlink(resolve('node_modules'), join(workspaceB, 'node_modules'), 'dir');
	await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
		cwd: workspaceB,
		env: { ...process.env, SHOUHOU_BUILD_TAG: 'b' },
		maxBuffer: 64 * 1024 * 1024
	});
	buildB = join(workspaceB, 'build');
	const [versionA, versionB] = await Promise.all(
		[BUILD_A, buildB].map((dir) => readFile(join(dir, '_app/version.json'), 'utf8'))
	);
	expect(versionB, 'build B differs from build A').not.toBe(versionA);
});

test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

test.afterAll(async () => {
	if (workspaceB) await rm(workspaceB, { recursive: true, force: true });
});

test('an update found on a first visit keeps the typed form and reloads into the new version', async ({
	page,
	problems
}) => {
	server = await startStaticServer(BUILD_A, PORT);
	await page.goto('/setup');
	const setup = new SetupPage(page);
	const shell = new AppShell(page);
	await waitForServiceWorker(page);
	// A first visit: the page is not controlled by the worker (it does not claim open pages).
	expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

	await setup.centreCode().fill('4002');
	await setup.centreName().fill('上海服务中心（未提交）');

	// The host now serves version B; the app finds it on its next update check.
	await server.stop();
	server = await startStaticServer(buildB, PORT);
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});

	await expect(shell.updatePrompt()).toBeVisible();
	// Nothing activates by itself: the form is untouched until the user agrees.
	await expect(setup.centreName()).toHaveValue('上海服务中心（未提交）');

	const reloaded = page.waitForEvent('load');
	await shell.updatePrompt().getByRole('button', { name: '更新并重新加载' }).click();
	await reloaded;

	await expect(setup.centreName()).toHaveValue('上海服务中心（未提交）');
	await expect(setup.centreCode()).toHaveValue('4002');
	await expect(shell.updatePrompt()).toBeHidden();
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await setup.deviceCode().fill('01');
	await setup.fillPin();
	await setup.submit().click();
	await expect(shell.centreBadge()).toHaveText('4002 · 01');
	const settings = new SettingsPage(page);
	await settings.goto();
	await expect(settings.version()).toHaveText(/\+b$/);
	expect(problems.errors).toEqual([]);
});

test('on a page the worker controls, the new version waits until the user reloads into it', async ({
	page,
	problems
}) => {
	server = await startStaticServer(BUILD_A, PORT);
	await startSetUpDevice(page);
	await waitForServiceWorkerControl(page);
	const settings = new SettingsPage(page);
	const shell = new AppShell(page);
	await settings.goto();
	await expect(settings.version()).toHaveText(/^版本 \d+\.\d+\.\d+$/);

	await server.stop();
	server = await startStaticServer(buildB, PORT);
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});

	await expect(shell.updatePrompt()).toBeVisible();
	const isWaiting = await page.evaluate(
		async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null
	);
	expect(isWaiting, 'version B waits for the user').toBe(true);
	await expect(settings.version()).not.toHaveText(/\+b$/);

	const reloaded = page.waitForEvent('load');
	await shell.updatePrompt().getByRole('button', { name: '更新并重新加载' }).click();
	await reloaded;
	await expect(settings.version()).toHaveText(/\+b$/);
	await expect(shell.centreBadge()).toHaveText('4002 · 01');
	expect(problems.errors).toEqual([]);
});
