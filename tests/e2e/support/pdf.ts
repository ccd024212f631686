import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a downloaded PDF, read with pdf.js as a viewer would. */
export async function downloadedPdfPages(download: Download): Promise<string[]> {
	const path = await download.path();
	const data = new Uint8Array(await readFile(path));
	const document = await getDocument({ data, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
	}
	await document.destroy();
	return pages;
}
