#!/usr/bin/env node
// The end-to-end tests drive a real Chromium. Use the one given in CHROMIUM_PATH or Debian's
// /usr/bin/chromium; where none is found, install Debian's package if apt and root are there, and
// otherwise say exactly what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser'
].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
const hasPdfTools = existsSync('/usr/bin/pdftotext');

if (found && hasPdfTools) {
	console.log(`Chromium for the end-to-end tests: ${found}`);
	process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const packages = [found ? '' : 'chromium', hasPdfTools ? '' : 'poppler-utils']
	.filter(Boolean)
	.join(' ');

if (isRoot && hasApt) {
	console.log(`Installing Debian packages for the end-to-end tests: ${packages}`);
	execSync('apt-get update -qq', { stdio: 'inherit' });
	execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, {
		stdio: 'inherit'
	});
	process.exit(0);
}

if (!found) {
	console.error(
		[
			'No Chromium was found for the end-to-end tests.',
			'On Debian or Ubuntu run:   sudo apt-get install -y chromium poppler-utils',
			'On a developer laptop run: npx playwright install chromium',
			'  and then: CHROMIUM_PATH="$(node -e \\"console.log(require(\'playwright-core\').chromium.executablePath())\\")" npm test',
			'Or point CHROMIUM_PATH at any Chromium or Chrome binary.'
		].join('\n')
	);
	process.exit(1);
}
console.warn(
	'poppler-utils (pdftotext, pdffonts) is missing; the PDF checks will fail. Install it with: sudo apt-get install -y poppler-utils'
);
