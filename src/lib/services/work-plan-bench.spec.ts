import { beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts, useFontFromDisk } from '$lib/pdf/test-support';
import { buildWorkPlanPdf, workPlanBenchNotifications } from './work-plan-bench';

beforeAll(() => useFontFromDisk());

describe('the work plan bench hook', () => {
	it(
		'builds a 500-row plan as one PDF of many pages, every row in it',
		{ timeout: 120_000 },
		async () => {
			const started = performance.now();
			const { blob, rows } = await buildWorkPlanPdf(workPlanBenchNotifications(500));
			const elapsed = performance.now() - started;
			const pages = await pdfPageTexts(blob);
			console.info(
				`work plan: ${rows} rows, ${pages.length} pages, ${Math.round(blob.size / 1024)} KB, ${Math.round(elapsed)} ms`
			);
			expect(rows).toBe(500);
			expect(pages.length).toBeGreaterThan(10);
			const all = pages.join('\n');
			for (const number of ['4002-01-000001', '4002-01-000250', '4002-01-000500']) {
				expect(all).toContain(number);
			}
			expect(pages.at(-1)).toContain(`第 ${pages.length} 页 / 共 ${pages.length} 页`);
		}
	);
});
