const COOKIE = 'shouhou-browser-session';

let cached: string | undefined;

/**
 * An id of this browser session: shared by every tab of the app, gone when the browser closes.
 * It is a session cookie (no expiry): sessionStorage would be per tab (a new tab would drop the
 * supervisor role, a duplicated tab would copy it), and nothing in IndexedDB or localStorage
 * ends with the browser. Where cookies are blocked each page gets its own id, so the role then
 * holds in one tab only: stricter, never looser.
 */
export function browserSessionId(): string {
	if (cached) return cached;
	const found = document.cookie
		.split('; ')
		.find((pair) => pair.startsWith(`${COOKIE}=`))
		?.slice(COOKIE.length + 1);
	cached = found || crypto.randomUUID();
	if (!found) document.cookie = `${COOKIE}=${cached}; path=/; SameSite=Strict`;
	return cached;
}
