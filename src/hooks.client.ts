import type { HandleClientError } from '@sveltejs/kit';

/** Passes the real message on, so the error page can tell a failed chunk load from other errors. */
export const handleError: HandleClientError = ({ error }) => {
	console.error(error);
	return { message: error instanceof Error ? error.message : String(error) };
};
