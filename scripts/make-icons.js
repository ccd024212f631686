#!/usr/bin/env node
// Renders the app icons (static/icons/*.png, static/favicon.png) with Chromium and the bundled
// CJK font, so they can be made again on any machine: node scripts/make-icons.js
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const font = readFileSync(
	'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'
).toString('base64');

/** An icon page: the character 售 in white on the brand blue; maskable icons keep a safe margin. */
function html(size, isMaskable) {
	const radius = isMaskable ? 0 : size * 0.18;
	const fontSize = isMaskable ? size * 0.42 : size * 0.62;
	return `<html><head><style>
@font-face { font-family: 'Noto Sans SC'; src: url(data:font/woff;base64,${font}) format('woff'); }
body { margin: 0; }
div { width: ${size}px; height: ${size}px; border-radius: ${radius}px; background: #0a6ed1; color: #fff;
  display: flex; align-items: center; justify-content: center; font: ${fontSize}px 'Noto Sans SC'; }
</style></head><body><div>售</div></body></html>`;
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage();
for (const [file, size, isMaskable] of [
	['static/icons/icon-192.png', 192, false],
	['static/icons/icon-512.png', 512, false],
	['static/icons/icon-maskable-512.png', 512, true],
	['static/favicon.png', 48, false]
]) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(html(size, isMaskable));
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: file, omitBackground: true });
	console.log(`wrote ${file}`);
}
await browser.close();
