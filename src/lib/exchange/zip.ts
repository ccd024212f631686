import { Zip, ZipDeflate, ZipPassThrough, unzipSync } from 'fflate';
import type { LinkedRecord } from '../domain/records/record';
import { imageFileName, imagesOf } from '../domain/records/record';
import { fileError, type ExchangeError } from './errors';
import type { ExportFile } from './export';
import type { ImportedImage } from './format';
import { sha256HexOf } from './guards';

/** An image as the export reads it from storage. */
export interface ExportImage {
	sha256: string;
	type: 'image/jpeg' | 'image/png';
	blob: Blob;
}

/** Bytes read from a Blob at a time while zipping: one part of the JSON in memory, not the file. */
const READ_STEP = 4 * 1024 * 1024;

/** The ZIP's name for an export JSON file name: `….json` → `….zip`. */
export function zipFileName(jsonName: string): string {
	return jsonName.replace(/\.json$/i, '') + '.zip';
}

async function pushBlob(
	entry: ZipDeflate | ZipPassThrough,
	blob: Blob,
	wait: () => Promise<void>
): Promise<void> {
	if (blob.size === 0) return entry.push(new Uint8Array(0), true);
	for (let start = 0; start < blob.size; start += READ_STEP) {
		const end = Math.min(blob.size, start + READ_STEP);
		entry.push(new Uint8Array(await blob.slice(start, end).arrayBuffer()), end === blob.size);
		await wait();
	}
}

/**
 * The export as a ZIP, streamed: the JSON file (deflated, read from its Blob a few MB at a time)
 * and each image as `<sha256>.jpg|png`, stored as it is (JPEG and PNG are compressed already, so
 * deflating them again costs time for nothing). fflate's `Zip` hands out the output as it goes;
 * the parts become one Blob, so no string or single buffer ever holds the archive.
 */
export async function buildExportZip(
	json: ExportFile,
	images: readonly ExportImage[],
	onImage?: (done: number) => void
): Promise<ExportFile> {
	const parts: Uint8Array[] = [];
	let failure: Error | undefined;
	let finished!: () => void;
	const done = new Promise<void>((resolve) => (finished = resolve));
	const zip = new Zip((error, chunk, final) => {
		if (error) failure = error;
		else parts.push(chunk);
		if (error || final) finished();
	});
	// ZipDeflate works synchronously on push; a turn of the event loop between parts keeps the page
	// responsive while a large export is zipped.
	const wait = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
	const jsonEntry = new ZipDeflate(json.fileName, { level: 6 });
	zip.add(jsonEntry);
	await pushBlob(jsonEntry, json.blob, wait);
	let count = 0;
	for (const image of images) {
		const entry = new ZipPassThrough(imageFileName(image.sha256, image.type));
		zip.add(entry);
		await pushBlob(entry, image.blob, wait);
		count += 1;
		onImage?.(count);
	}
	zip.end();
	await done;
	if (failure) throw failure;
	return {
		...json,
		blob: new Blob(parts as BlobPart[], { type: 'application/zip' }),
		fileName: zipFileName(json.fileName)
	};
}

/** Whether bytes begin as a ZIP archive does (`PK\x03\x04`, or `PK\x05\x06` when empty). */
export function isZipBytes(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** An export ZIP opened: its one JSON file and the other entries by name. */
export type OpenedZip =
	| { ok: true; jsonName: string; json: Uint8Array; entries: Map<string, Uint8Array> }
	| { ok: false; errors: ExchangeError[] };

/** Opens an export ZIP: exactly one `.json` entry; everything else is looked up by name later. */
export function openExportZip(name: string, bytes: Uint8Array): OpenedZip {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes);
	} catch {
		return { ok: false, errors: [fileError(name, 'zipInvalid')] };
	}
	const jsonNames = Object.keys(files).filter((entry) => /\.json$/i.test(entry));
	const jsonName = jsonNames[0];
	if (jsonNames.length !== 1 || !jsonName) {
		return { ok: false, errors: [fileError(name, 'zipWithoutJson')] };
	}
	const json = files[jsonName]!;
	const entries = new Map(Object.entries(files).filter(([entry]) => entry !== jsonName));
	return { ok: true, jsonName, json, entries };
}

/**
 * The images the records of a ZIP refer to, each found by its name and its bytes hashed: a
 * missing or altered image is refused naming the record. Images already checked are hashed once.
 */
export async function checkZipImages(
	name: string,
	records: readonly LinkedRecord[],
	entries: ReadonlyMap<string, Uint8Array>
): Promise<{ images: ImportedImage[]; errors: ExchangeError[] }> {
	const images = new Map<string, ImportedImage>();
	const errors: ExchangeError[] = [];
	for (const record of records) {
		for (const ref of imagesOf(record)) {
			if (images.has(ref.sha256)) continue;
			const where = { kind: 'record' as const, key: record.id };
			const bytes = entries.get(imageFileName(ref.sha256, ref.type)) ?? entries.get(ref.name);
			if (!bytes) {
				errors.push({
					file: name,
					record: where,
					code: 'imageMissing',
					params: { name: ref.name }
				});
				continue;
			}
			if ((await sha256HexOf(bytes)) !== ref.sha256) {
				errors.push({
					file: name,
					record: where,
					code: 'imageAltered',
					params: { name: ref.name }
				});
				continue;
			}
			images.set(ref.sha256, { sha256: ref.sha256, type: ref.type, bytes });
		}
	}
	return { images: [...images.values()], errors };
}
