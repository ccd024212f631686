/**
 * The way back to where a first visit was headed: a new device opened at a deep link (a bookmark,
 * a link in a mail) goes to set-up first, and from there on to that page, not to the start page.
 */

/** The set-up page, remembering the page asked for (nothing to remember for the start page). */
export function setupHref(pathname: string, search: string): string {
	if (pathname === '/' && search === '') return '/setup';
	return `/setup?next=${encodeURIComponent(pathname + search)}`;
}

/**
 * Where to go after set-up: the remembered page when it is a path of this app (never another
 * site, `//host` or `/\host`, and never set-up itself), else the start page.
 */
export function returnPath(next: string | null): string {
	if (!next?.startsWith('/')) return '/';
	// `//host` and `/\host` parse as another host: the origin check refuses them.
	const url = new URL(next, 'http://app.invalid');
	if (url.origin !== 'http://app.invalid' || url.pathname === '/setup') return '/';
	return url.pathname + url.search + url.hash;
}
