import { sha256 } from '@noble/hashes/sha2.js';
import {
	checkPhotoFile,
	fitWithin,
	PHOTO_JPEG_QUALITY,
	SNIFF_BYTES,
	toHex,
	type PhotoFileProblem
} from '$lib/domain/image-file';
import { imageFileName, type ImageRef } from '$lib/domain/records/record';

/** An image ready to be saved with its record: the reference the record keeps, and the bytes. */
export interface PreparedImage {
	ref: ImageRef;
	blob: Blob;
}

/** A chosen file made into a photo, or why it was refused (the file's name for the message). */
export type PhotoOutcome =
	| { kind: 'ok'; image: PreparedImage }
	| { kind: 'refused'; fileName: string; problem: PhotoFileProblem | { code: 'unreadable' } };

/**
 * The SHA-256 of a Blob's bytes as lower-case hex, with the same pure-JS hash as the records layer
 * (`crypto.subtle` would do too, but only in a secure context).
 */
export async function sha256Hex(blob: Blob): Promise<string> {
	return toHex(sha256(new Uint8Array(await blob.arrayBuffer())));
}

/** The reference of image bytes already encoded (a signature's PNG, a resized photo's JPEG). */
export async function imageOf(
	blob: Blob,
	type: ImageRef['type'],
	width: number,
	height: number
): Promise<PreparedImage> {
	const sha256 = await sha256Hex(blob);
	const typed = blob.type === type ? blob : new Blob([blob], { type });
	return {
		ref: { name: imageFileName(sha256, type), sha256, type, bytes: blob.size, width, height },
		blob: typed
	};
}

/**
 * Checks a chosen or photographed file (size first, then its first bytes), decodes it on the
 * device, scales it to at most 1600 px on the longest side and encodes it as JPEG (~0.85); the
 * original never leaves this function, so a 12 MB camera photo is stored as a few hundred KB.
 */
export async function preparePhoto(file: File): Promise<PhotoOutcome> {
	const refuse = (problem: PhotoFileProblem | { code: 'unreadable' }): PhotoOutcome => ({
		kind: 'refused',
		fileName: file.name,
		problem
	});
	const early = checkPhotoFile(file.size, undefined);
	if (early && early.code !== 'notAnImage') return refuse(early);
	const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
	const problem = checkPhotoFile(file.size, head);
	if (problem) return refuse(problem);
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return refuse({ code: 'unreadable' });
	}
	try {
		const size = fitWithin(bitmap.width, bitmap.height);
		const blob = await drawJpeg(bitmap, size.width, size.height);
		return { kind: 'ok', image: await imageOf(blob, 'image/jpeg', size.width, size.height) };
	} finally {
		bitmap.close();
	}
}

async function drawJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
	const paint = (context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
		// A transparent PNG would turn black in a JPEG: paint it on white, as on paper.
		context.fillStyle = '#fff';
		context.fillRect(0, 0, width, height);
		context.imageSmoothingQuality = 'high';
		context.drawImage(bitmap, 0, 0, width, height);
	};
	if (typeof OffscreenCanvas !== 'undefined') {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2d canvas context');
		paint(context);
		return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('no 2d canvas context');
	paint(context);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))),
			'image/jpeg',
			PHOTO_JPEG_QUALITY
		)
	);
}
