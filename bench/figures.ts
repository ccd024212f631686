/**
 * A figure's ratio to its floor, to two decimals, as the targets judge it: 1.545 is 1.55 and over
 * a 1.5 target (rounded to one decimal it read 1.5 and passed).
 */
export function ratioToFloor(app: number, floor: number): number {
	return Math.round((app / floor) * 100) / 100;
}
