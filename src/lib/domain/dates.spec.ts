import { describe, expect, it } from 'vitest';
import { isoDateSchema, isoDateTimeSchema, isValidIsoDate, isValidIsoDateTime } from './dates';

describe('one date validator', () => {
	it('defect: the schema refuses 2001-02-30T10:00Z, which Date.parse rolls over to 2 March', () => {
		expect(Number.isNaN(Date.parse('2001-02-30T10:00Z'))).toBe(false);
		for (const value of ['2001-02-30T10:00Z', '2001-02-30T10:00:00Z', '2001-02-30T10:00:00.000Z']) {
			expect(isValidIsoDateTime(value), value).toBe(false);
			expect(isoDateTimeSchema.safeParse(value).error?.issues[0]?.message, value).toBe(
				'invalidDate'
			);
		}
		expect(isoDateSchema.safeParse('2001-02-30').error?.issues[0]?.message).toBe('invalidDate');
	});

	it('knows leap days: 29 February only in leap years (2000 and 2004 yes, 1900 and 2001 no)', () => {
		for (const year of ['2000', '2004', '2024']) {
			expect(isValidIsoDate(`${year}-02-29`), year).toBe(true);
			expect(isValidIsoDateTime(`${year}-02-29T10:00:00Z`), year).toBe(true);
		}
		for (const year of ['1900', '2001', '2100']) {
			expect(isValidIsoDate(`${year}-02-29`), year).toBe(false);
			expect(isValidIsoDateTime(`${year}-02-29T10:00:00Z`), year).toBe(false);
		}
	});

	it('keeps the moments the app stores, with milliseconds or an offset', () => {
		for (const value of [
			'2001-03-07T08:00:00.000Z',
			'2001-03-07T08:00:00Z',
			new Date(2001, 2, 7, 9, 0).toISOString(),
			'2001-03-07T16:00:00+08:00'
		]) {
			expect(isoDateTimeSchema.parse(value)).toBe(value);
		}
	});

	it('refuses what names no moment: no time, no zone, an hour 24, or no text', () => {
		for (const value of ['2001-03-07', '2001-03-07T08:00:00', '2001-03-07T24:00:00Z', 'x']) {
			expect(isValidIsoDateTime(value), value).toBe(false);
		}
		expect(isoDateTimeSchema.safeParse('').error?.issues[0]?.message).toBe('required');
		expect(isoDateSchema.safeParse('2001/03/07').error?.issues[0]?.message).toBe('invalidDate');
	});
});
