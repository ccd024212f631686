import { describe, expect, it } from 'vitest';
import { ratioToFloor } from './figures';

describe('a ratio to the floor', () => {
	it('keeps two decimals, so a ratio just over the target is not rounded down onto it', () => {
		expect(ratioToFloor(63_033.6, 40_787.5)).toBe(1.55);
		expect(ratioToFloor(62_465.2, 41_046.8)).toBe(1.52);
		expect(ratioToFloor(50_423.2, 36_284.4)).toBe(1.39);
		expect(ratioToFloor(15, 10)).toBe(1.5);
	});
});
