/** The image kinds a photo may be chosen in, recognised by their first bytes, not by the name or MIME. */
export type SniffedImageType =
	'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/bmp';

/** The largest photo file accepted before resizing (bytes): a phone camera's JPEG is 2–12 MB. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/** The longest side of a photo as stored, in pixels; larger photos are scaled down on the device. */
export const MAX_PHOTO_SIDE = 1600;

/** JPEG quality of a stored photo. */
export const PHOTO_JPEG_QUALITY = 0.85;

/** The most photos one complaint form keeps (the record's own limit). */
export { MAX_PHOTOS } from './records/record';

/** How many leading bytes `sniffImageType` needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
	bytes.length >= at + signature.length &&
	signature.every((value, index) => bytes[at + index] === value);

/**
 * The image type a file's first bytes announce (JPEG, PNG, GIF, WebP, BMP), or undefined for
 * anything else: a PDF or a text file renamed `.jpg` is not an image.
 */
export function sniffImageType(head: Uint8Array): SniffedImageType | undefined {
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
	if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8))
		return 'image/webp';
	if (startsWith(head, [0x42, 0x4d])) return 'image/bmp';
	return undefined;
}

/** Why a chosen file is not taken as a photo. */
export type PhotoFileProblem =
	| { code: 'empty' }
	| { code: 'tooLarge'; maxMegabytes: number; megabytes: number }
	| { code: 'notAnImage' };

/**
 * Checks a chosen file before it is decoded: not empty, at most `MAX_PHOTO_BYTES`, and an image
 * by its first bytes. The size is checked first, so a 50 MB file is refused without reading it.
 */
export function checkPhotoFile(
	size: number,
	head: Uint8Array | undefined
): PhotoFileProblem | undefined {
	if (size === 0) return { code: 'empty' };
	if (size > MAX_PHOTO_BYTES) {
		return {
			code: 'tooLarge',
			maxMegabytes: MAX_PHOTO_BYTES / (1024 * 1024),
			megabytes: Math.ceil(size / (1024 * 1024))
		};
	}
	if (!head || !sniffImageType(head)) return { code: 'notAnImage' };
	return undefined;
}

/**
 * The size a photo is stored at: the longest side at most `maxSide`, the aspect ratio kept, whole
 * pixels of at least 1; a smaller photo keeps its size.
 */
export function fitWithin(
	width: number,
	height: number,
	maxSide = MAX_PHOTO_SIDE
): { width: number; height: number } {
	if (!(width > 0 && height > 0)) throw new RangeError(`image size ${width}×${height}`);
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

/** Lower-case hex of bytes (a SHA-256 digest). */
export function toHex(bytes: Uint8Array): string {
	let hex = '';
	for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
	return hex;
}
