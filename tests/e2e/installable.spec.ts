import { chromium, type APIRequestContext } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, watchProblems } from './fixtures';
import { waitForServiceWorker } from './support/service-worker';

interface ManifestIcon {
	src: string;
	sizes: string;
	type?: string;
	purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG file').toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchIcon(request: APIRequestContext, icon: ManifestIcon) {
	const response = await request.get(icon.src);
	expect(response.status(), icon.src).toBe(200);
	expect(response.headers()['content-type']).toBe('image/png');
	return pngSize(await response.body());
}

test('the manifest names the app in Chinese and has 192, 512 and maskable icons', async ({
	request
}) => {
	const response = await request.get('/manifest.webmanifest');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };

	expect(manifest.name).toMatch(/^售后服务通知/);
	expect(manifest.short_name).toBe('售后');
	expect(manifest.lang).toBe('zh-CN');
	expect(manifest).toMatchObject({ start_url: '/', scope: '/', display: 'standalone' });

	const sizes = manifest.icons.map((icon) => icon.sizes);
	expect(sizes).toContain('192x192');
	expect(sizes).toContain('512x512');
	const maskable = manifest.icons.filter((icon) => icon.purpose?.split(' ').includes('maskable'));
	expect(maskable).toHaveLength(1);
	for (const icon of manifest.icons) {
		const [width, height] = icon.sizes.split('x').map(Number);
		expect(await fetchIcon(request, icon), `${icon.src} is ${icon.sizes}`).toEqual({
			width,
			height
		});
	}
});

test('Chromium finds the app installable: no installability errors', async ({
	baseURL,
	launchOptions
}) => {
	// Installability is only reported for a normal (persistent) profile, not an incognito context.
	const profile = await mkdtemp(join(tmpdir(), 'shouhou-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		...launchOptions,
		baseURL,
		locale: 'zh-CN',
		serviceWorkers: 'allow'
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const problems = await watchProblems(page);
		await page.goto('/');
		await waitForServiceWorker(page);

		const cdp = await context.newCDPSession(page);
		const manifest = (await cdp.send('Page.getAppManifest')) as {
			url: string;
			errors: unknown[];
		};
		expect(manifest.url).toBe(`${baseURL}/manifest.webmanifest`);
		expect(manifest.errors).toEqual([]);
		await expect
			.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, {
				message: 'Page.getInstallabilityErrors'
			})
			.toEqual([]);
		expect(problems.errors).toEqual([]);
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
});
