#!/usr/bin/env node
// The end-to-end tests drive a real Chromium. Use the one given in CHROMIUM_PATH or Debian's
// /usr/bin/chromium; where none is found, install Debian's package if apt and root are there, and
// otherwise say exactly what to run. playwright.config.ts looks in the same places.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser'
].filter(Boolean);
const found = candidates.find((path) => existsSync(path));

if (found) {
	console.log(`Chromium for the end-to-end tests: ${found}`);
	process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
	console.log("Installing Debian's chromium for the end-to-end tests");
	execSync('apt-get update -qq', { stdio: 'inherit' });
	execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
	process.exit(0);
}

console.error(
	[
		'No Chromium was found for the end-to-end tests.',
		'On Debian or Ubuntu run:   sudo apt-get install -y chromium',
		'On a developer laptop run: npx playwright install chromium',
		'  and then point CHROMIUM_PATH at the binary it prints, e.g.',
		'  CHROMIUM_PATH="$(node -e "console.log(require(\'playwright-core\').chromium.executablePath())")" npm test',
		'Or point CHROMIUM_PATH at any Chromium or Chrome binary.'
	].join('\n')
);
process.exit(1);
