import { describe, expect, it } from 'vitest';
import { FIELDS_SCHEMAS } from './record';
import { toRecordIssues } from './issues';
import {
	invoiceFromForm,
	quoteFromForm,
	quoteToForm,
	partsFromForm,
	parseWholeNumber
} from './form';
import { makeRecordFields } from './test-records';

describe('desk forms to fields', () => {
	it('reads typed unit prices exactly in fen and round-trips the stored quote', () => {
		const quote = makeRecordFields('quote');
		const form = quoteToForm(quote);
		expect(form.lines[0]).toEqual({ item: '更换锁芯', quantity: '1', unitPrice: '45.50' });
		expect(quoteFromForm(form)).toEqual({ fields: quote, issues: [] });
	});

	it('refuses a negative or absurd price at its line, naming the limit', () => {
		const form = quoteToForm(makeRecordFields('quote'));
		form.lines[0]!.unitPrice = '-3';
		form.lines[1]!.unitPrice = '20000000';
		expect(quoteFromForm(form).issues).toEqual([
			{ path: 'lines.0.unitPriceFen', code: 'negative', params: {} },
			{ path: 'lines.1.unitPriceFen', code: 'tooLarge', params: { max: '10,000,000.00' } }
		]);
	});

	it('reads a typed quantity as a number; text is not a number for the schema', () => {
		expect(parseWholeNumber(' 3 ')).toBe(3);
		expect(parseWholeNumber('三')).toBeNaN();
		const { fields } = partsFromForm({
			lines: [{ material: '100056', quantity: 'x', note: '' }],
			isDrawn: false
		});
		const parsed = FIELDS_SCHEMAS.parts.safeParse(fields);
		expect(parsed.success ? [] : toRecordIssues(parsed.error)).toEqual([
			{ path: 'lines.0.quantity', code: 'notANumber', params: {} }
		]);
	});

	it('asks for a reason when the invoice differs from the accepted quote, and allows it with one', () => {
		const form = { number: 'ZFW-1', amount: '70.00', date: '2001-03-09', mismatchReason: '' };
		expect(invoiceFromForm(form, 7550).issues).toEqual([
			{ path: 'mismatchReason', code: 'amountMismatch' }
		]);
		expect(invoiceFromForm({ ...form, mismatchReason: '客户议价优惠' }, 7550)).toEqual({
			fields: {
				number: 'ZFW-1',
				amountFen: 7000,
				date: '2001-03-09',
				mismatchReason: '客户议价优惠'
			},
			issues: []
		});
		expect(invoiceFromForm({ ...form, amount: '75.5', mismatchReason: 'x' }, 7550)).toEqual({
			fields: { number: 'ZFW-1', amountFen: 7550, date: '2001-03-09' },
			issues: []
		});
	});
});
