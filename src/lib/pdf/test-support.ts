import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { setPdfFontLoader } from './font';

/** The bundled font file, as the browser fetches it. */
export const FONT_WOFF_PATH =
	'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff';

/** Node has no service worker to fetch the font from: read it from the package. */
export function useFontFromDisk(): void {
	setPdfFontLoader(async () => new Uint8Array(readFileSync(FONT_WOFF_PATH)));
}

/** The text of each page of a PDF, read back with pdf.js as a viewer would. */
export async function pdfPageTexts(blob: Blob): Promise<string[]> {
	const data = new Uint8Array(await blob.arrayBuffer());
	const document = await getDocument({ data, useSystemFonts: false, isEvalSupported: false })
		.promise;
	const pages: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
	}
	await document.destroy();
	return pages;
}

/** The embedded font programs (/FontFile2 streams) of a PDF: their stored and unpacked sizes. */
export async function embeddedFontPrograms(
	blob: Blob
): Promise<{ stored: number; size: number }[]> {
	const raw = Buffer.from(await blob.arrayBuffer()).toString('latin1');
	const programs: { stored: number; size: number }[] = [];
	for (const match of raw.matchAll(/\/FontFile2\s+(\d+)\s+0\s+R/g)) {
		const object = new RegExp(`(?:^|\\n)${match[1]} 0 obj\\s*<<([^]*?)>>\\s*stream`).exec(raw);
		if (!object) continue;
		const stored = Number(/\/Length\s+(\d+)/.exec(object[1]!)?.[1] ?? 0);
		const size = Number(/\/Length1\s+(\d+)/.exec(object[1]!)?.[1] ?? stored);
		programs.push({ stored, size });
	}
	return programs;
}
