import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyTally, localDay, tallyOf, tallyRow, tallySignature } from './overview-tally';
import { at, rowsArbitrary, TODAY } from './overview-tally.test-rows';

describe('the overview tally', () => {
	it('takes a row away exactly: a change is the old row out and the new row in', () => {
		fc.assert(
			fc.property(rowsArbitrary, rowsArbitrary, (before, after) => {
				// The same numbers, first as `before` then changed to `after` (deleted where shorter).
				const tally = tallyOf(before);
				for (const row of before) tallyRow(tally, row, -1);
				for (const row of after) tallyRow(tally, row, 1);
				expect(tally).toEqual(tallyOf(after));
			})
		);
	});

	it('forgets every count of rows taken away (no zero keys left behind)', () => {
		fc.assert(
			fc.property(rowsArbitrary, (rows) => {
				const tally = tallyOf(rows);
				for (const row of rows) tallyRow(tally, row, -1);
				for (const centre of Object.values(tally.centres)) {
					for (const counts of Object.values(centre)) expect(counts).toEqual({});
				}
			})
		);
	});

	it('counts moments by their local day, and an unreadable one by none', () => {
		expect(localDay(at(0, 0))).toBe(TODAY);
		expect(localDay(at(0, 23))).toBe(TODAY);
		expect(localDay('')).toBe('');
		expect(localDay('not a moment')).toBe('');
		expect(emptyTally('Asia/Shanghai')).toEqual({ timeZone: 'Asia/Shanghai', centres: {} });
	});

	it('gives rows that count the same one signature: a change keeping it leaves the tally as it is', () => {
		fc.assert(
			fc.property(rowsArbitrary, rowsArbitrary, (rows, others) => {
				rows.forEach((row, index) => {
					const edited = { ...row, description: '又坏了', text: '又坏了', shipTo: '99' };
					expect(tallySignature(edited)).toBe(tallySignature(row));
					// Same signature, same counts (a different one may still count the same).
					const other = others[index];
					if (other && tallySignature({ ...other, number: row.number }) === tallySignature(row)) {
						expect(tallyOf([{ ...other, number: row.number }])).toEqual(tallyOf([row]));
					}
					expect(tallySignature({ ...row, requiredEnd: `${row.requiredEnd}x` })).not.toBe(
						tallySignature(row)
					);
				});
			})
		);
	});
});
