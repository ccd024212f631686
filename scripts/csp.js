#!/usr/bin/env node
// The Content-Security-Policy of the built app: 'self' plus the SHA-256 hash of each inline script
// of build/index.html, no eval. scripts/serve.js sends it; `node scripts/csp.js [build]` prints it
// for a static host's configuration (docs/deploying.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The hashes (`'sha256-…'`) of the inline scripts of an HTML page.
 * @param {string} html
 */
export function inlineScriptHashes(html) {
	return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
		(match) =>
			`'sha256-${createHash('sha256')
				.update(match[1] ?? '')
				.digest('base64')}'`
	);
}

/**
 * The CSP for a page: 'self' plus the hash of each inline script it carries, no eval.
 * @param {string} html
 */
export function contentSecurityPolicy(html) {
	return [
		"default-src 'self'",
		`script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"worker-src 'self' blob:",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = resolve(process.argv[2] ?? 'build');
	console.log(contentSecurityPolicy(readFileSync(join(root, 'index.html'), 'utf8')));
}
