// Everything runs in the browser: data lives in IndexedDB, there is no server to render on.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
