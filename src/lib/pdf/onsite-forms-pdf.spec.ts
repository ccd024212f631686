import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	complaintFormPdf,
	onsiteFormMissingGlyphs,
	serviceFormPdf,
	type OnsiteFormPdfLabels,
	type PdfImage
} from './onsite-forms-pdf';
import { pdfPageTexts, useFontFromDisk } from './test-support';

function fixtureImage(path: string, type: PdfImage['type'], width: number, height: number) {
	const bytes = new Uint8Array(readFileSync(path));
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	return { bytes, type, width, height, sha256 };
}

const signature = fixtureImage('tests/fixtures/images/small.png', 'image/png', 64, 48);
const photo = fixtureImage('tests/fixtures/images/small.jpg', 'image/jpeg', 40, 30);
const other = fixtureImage('tests/fixtures/images/damage.jpg', 'image/jpeg', 2400, 1800);

const labels: OnsiteFormPdfLabels = {
	title: '家具服务单 {id}',
	facts: '通知单：{notification} 责任中心：{centre} 打印时间：{printedAt}',
	fieldsSection: '内容',
	acceptanceSection: '客户服务验收（SM09）',
	notAccepted: '尚未验收',
	photosSection: '损坏照片',
	noPhotos: '无照片',
	photoCaption: '照片 {index}（{width}×{height}，SHA-256 {hash}）',
	signature: '客户签名',
	pageOf: '第 {page} 页 / 共 {pages} 页'
};

const header = {
	id: '4002-01-000001-S1',
	notification: '4002-01-000001',
	centre: '4002 上海服务中心',
	printedAt: '2026/12/03 09:30'
};

/** The image XObjects a PDF embeds (each drawn image once). */
async function embeddedImages(blob: Blob): Promise<number> {
	const raw = Buffer.from(await blob.arrayBuffer()).toString('latin1');
	return raw.match(/\/Subtype\s*\/Image/g)?.length ?? 0;
}

beforeAll(() => useFontFromDisk());

describe('serviceFormPdf', () => {
	it('prints the fields, the acceptance and the signature as an embedded image', async () => {
		const blob = await serviceFormPdf(
			{
				...header,
				fields: [
					{ label: '服务日期', value: '2026/12/03' },
					{ label: '服务内容', value: '更换活动柜锁芯' }
				],
				acceptance: {
					fields: [
						{ label: '客户姓名', value: '王女士' },
						{ label: '验收时间', value: '2026/12/03 10:05' }
					],
					signature
				}
			},
			labels
		);
		const text = (await pdfPageTexts(blob)).join('\n');
		for (const expected of [
			'家具服务单 4002-01-000001-S1',
			'更换活动柜锁芯',
			'客户服务验收（SM09）',
			'王女士',
			'客户签名',
			'第 1 页 / 共 1 页'
		]) {
			expect(text).toContain(expected);
		}
		// The PNG's alpha channel travels as a soft mask: two image objects for one signature.
		expect(await embeddedImages(blob)).toBeGreaterThanOrEqual(1);
	});

	it('says "not accepted yet" and draws no image without an acceptance', async () => {
		const blob = await serviceFormPdf({ ...header, fields: [], acceptance: null }, labels);
		expect((await pdfPageTexts(blob)).join('\n')).toContain('尚未验收');
		expect(await embeddedImages(blob)).toBe(0);
	});
});

describe('complaintFormPdf', () => {
	it('prints every photo with its caption, over pages when they do not fit', async () => {
		const photos = [photo, other, photo, other, photo, other, photo].map((image, index) => ({
			...image,
			// Distinct hashes: each is its own image in the file.
			sha256: `${index}`.repeat(64).slice(0, 64)
		}));
		const blob = await complaintFormPdf(
			{
				...header,
				id: '4002-01-000001-C1',
				fields: [
					{ label: '完款状况', value: '已完款' },
					{ label: '客户要求', value: '换货' }
				],
				photos
			},
			{ ...labels, title: '客诉单 {id}' }
		);
		const pages = await pdfPageTexts(blob);
		const text = pages.join('\n');
		expect(text).toContain('客诉单 4002-01-000001-C1');
		expect(text).toContain('已完款');
		expect(text).toContain('照片 7（40×30');
		expect(text).toContain('照片 2（2400×1800');
		expect(pages.length).toBeGreaterThan(1);
		expect(await embeddedImages(blob)).toBe(7);
	});

	it('says so when there are no photos', async () => {
		const blob = await complaintFormPdf({ ...header, fields: [], photos: [] }, labels);
		expect((await pdfPageTexts(blob)).join('\n')).toContain('无照片');
		expect(await embeddedImages(blob)).toBe(0);
	});
});

describe('onsiteFormMissingGlyphs', () => {
	it('names each character the font lacks with the field it is in', async () => {
		const missing = await onsiteFormMissingGlyphs({
			...header,
			fields: [
				{ label: '客诉内容', value: '柜门划伤 🪑' },
				{ label: '客户要求', value: '换货' }
			],
			acceptance: {
				fields: [{ label: '客户姓名', value: '王龑' }],
				signature
			}
		});
		expect(missing.map((glyph) => [glyph.char, glyph.places])).toEqual([
			['🪑', ['客诉内容']],
			['龑', ['客户姓名']]
		]);
	});
});
