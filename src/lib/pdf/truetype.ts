import { unzlibSync } from 'fflate';

/**
 * WOFF 1 (the UI's font file) back to the TrueType file it was made from: each table is stored
 * zlib-compressed (or as is when that was not smaller). jsPDF takes only TrueType, so the PDF font
 * is rebuilt from the one precached file rather than shipping the font twice.
 */
export function woffToTtf(woff: Uint8Array): Uint8Array {
	const input = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (input.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file');
	const flavor = input.getUint32(4);
	const numTables = input.getUint16(12);
	const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
	for (let index = 0; index < numTables; index++) {
		const entry = 44 + index * 20;
		const tag = input.getUint32(entry);
		const offset = input.getUint32(entry + 4);
		const compressedLength = input.getUint32(entry + 8);
		const length = input.getUint32(entry + 12);
		const checksum = input.getUint32(entry + 16);
		const stored = woff.subarray(offset, offset + compressedLength);
		const data = compressedLength < length ? unzlibSync(stored) : stored;
		if (data.length !== length) throw new Error('WOFF table has the wrong length');
		tables.push({ tag, checksum, data });
	}
	const headerLength = 12 + numTables * 16;
	const padded = (length: number) => (length + 3) & ~3;
	const total = tables.reduce((sum, table) => sum + padded(table.data.length), headerLength);
	const ttf = new Uint8Array(total);
	const output = new DataView(ttf.buffer);
	let searchRange = 1;
	let entrySelector = 0;
	while (searchRange * 2 <= numTables) {
		searchRange *= 2;
		entrySelector++;
	}
	output.setUint32(0, flavor);
	output.setUint16(4, numTables);
	output.setUint16(6, searchRange * 16);
	output.setUint16(8, entrySelector);
	output.setUint16(10, numTables * 16 - searchRange * 16);
	let offset = headerLength;
	tables.forEach((table, index) => {
		const entry = 12 + index * 16;
		output.setUint32(entry, table.tag);
		output.setUint32(entry + 4, table.checksum);
		output.setUint32(entry + 8, offset);
		output.setUint32(entry + 12, table.data.length);
		ttf.set(table.data, offset);
		offset += padded(table.data.length);
	});
	return ttf;
}

/** The Unicode code points a TrueType font has glyphs for, read from its `cmap` (formats 4 and 12). */
export function fontCodePoints(ttf: Uint8Array): Set<number> {
	const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
	const numTables = view.getUint16(4);
	let cmap = -1;
	for (let index = 0; index < numTables; index++) {
		const entry = 12 + index * 16;
		if (view.getUint32(entry) === 0x636d6170) cmap = view.getUint32(entry + 8);
	}
	if (cmap < 0) throw new Error('font has no cmap table');
	const subtables = view.getUint16(cmap + 2);
	let best = -1;
	let bestFormat = 0;
	for (let index = 0; index < subtables; index++) {
		const record = cmap + 4 + index * 8;
		const platform = view.getUint16(record);
		const encoding = view.getUint16(record + 2);
		const offset = cmap + view.getUint32(record + 4);
		const format = view.getUint16(offset);
		const isUnicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (isUnicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
			best = offset;
			bestFormat = format;
		}
	}
	if (best < 0) throw new Error('font has no Unicode cmap');
	const points = new Set<number>();
	if (bestFormat === 12) {
		const groups = view.getUint32(best + 12);
		for (let index = 0; index < groups; index++) {
			const group = best + 16 + index * 12;
			const start = view.getUint32(group);
			const end = view.getUint32(group + 4);
			const glyph = view.getUint32(group + 8);
			for (let point = start; point <= end; point++) if (glyph + point - start) points.add(point);
		}
		return points;
	}
	const segments = view.getUint16(best + 6) / 2;
	const ends = best + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let index = 0; index < segments; index++) {
		const end = view.getUint16(ends + index * 2);
		const start = view.getUint16(starts + index * 2);
		const delta = view.getInt16(deltas + index * 2);
		const rangeOffset = view.getUint16(rangeOffsets + index * 2);
		for (let point = start; point <= end && point !== 0xffff; point++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (point + delta) & 0xffff;
			else {
				const at = rangeOffsets + index * 2 + rangeOffset + (point - start) * 2;
				const raw = view.getUint16(at);
				glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
			}
			if (glyph !== 0) points.add(point);
		}
	}
	return points;
}
