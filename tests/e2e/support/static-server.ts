import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A running `scripts/serve.js` over one build folder. */
export interface StaticServer {
	readonly url: string;
	stop(): Promise<void>;
}

/**
 * Serves a build folder with the project's own static server (SPA fallback, strict CSP) on `port`,
 * as a shop's host would; resolves once it listens.
 */
export async function startStaticServer(root: string, port: number): Promise<StaticServer> {
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js', root], {
		env: { ...process.env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await new Promise<void>((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(`http://localhost:${port}/`)) resolve();
		});
		child.once('exit', (code) =>
			reject(new Error(`serve.js ${root} exited with ${code} before listening:\n${output}`))
		);
	});
	return {
		url: `http://localhost:${port}`,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			await exited;
		}
	};
}
