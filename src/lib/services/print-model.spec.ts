import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfiguration } from '$lib/domain/configuration';
import { groupMasterData } from '$lib/domain/master-data';
import type { Notification } from '$lib/domain/notification';
import { sampleMasterData } from '$lib/domain/sample-data';
import { makeActor, makeFields, makeNotification } from '$lib/domain/test-factories';
import { buildWorkPlan } from '$lib/domain/work-plan';
import { getLocale, inLocale, type Locale } from '$lib/i18n';
import { pdfFont } from '$lib/pdf/font';
import { notificationSheetPdf } from '$lib/pdf/notification-sheet-pdf';
import { workPlanMissingGlyphs, workPlanPdf } from '$lib/pdf/work-plan-pdf';
import {
	embeddedFontPrograms,
	FONT_WOFF_PATH,
	pdfPageTexts,
	useFontFromDisk
} from '$lib/pdf/test-support';
import {
	notificationSheetLabels,
	notificationSheetModel,
	workPlanLabels,
	workPlanModel
} from './print-model';

const masterData = groupMasterData(sampleMasterData());
const RANGE = { from: '2001-03-07', to: '2001-03-08' };
const PRINTED_AT = new Date(2001, 2, 7, 8, 30);
const SLOW = { timeout: 60_000 };

function numbered(index: number, overrides: Partial<Notification> = {}): Notification {
	return makeNotification({
		...makeFields(),
		number: `4002-01-${String(index).padStart(6, '0')}`,
		...overrides
	});
}

function planPdf(
	notifications: Notification[],
	locale: Locale = 'zh-CN',
	parts?: ReadonlyMap<string, readonly string[]>
) {
	const plan = buildWorkPlan(notifications, RANGE);
	const { model, labels } = inLocale(locale, () => ({
		model: workPlanModel(plan, {
			masterData,
			configuration: defaultConfiguration,
			centreText: '4002 上海服务中心',
			printedAt: PRINTED_AT,
			...(parts ? { parts } : {})
		}),
		labels: workPlanLabels()
	}));
	return { model, labels, blob: () => workPlanPdf(model, labels) };
}

beforeAll(() => useFontFromDisk());

describe('work plan PDF, read back', () => {
	it('issue 13: shows the parts still to draw (SM05) in the parts column', SLOW, async () => {
		const parts = new Map([['4002-01-000001', ['100056 ×1（锁芯）', '200311 ×2']]]);
		const { model, blob } = planPdf([numbered(1), numbered(2)], 'zh-CN', parts);
		const rows = model.groups.flatMap((group) => group.rows);
		expect(rows.map((row) => row.parts)).toEqual(['100056 ×1（锁芯）\n200311 ×2', '']);
		const [page] = await pdfPageTexts(await blob());
		// The narrow column wraps the material number onto a line of its own.
		expect(page).toContain('100056');
		expect(page).toContain('×1（锁芯）');
		expect(page).toContain('200311 ×2');
	});

	it(
		'carries the seed descriptions, the centre, the range and the footer in Chinese, with a small embedded font',
		SLOW,
		async () => {
			const { blob } = planPdf([
				numbered(1),
				numbered(2, { description: '椅子扶手松动', responsible: '203', isUrgent: true })
			]);
			const file = await blob();
			const pages = await pdfPageTexts(file);
			expect(pages).toHaveLength(1);
			const [page] = pages;
			expect(page).toContain('工作计划表（ZSMR006）');
			expect(page).toContain('活动柜锁坏');
			expect(page).toContain('椅子扶手松动');
			expect(page).toContain('4002 上海服务中心');
			expect(page).toContain('2001/03/07–2001/03/08');
			expect(page).toContain('TZJL 通知建立');
			expect(page).toContain('上海市徐汇区漕溪北路 88 号 12 楼');
			expect(page).toContain('负责人：202 王敏');
			expect(page).toContain('第 1 页 / 共 1 页');

			const programs = await embeddedFontPrograms(file);
			expect(programs).toHaveLength(1);
			const fullFont = (await pdfFont()).ttf.length;
			expect(programs[0]!.size).toBeGreaterThan(0);
			expect(programs[0]!.size).toBeLessThan(fullFont / 10);
			expect(programs[0]!.stored).toBeLessThan(statSync(FONT_WOFF_PATH).size / 10);
			expect(file.size).toBeLessThan(300 * 1024);
		}
	);

	it(
		'breaks pages between rows, never inside one, and repeats a continued group heading',
		SLOW,
		async () => {
			// Rows of two to four lines, the last line marked: a row split at a page end would leave
			// its number on one page and its last line on the next (this mix splits rows under
			// autotable's default 'auto').
			const notifications = Array.from({ length: 45 }, (_, index) =>
				numbered(index + 1, {
					description: ['活动柜锁坏', ...Array<string>(index % 3).fill('抽屉打不开'), '末行'].join(
						'\n'
					)
				})
			);
			const pages = await pdfPageTexts(await planPdf(notifications).blob());
			expect(pages.length).toBeGreaterThan(1);
			pages.forEach((page, index) => {
				expect(page).toContain(`第 ${index + 1} 页 / 共 ${pages.length} 页`);
				expect(page).toMatch(/2001\/03\/07\s+负责人：202 王敏/);
				expect(page.includes('（续）')).toBe(index > 0);
				const rows = page.match(/4002-01-\d{6}/g) ?? [];
				expect(page.split('末行').length - 1, `rows ending on page ${index + 1}`).toBe(rows.length);
			});
			const printed = pages.flatMap((page) => page.match(/4002-01-\d{6}/g) ?? []);
			expect(printed.sort()).toEqual(notifications.map((n) => n.number).sort());
		}
	);

	it('prints in the language chosen at print time, whatever the screen shows', SLOW, async () => {
		expect(getLocale()).toBe('zh-CN');
		const [page] = await pdfPageTexts(await planPdf([numbered(1)], 'en').blob());
		expect(page).toContain('Work plan (ZSMR006)');
		expect(page).toContain('Page 1 of 1');
		expect(page).toMatch(/TZJL\s+Notification\s+created/);
		expect(page).toMatch(/Person responsible:\s+202 王敏/);
		expect(page).toContain('活动柜锁坏');
		expect(getLocale()).toBe('zh-CN');
	});

	it(
		'reports characters the font lacks and prints them as 〓, never as nothing',
		SLOW,
		async () => {
			const { model, labels, blob } = planPdf([
				numbered(1, { description: '龑先生的柜子😀' }),
				numbered(2, { description: '<script>alert(1)</script>\u202e' })
			]);
			const missing = await workPlanMissingGlyphs(model, labels);
			expect(missing.map((glyph) => [glyph.char, glyph.places])).toEqual([
				['龑', ['4002-01-000001 · 通知单描述']],
				['😀', ['4002-01-000001 · 通知单描述']],
				['\u202e', ['4002-01-000002 · 通知单描述']]
			]);
			const [page] = await pdfPageTexts(await blob());
			expect(page).toContain('〓先生的柜子〓');
			expect(page).toContain('<script>alert(1)</script>〓');
		}
	);
});

describe('notification sheet PDF, read back', () => {
	function sheet(notification: Notification, locale: Locale = 'zh-CN') {
		return inLocale(locale, () => ({
			model: notificationSheetModel(notification, {
				masterData,
				configuration: defaultConfiguration,
				centreText: '4002 上海服务中心',
				printedAt: PRINTED_AT
			}),
			labels: notificationSheetLabels()
		}));
	}

	it(
		'has the header fields with labels, payment status, object address, partners, items, long text and history',
		SLOW,
		async () => {
			const base = numbered(21, { functionalLocation: '27-01' });
			const notification: Notification = {
				...base,
				longText: [
					{
						at: '2001-03-07T01:00:00.000Z',
						author: makeActor('assistant'),
						text: '活动柜被反锁,抽屉打不开。抽屉锁缺货、请购。'
					}
				]
			};
			const { model, labels } = sheet(notification);
			const text = (await pdfPageTexts(await notificationSheetPdf(model, labels))).join('\n');
			for (const expected of [
				'客户服务通知单 4002-01-000021',
				'4002 上海服务中心',
				'完款状况',
				'已完款',
				'对象地址',
				'上海市浦东新区张江路 500 号 3 号库',
				'SH 送达方',
				'27 申齐保健食品有限公司',
				'VW 负责人',
				'06 活动柜',
				'100056,1',
				'OEM厂商',
				'活动柜被反锁,抽屉打不开。抽屉锁缺货、请购。',
				'李娜',
				'创建通知单 4002-01-000021',
				'第 1 页 / 共 1 页'
			]) {
				expect(text).toContain(expected);
			}
		}
	);

	it(
		'prints hostile text as text: markup, a direction override, 10,000 characters over several pages',
		SLOW,
		async () => {
			const { model, labels } = sheet(numbered(22));
			const long = '柜'.repeat(9_990) + '<b>结束</b>';
			model.longText = [
				{ author: '<img src=x onerror=alert(1)>', at: '2001/03/07 09:00', text: long }
			];
			model.fields[4]!.value = '\u202e<script>alert(1)</script>';
			const pages = await pdfPageTexts(await notificationSheetPdf(model, labels));
			expect(pages.length).toBeGreaterThan(1);
			const text = pages.join('');
			expect(text).toContain('〓<script>alert(1)</script>');
			expect(text).toContain('<img src=x onerror=alert(1)>');
			expect(text).toContain('<b>结束</b>');
			expect(text.split('柜').length - 1).toBeGreaterThanOrEqual(9_990);
			pages.forEach((page, index) =>
				expect(page).toContain(`第 ${index + 1} 页 / 共 ${pages.length} 页`)
			);
		}
	);
});
