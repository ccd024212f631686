import { describe, expect, it } from 'vitest';
import { hashPin, pinHashSchema, pinSchema, verifyPin } from './pin';

describe('supervisor PIN', () => {
	it('stores a salted hash, never the PIN', async () => {
		const stored = await hashPin('4711', 10_000);
		expect(pinHashSchema.parse(stored)).toEqual(stored);
		expect(JSON.stringify(stored)).not.toContain('4711');
		const again = await hashPin('4711', 10_000);
		expect(again.salt).not.toBe(stored.salt);
		expect(again.hash).not.toBe(stored.hash);
	});

	it('accepts the right PIN and refuses a wrong one', async () => {
		const stored = await hashPin('4711', 10_000);
		expect(await verifyPin('4711', stored)).toBe(true);
		expect(await verifyPin('4712', stored)).toBe(false);
		expect(await verifyPin('', stored)).toBe(false);
	});

	it('takes 4 to 8 digits', () => {
		expect(pinSchema.safeParse('1234').success).toBe(true);
		expect(pinSchema.safeParse('12345678').success).toBe(true);
		expect(pinSchema.safeParse('123').error?.issues[0]?.message).toBe('pattern');
		expect(pinSchema.safeParse('12ab').error?.issues[0]?.message).toBe('pattern');
		expect(pinSchema.safeParse('').error?.issues[0]?.message).toBe('required');
	});
});
