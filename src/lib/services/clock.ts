/** The current time; rune modules take it from here (a Date there reads as reactive state). */
export function currentTime(): Date {
	return new Date();
}
