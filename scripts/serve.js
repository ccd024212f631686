#!/usr/bin/env node
// A plain static server for the production build, as a shop's host would serve it: files from the
// build folder, index.html for any other path (SPA fallback), and a strict Content-Security-Policy
// whose script hashes are read from the built index.html.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './csp.js';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

if (!existsSync(join(root, 'index.html'))) {
	console.error(`No build found in ${root}. Run "npm run build" first.`);
	process.exit(1);
}

const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
const csp = contentSecurityPolicy(indexHtml);

const server = createServer((request, response) => {
	const url = new URL(request.url ?? '/', 'http://localhost');
	let pathname;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		response.writeHead(400).end();
		return;
	}
	const candidate = normalize(join(root, pathname));
	const isInside = candidate === root || candidate.startsWith(root + sep);
	let file =
		isInside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
	if (!file && isInside && !extname(pathname)) file = join(root, 'index.html');
	if (!file) {
		response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
		return;
	}
	const type = types[extname(file)] ?? 'application/octet-stream';
	const isImmutable = file.includes(`${sep}_app${sep}immutable${sep}`);
	const headers = {
		'content-type': type,
		'cache-control': isImmutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer'
	};
	if (type.startsWith('text/html')) headers['content-security-policy'] = csp;
	response.writeHead(200, headers);
	if (request.method === 'HEAD') response.end();
	else createReadStream(file).pipe(response);
});

server.listen(port, host, () => {
	console.log(`Shouhou is being served from ${root}`);
	console.log(`Open http://localhost:${port}/ in your browser (Ctrl+C stops the server).`);
});
