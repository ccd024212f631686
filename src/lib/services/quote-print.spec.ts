import { beforeAll, describe, expect, it } from 'vitest';
import { makeRecord } from '$lib/domain/records/test-records';
import { makeNotification } from '$lib/domain/test-factories';
import { inLocale } from '$lib/i18n';
import { quoteMissingGlyphs, quotePdf } from '$lib/pdf/quote-pdf';
import { pdfPageTexts, useFontFromDisk } from '$lib/pdf/test-support';
import { quoteLabels, quoteModel } from './quote-print';

const PRINTED_AT = new Date(2001, 2, 9, 10, 0);

beforeAll(() => useFontFromDisk());

describe('quote PDF (ZFFW)', () => {
	const quote = makeRecord('quote', {
		lines: [
			{ item: '更换锁芯', quantity: 3, unitPriceFen: 3333 },
			{ item: '上门服务费', quantity: 1, unitPriceFen: 1 }
		],
		state: 'accepted',
		sentOn: '2001-03-08',
		decidedOn: '2001-03-09'
	});

	it(
		'prints each line, the exact total in yuan and the customer’s decision',
		{ timeout: 60_000 },
		async () => {
			const model = inLocale('zh-CN', () =>
				quoteModel(quote, makeNotification(), '27 申齐保健食品有限公司', PRINTED_AT)
			);
			expect(model.lines).toEqual([
				['更换锁芯', '3', '33.33', '99.99'],
				['上门服务费', '1', '0.01', '0.01']
			]);
			expect(model.total).toBe('100.00');
			expect(model.state).toBe('客户认可 2001/03/09');
			const labels = inLocale('zh-CN', quoteLabels);
			const [page] = await pdfPageTexts(await quotePdf(model, labels));
			expect(page).toContain(`报价单（服务销售订单 ZFFW）${quote.id}`);
			expect(page).toContain('27 申齐保健食品有限公司');
			expect(page).toContain('100.00');
			expect(page).toContain('第 1 页 / 共 1 页');
		}
	);

	it('names a character the font lacks before printing', async () => {
		const rare = makeRecord('quote', {
			lines: [{ item: '龑牌锁芯', quantity: 1, unitPriceFen: 100 }]
		});
		const model = inLocale('zh-CN', () => quoteModel(rare, makeNotification(), '27', PRINTED_AT));
		const missing = await quoteMissingGlyphs(model, inLocale('zh-CN', quoteLabels));
		expect(missing.map((glyph) => [glyph.char, glyph.places])).toEqual([['龑', ['项目 1']]]);
	});
});
