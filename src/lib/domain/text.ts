/**
 * The length of a text in characters (Unicode code points), as SPEC §3 counts every limit: a rare
 * Han character outside the basic plane (𠀀) is one character, not two UTF-16 units.
 */
export function characterCount(text: string): number {
	return [...text].length;
}

/** A check that a text has at most `max` characters (code points), for zod's `refine`. */
export function atMost(max: number): (text: string) => boolean {
	// A text has no more characters than UTF-16 units: only a longer one needs counting.
	return (text) => text.length <= max || characterCount(text) <= max;
}

/**
 * A text cut to at most `max` characters (code points, so 𠀀 is never split in half), with "…"
 * in place of what was cut: for echoing what a user typed in a message.
 */
export function shortened(text: string, max: number): string {
	if (text.length <= max) return text;
	const characters = [...text];
	return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
