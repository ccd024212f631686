/**
 * Whether an error says a code chunk could not be loaded, as happens when an update replaced the
 * files an open page still refers to. The answer is a reload, not a blank page.
 */
export function isChunkLoadError(message: string | undefined): boolean {
	if (!message) return false;
	return /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
		message
	);
}
