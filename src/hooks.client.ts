import type { HandleClientError } from '@sveltejs/kit';

/**
 * Passes the real message on, so the error page can tell a failed chunk load from other errors.
 * A path that is no page (404) is the user's typo or an old bookmark, not a fault: the error page
 * says so, and nothing is logged as an error.
 */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: error instanceof Error ? error.message : String(error) };
};
