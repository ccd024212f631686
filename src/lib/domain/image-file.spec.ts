import { describe, expect, it } from 'vitest';
import { checkPhotoFile, fitWithin, MAX_PHOTO_BYTES, sniffImageType, toHex } from './image-file';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(12).fill(0)]);
const text = (value: string) => new TextEncoder().encode(value.padEnd(16, ' '));

describe('sniffImageType', () => {
	it('recognises JPEG, PNG, GIF, WebP and BMP by their first bytes', () => {
		expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
		expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
		expect(sniffImageType(text('GIF89a'))).toBe('image/gif');
		expect(sniffImageType(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
		expect(sniffImageType(text('BM'))).toBe('image/bmp');
	});

	it('refuses what only looks like an image by name: a PDF, text, a RIFF that is not WebP, too few bytes', () => {
		expect(sniffImageType(text('%PDF-1.7'))).toBeUndefined();
		expect(sniffImageType(text('hello, this is not a photo'))).toBeUndefined();
		expect(sniffImageType(text('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeUndefined();
		expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
		expect(sniffImageType(new Uint8Array())).toBeUndefined();
	});
});

describe('checkPhotoFile', () => {
	const jpeg = bytes(0xff, 0xd8, 0xff, 0xe1);

	it('takes an image within the limit', () => {
		expect(checkPhotoFile(3_000_000, jpeg)).toBeUndefined();
		expect(checkPhotoFile(MAX_PHOTO_BYTES, jpeg)).toBeUndefined();
	});

	it('refuses a 50 MB file with the limit and its size, before looking at its bytes', () => {
		expect(checkPhotoFile(50 * 1024 * 1024, undefined)).toEqual({
			code: 'tooLarge',
			maxMegabytes: 20,
			megabytes: 50
		});
		expect(checkPhotoFile(MAX_PHOTO_BYTES + 1, jpeg)).toMatchObject({ code: 'tooLarge' });
	});

	it('refuses an empty file and a file that is not an image', () => {
		expect(checkPhotoFile(0, jpeg)).toEqual({ code: 'empty' });
		expect(checkPhotoFile(100, text('%PDF-1.4'))).toEqual({ code: 'notAnImage' });
	});
});

describe('fitWithin', () => {
	it('scales the longest side down to 1600 px and keeps the aspect ratio', () => {
		expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
		expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
		expect(fitWithin(10000, 3)).toEqual({ width: 1600, height: 1 });
	});

	it('keeps a smaller photo as it is', () => {
		expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
		expect(fitWithin(1600, 1600)).toEqual({ width: 1600, height: 1600 });
	});

	it('refuses a size without pixels', () => {
		expect(() => fitWithin(0, 10)).toThrow(RangeError);
		expect(() => fitWithin(Number.NaN, 10)).toThrow(RangeError);
	});
});

describe('names', () => {
	it('writes bytes as lower-case hex', () => {
		expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
	});
});
