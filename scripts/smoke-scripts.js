#!/usr/bin/env node
// The scripts a newcomer runs from README and CONTRIBUTING must work on a fresh clone right after
// `npm ci` (issue: `npm run bench` once failed there, before anything had run `svelte-kit sync`).
// `npm test` runs this first, before `npm run check` syncs, so CI's fresh clone proves it: the
// benchmark runs at a tiny size (BENCH_N=200, a few seconds) and must succeed.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const runs = [{ script: 'bench', env: { BENCH_N: '200' } }];

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
