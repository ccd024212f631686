import fontUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';
import { fontCodePoints, woffToTtf } from './truetype';

/** The PDF font: the app's Noto Sans SC as TrueType (a binary string, as jsPDF takes it) and its characters. */
export interface PdfFont {
	name: string;
	file: string;
	ttf: Uint8Array;
	codePoints: ReadonlySet<number>;
}

/** Where the WOFF bytes come from: the precached file by default; node tests and the bench read it from disk. */
export type FontBytesLoader = () => Promise<Uint8Array>;

async function fetchBundledFont(): Promise<Uint8Array> {
	const response = await fetch(fontUrl);
	if (!response.ok) throw new Error(`the PDF font could not be loaded (${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

let loader: FontBytesLoader = fetchBundledFont;
let loaded: Promise<PdfFont> | undefined;

/** Replaces where the font's bytes come from (node has no service worker to fetch from). */
export function setPdfFontLoader(next: FontBytesLoader): void {
	loader = next;
	loaded = undefined;
}

function binaryString(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let index = 0; index < bytes.length; index += 0x8000) {
		parts.push(String.fromCharCode(...bytes.subarray(index, index + 0x8000)));
	}
	return parts.join('');
}

/** The PDF font, converted once per page load (about 0.1 s) and kept. */
export function pdfFont(): Promise<PdfFont> {
	loaded ??= loader().then((woff) => {
		const ttf = woffToTtf(woff);
		return {
			name: 'NotoSansSC',
			file: binaryString(ttf),
			ttf,
			codePoints: fontCodePoints(ttf)
		};
	});
	// A failed load (offline before the first visit) is tried again next time.
	loaded.catch(() => (loaded = undefined));
	return loaded;
}
