import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMissingGlyphs, PLACEHOLDER, withPlaceholders } from './glyphs';
import { FONT_WOFF_PATH } from './test-support';
import { fontCodePoints, woffToTtf } from './truetype';

const ttf = woffToTtf(new Uint8Array(readFileSync(FONT_WOFF_PATH)));
const codePoints = fontCodePoints(ttf);

describe('the PDF font', () => {
	it('is rebuilt from the WOFF as a TrueType file with glyf outlines', () => {
		const tags = new TextDecoder().decode(ttf.subarray(12, 12 + 16 * 20));
		expect(new DataView(ttf.buffer).getUint32(0)).toBe(0x00010000);
		expect(tags).toContain('glyf');
		expect(tags).toContain('cmap');
		expect(ttf.length).toBeGreaterThan(2_000_000);
	});

	it('knows which characters it can draw', () => {
		for (const char of '活动柜锁坏申齐保健食品有限公司第页共〓ABC123（）：–') {
			expect(codePoints.has(char.codePointAt(0)!), char).toBe(true);
		}
		for (const char of ['龑', '𠀀', '😀', '\u202e']) {
			expect(codePoints.has(char.codePointAt(0)!), char).toBe(false);
		}
	});
});

describe('missing glyphs', () => {
	it('reports each character the font lacks once, with every place it occurs', () => {
		const missing = findMissingGlyphs(
			[
				{ where: '4002-01-000001 · 客户', text: '龑龑科技有限公司' },
				{ where: '4002-01-000002 · 通知单描述', text: '门锁坏了😀 𠀀' },
				{ where: '4002-01-000003 · 通知单描述', text: '龑 \u202eevil' },
				{ where: '4002-01-000004 · 通知单描述', text: '活动柜锁坏\n第二行\t制表' }
			],
			codePoints
		);
		expect(missing).toEqual([
			{
				char: '龑',
				codePoint: 'U+9F91',
				places: ['4002-01-000001 · 客户', '4002-01-000003 · 通知单描述']
			},
			{ char: '😀', codePoint: 'U+1F600', places: ['4002-01-000002 · 通知单描述'] },
			{ char: '𠀀', codePoint: 'U+20000', places: ['4002-01-000002 · 通知单描述'] },
			{ char: '\u202e', codePoint: 'U+202E', places: ['4002-01-000003 · 通知单描述'] }
		]);
	});

	it('reports a lone surrogate (broken text) instead of passing it on', () => {
		const [missing] = findMissingGlyphs([{ where: 'x', text: 'a\ud800b' }], codePoints);
		expect(missing?.codePoint).toBe('U+D800');
	});

	it('draws a visible placeholder (〓) for each missing character, one per character', () => {
		expect(withPlaceholders('龑先生😀\r\n𠀀', codePoints)).toBe(
			`${PLACEHOLDER}先生${PLACEHOLDER}\n${PLACEHOLDER}`
		);
		expect(withPlaceholders('<script>alert(1)</script>', codePoints)).toBe(
			'<script>alert(1)</script>'
		);
	});
});
