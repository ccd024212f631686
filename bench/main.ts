import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { runBenchmark } from './benchmark';
import { changeableNumbers, generateExport } from './generate';

/**
 * `npm run bench [-- --size N] [--skip-build] [--only <figure>] [--profile]`: builds the production app,
 * generates N notifications (100,000 by default) as an exchange file, serves the build with
 * `scripts/serve.js` (BENCH_PORT, 4414 by default), runs the figures of `benchmark.ts` in headless
 * Chromium (CHROMIUM_PATH, /usr/bin/chromium by default), prints a table and writes
 * `bench/results.json`. Tests never assert times; this prints them.
 */

const root = process.cwd();
const buildDir = resolve(root, 'build');
const cacheDir = resolve(root, 'node_modules/.cache/shouhou-bench');
/** Where the bench puts what its server must serve besides the app (Dexie for the floors). */
const servedDir = join(buildDir, '__bench');

interface Arguments {
	size: number;
	skipBuild: boolean;
	only: string[];
	profile: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
	const parsed: Arguments = { size: 100_000, skipBuild: false, only: [], profile: false };
	for (let index = 0; index < argv.length; index += 1) {
		const argument = argv[index];
		const value = () => {
			const next = argv[(index += 1)];
			if (next === undefined) throw new Error(`${argument} needs a value`);
			return next;
		};
		if (argument === '--size') parsed.size = Number(value());
		else if (argument?.startsWith('--size=')) parsed.size = Number(argument.slice(7));
		else if (argument === '--skip-build') parsed.skipBuild = true;
		else if (argument === '--only') parsed.only.push(value());
		else if (argument === '--profile') parsed.profile = true;
		else
			throw new Error(
				`unknown argument ${argument} (use --size N, --skip-build, --only <figure>, --profile)`
			);
	}
	if (!Number.isInteger(parsed.size) || parsed.size < 50) {
		throw new Error('--size must be a whole number of at least 50');
	}
	return parsed;
}

function log(line: string): void {
	console.log(`[bench] ${line}`);
}

/** The generated file for this size, from the cache when the generator has not changed. */
async function exchangeFile(size: number): Promise<{ path: string; bytes: number }> {
	const source = await readFile(resolve(root, 'bench/generate.ts'));
	const tag = createHash('sha256').update(source).digest('hex').slice(0, 12);
	const path = join(cacheDir, `shouhou-4002-02-bench-${size}-${tag}.json`);
	if (existsSync(path)) return { path, bytes: (await stat(path)).size };
	await mkdir(cacheDir, { recursive: true });
	// Files of an older generator are never used again (a 100,000 file is 300 MB).
	for (const stale of await readdir(cacheDir)) {
		if (stale.startsWith(`shouhou-4002-02-bench-${size}-`)) await rm(join(cacheDir, stale));
	}
	const started = performance.now();
	const file = generateExport(size, (done) => {
		if (done % 10_000 === 0) log(`generated ${done.toLocaleString('en')} notifications`);
	});
	const partial = `${path}.partial`;
	await pipeline(Readable.fromWeb(file.blob.stream() as never), createWriteStream(partial));
	await rename(partial, path);
	log(
		`generated ${size.toLocaleString('en')} notifications in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
	return { path, bytes: file.blob.size };
}

/**
 * Builds `bench/work-plan-page.ts` (the app's work plan path, for the work plan PDF figure) into
 * the served `__bench/` folder: a module script and its lazy chunks and font, as the app has them.
 */
async function buildWorkPlanPage(): Promise<void> {
	await build({
		configFile: false,
		logLevel: 'warn',
		base: '/__bench/',
		define: { __APP_VERSION__: JSON.stringify('bench') },
		resolve: { alias: { $lib: resolve(root, 'src/lib') } },
		plugins: [svelte({ configFile: false })],
		build: {
			outDir: servedDir,
			emptyOutDir: false,
			assetsInlineLimit: 0,
			modulePreload: false,
			rollupOptions: {
				input: resolve(root, 'bench/work-plan-page.ts'),
				output: { entryFileNames: 'work-plan.js' }
			}
		}
	});
}

/** `scripts/serve.js` over the build on `port`; resolves once it listens. */
async function serve(port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['scripts/serve.js', buildDir], {
		env: { ...process.env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolveListening, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(`:${port}/`)) resolveListening();
		});
		child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}: ${output}`)));
	});
	return child;
}

/** Targets of the issue at 100,000 notifications: [comparison, limit]. */
const TARGETS: Record<string, ['≤' | '<', number]> = {
	import_ratio: ['≤', 1.5],
	export_ratio: ['≤', 1.5],
	filter_p95_ms: ['<', 100],
	sort_p95_ms: ['<', 100],
	search_p95_ms: ['<', 300],
	overview_ms: ['<', 1000],
	list_nodes: ['≤', 1400],
	initial_js_kb: ['<', 150],
	workplan_pdf_500_ms: ['<', 1500],
	heap_mb: ['<', 300],
	import_peak_heap_mb: ['<', 500]
};

/** The results as a table: key, value, and the target where the issue sets one (judged at 100,000). */
export function formatResults(results: Record<string, number>): string {
	const isFullSize = (results.records ?? 0) >= 100_000;
	const lines = ['| key | value | target at 100,000 |', '| --- | ---: | --- |'];
	for (const [key, value] of Object.entries(results)) {
		const target = TARGETS[key];
		const isMet = target && (target[0] === '<' ? value < target[1] : value <= target[1]);
		const verdict = !target ? '' : isFullSize ? (isMet ? ' met' : ' MISSED') : '';
		const text = target ? `${target[0]} ${target[1]}${verdict}` : '';
		lines.push(`| ${key} | ${value.toLocaleString('en')} | ${text} |`);
	}
	return lines.join('\n');
}

/** The whole run; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
	const args = parseArguments(argv);
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) {
		throw new Error(`no Chromium at ${executablePath}: install it or set CHROMIUM_PATH`);
	}
	if (!args.skipBuild) {
		log('npm run build');
		// Vite's module runner (which loaded this file) set NODE_ENV=development; a build that
		// inherits it is a development build (no service worker, Svelte's dev runtime).
		const env = { ...process.env };
		delete env.NODE_ENV;
		const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	if (!existsSync(join(buildDir, 'index.html')))
		throw new Error('no build: run without --skip-build');
	const file = await exchangeFile(args.size);
	log(`file ${(file.bytes / 1024 / 1024).toFixed(1)} MB`);
	await mkdir(servedDir, { recursive: true });
	await copyFile(resolve(root, 'node_modules/dexie/dist/dexie.mjs'), join(servedDir, 'dexie.js'));
	await copyFile(resolve(root, 'bench/floor.js'), join(servedDir, 'floor.js'));
	await buildWorkPlanPage();
	const port = Number(process.env.BENCH_PORT ?? 4414);
	const server = await serve(port);
	const started = performance.now();
	try {
		const results = await runBenchmark({
			baseUrl: `http://localhost:${port}`,
			buildDir,
			size: args.size,
			file: { ...file, name: file.path.split('/').at(-1) ?? 'bench.json', url: '' },
			changeable: changeableNumbers(args.size, 25),
			floorUrl: '/__bench/floor.js',
			workPlanUrl: '/__bench/work-plan.js',
			executablePath,
			only: args.only,
			isProfiling: args.profile,
			log
		});
		const chromium = spawnSync(executablePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
		const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB`;
		console.log(
			[
				'',
				`Shouhou benchmark, ${args.size.toLocaleString('en')} notifications: ${chromium} (headless), ${machine}, ` +
					`${new Date().toISOString().slice(0, 16)}Z, ${((performance.now() - started) / 1000).toFixed(0)} s`,
				'',
				formatResults(results),
				''
			].join('\n')
		);
		await writeFile(
			resolve(root, 'bench/results.json'),
			`${JSON.stringify(results, null, '\t')}\n`
		);
		log('written to bench/results.json');
		return 0;
	} finally {
		server.kill('SIGTERM');
		await once(server, 'exit');
		await rm(servedDir, { recursive: true, force: true });
	}
}
