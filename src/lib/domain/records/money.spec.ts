import { describe, expect, it } from 'vitest';
import { MAX_FEN, formatFen, parseFen, totalFen } from './money';

describe('money in fen', () => {
	it('parses typed amounts exactly, without floating point', () => {
		expect(parseFen('12.34')).toEqual({ ok: true, fen: 1234 });
		expect(parseFen('12.3')).toEqual({ ok: true, fen: 1230 });
		expect(parseFen('12')).toEqual({ ok: true, fen: 1200 });
		expect(parseFen('0.07')).toEqual({ ok: true, fen: 7 });
		expect(parseFen('¥ 1,234.50')).toEqual({ ok: true, fen: 123450 });
		// 0.1 + 0.2 in floating point is 0.30000000000000004; in fen it is 30.
		expect(parseFen('0.29')).toEqual({ ok: true, fen: 29 });
		expect(parseFen('1.005')).toEqual({ ok: false, issue: { code: 'tooPrecise' } });
	});

	it('refuses a negative, a non-number, an empty and an absurd amount, saying the limit', () => {
		expect(parseFen('-5')).toEqual({ ok: false, issue: { code: 'negative' } });
		expect(parseFen('abc')).toEqual({ ok: false, issue: { code: 'notANumber' } });
		expect(parseFen('1e5')).toEqual({ ok: false, issue: { code: 'notANumber' } });
		expect(parseFen('  ')).toEqual({ ok: false, issue: { code: 'required' } });
		expect(parseFen('10000000.01')).toEqual({
			ok: false,
			issue: { code: 'tooLarge', params: { max: '10,000,000.00' } }
		});
		expect(parseFen('99999999999999999999')).toMatchObject({ ok: false });
		expect(parseFen('10000000')).toEqual({ ok: true, fen: MAX_FEN });
	});

	it('sums lines as integers, exact to the fen, and formats them back', () => {
		const lines = Array.from({ length: 10 }, () => ({ quantity: 1, unitPriceFen: 10 }));
		expect(totalFen(lines)).toBe(100);
		expect(totalFen([{ quantity: 3, unitPriceFen: 3333 }])).toBe(9999);
		expect(totalFen([{ quantity: 9999, unitPriceFen: MAX_FEN }])).toBe(9_999_000_000_000);
		expect(formatFen(123456)).toBe('1,234.56');
		expect(formatFen(7)).toBe('0.07');
	});
});
