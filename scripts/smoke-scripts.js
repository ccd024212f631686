#!/usr/bin/env node
// The scripts a newcomer runs from README and CONTRIBUTING must work on a fresh clone right after
// `npm ci` (issue: `npm run bench` once failed there, before anything had run `svelte-kit sync`).
// `npm test` runs this first, before `npm run check` syncs, so CI's fresh clone proves it. The
// benchmark is not here: it builds and drives Chromium, so `.ci/run` runs it after `npm test`
// (`npm run bench -- --size 200`). Add a script here that no other step runs.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** @type {{ script: string; env: Record<string, string> }[]} */
const runs = [];

for (const { script, env } of runs) {
	const result = spawnSync(npm, ['run', '--silent', script], {
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr);
		console.error(`smoke: npm run ${script} failed (exit ${result.status})`);
		process.exit(1);
	}
	console.log(`smoke: npm run ${script} works (${JSON.stringify(env)})`);
}
