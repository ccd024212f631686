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
