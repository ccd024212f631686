import { describe, expect, it } from 'vitest';
import { atMost, characterCount, shortened } from './text';

describe('texts counted in characters', () => {
	it('counts a character outside the basic plane as one', () => {
		expect(characterCount('𠀀𪚥锁')).toBe(3);
		expect(atMost(2)('𠀀𪚥')).toBe(true);
		expect(atMost(2)('𠀀𪚥锁')).toBe(false);
	});

	it('shortens a long text to the most characters asked, "…" included, never halving 𠀀', () => {
		expect(shortened('VA01', 40)).toBe('VA01');
		expect(shortened('𠀀𪚥'.repeat(20), 40)).toBe('𠀀𪚥'.repeat(20));
		const cut = shortened('𠀀𪚥'.repeat(5000), 40);
		expect(characterCount(cut)).toBe(40);
		expect(cut).toBe(`${'𠀀𪚥'.repeat(19)}𠀀…`);
		expect(shortened('x'.repeat(10_000), 10)).toBe('xxxxxxxxx…');
	});
});
