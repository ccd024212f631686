import { describe, expect, it } from 'vitest';
import { makeRecord } from '../domain/records/test-records';
import type { ImageRef } from '../domain/records/record';
import type { ExportFile } from './export';
import { sha256HexOf } from './guards';
import { checkZipImages, buildExportZip, openExportZip } from './zip';

/** How many photos the size test packs; `MEASURE_PHOTOS=1000` gives the figures of the docs. */
const PHOTOS = Number(process.env.MEASURE_PHOTOS ?? 12);
const PHOTO_BYTES = 300 * 1024;

/** A JPEG-like photo: a JPEG header and pseudo-random bytes (as incompressible as a JPEG). */
function photo(seed: number): Blob {
	const bytes = new Uint8Array(PHOTO_BYTES);
	let state = seed * 2654435761 + 1;
	for (let i = 0; i < bytes.length; i += 1) {
		state = (state * 1103515245 + 12345) >>> 0;
		bytes[i] = state >>> 24;
	}
	bytes.set([0xff, 0xd8, 0xff, 0xe0]);
	return new Blob([bytes], { type: 'image/jpeg' });
}

function jsonFile(text: string): ExportFile {
	return {
		blob: new Blob([text], { type: 'application/json' }),
		fileName: 'shouhou-4002-01-20010309-0800.json',
		checksum: '0'.repeat(64),
		counts: { notifications: 0, masterData: 0, records: 0 }
	};
}

describe('export ZIP with photos', () => {
	it(
		`packs ${PHOTOS} photos of 300 KB stored as they are, each found again by its SHA-256`,
		{
			timeout: 600_000
		},
		async () => {
			const images = [];
			const refs: ImageRef[] = [];
			for (let index = 0; index < PHOTOS; index += 1) {
				const blob = photo(index + 1);
				const sha256 = await sha256HexOf(new Uint8Array(await blob.arrayBuffer()));
				images.push({ sha256, type: 'image/jpeg' as const, blob });
				refs.push({
					name: `${sha256}.jpg`,
					sha256,
					type: 'image/jpeg',
					bytes: blob.size,
					width: 1600,
					height: 1200
				});
			}
			// One complaint form per 20 photos, as the form allows.
			const records = [];
			for (let start = 0; start < refs.length; start += 20) {
				records.push(
					makeRecord('complaint', { photos: refs.slice(start, start + 20) }, start / 20 + 1)
				);
			}
			const json = jsonFile(JSON.stringify({ records }));
			const started = performance.now();
			const zip = await buildExportZip(json, images);
			const built = performance.now();
			const bytes = new Uint8Array(await zip.blob.arrayBuffer());
			const opened = openExportZip(zip.fileName, bytes);
			if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
			const checked = await checkZipImages(zip.fileName, records, opened.entries);
			const read = performance.now();
			expect(checked.errors).toEqual([]);
			expect(checked.images).toHaveLength(PHOTOS);
			const photoBytes = PHOTOS * PHOTO_BYTES;
			// Stored, not deflated: the archive is the photos plus about 100 bytes of headers each.
			expect(zip.blob.size).toBeGreaterThan(photoBytes);
			expect(zip.blob.size - photoBytes).toBeLessThan(PHOTOS * 200 + json.blob.size);
			if (process.env.MEASURE_PHOTOS) {
				console.log(
					JSON.stringify({
						photos: PHOTOS,
						photoBytes,
						zipBytes: zip.blob.size,
						jsonBytes: json.blob.size,
						buildMs: Math.round(built - started),
						openAndVerifyMs: Math.round(read - built)
					})
				);
			}
		}
	);
});
