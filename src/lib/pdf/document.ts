import type { jsPDF } from 'jspdf';
import type { UserOptions } from 'jspdf-autotable';
import { pdfFont, type PdfFont } from './font';
import { fill, withPlaceholders } from './glyphs';

/** A jsPDF document with the CJK font set, and the helpers every print of the app shares. */
export interface PdfDocument {
	doc: jsPDF;
	font: PdfFont;
	/** Text made safe to draw: characters the font lacks become 〓. */
	safe: (text: string) => string;
	table: (options: UserOptions) => void;
	/** Where the last table ended (mm from the top of its page). */
	lastY: () => number;
}

/** Page margins in mm; the top leaves room for the header drawn on every page. */
export const MARGIN = { top: 28, right: 12, bottom: 16, left: 12 };

/**
 * A new A4 document with the app's font. jsPDF, autotable and the font are loaded here, on first
 * use, so they are not in the first page's JavaScript (the service worker precaches them).
 */
export async function createPdfDocument(
	orientation: 'portrait' | 'landscape'
): Promise<PdfDocument> {
	const [{ jsPDF }, { autoTable }, font] = await Promise.all([
		import('jspdf'),
		import('jspdf-autotable'),
		pdfFont()
	]);
	const doc = new jsPDF({ orientation, unit: 'mm', format: 'a4', compress: true });
	doc.addFileToVFS(`${font.name}.ttf`, font.file);
	// Registered once, as normal only: a bold registration of the same file would embed it twice.
	doc.addFont(`${font.name}.ttf`, font.name, 'normal', 'Identity-H');
	doc.setFont(font.name, 'normal');
	// autotable asks for the font list for every cell, and jsPDF builds it anew each time (a
	// quarter of a 500-row plan's time); no font is added after this point, so it is kept.
	const fonts = doc.getFontList();
	doc.getFontList = () => fonts;
	const safe = (text: string) => withPlaceholders(text, font.codePoints);
	const base: UserOptions = {
		theme: 'grid',
		margin: MARGIN,
		rowPageBreak: 'avoid',
		styles: {
			font: font.name,
			fontStyle: 'normal',
			fontSize: 8,
			cellPadding: 1.2,
			overflow: 'linebreak',
			lineColor: 160,
			lineWidth: 0.1,
			textColor: 20
		},
		headStyles: { font: font.name, fontStyle: 'normal', fillColor: 235, textColor: 20 }
	};
	return {
		doc,
		font,
		safe,
		table: (options) =>
			autoTable(doc, {
				...base,
				...options,
				styles: { ...base.styles, ...options.styles },
				headStyles: { ...base.headStyles, ...options.headStyles }
			}),
		lastY: () =>
			(doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable?.finalY ??
			MARGIN.top
	};
}

/** What every page carries: a title and a line of facts above, "第 x 页 / 共 y 页" below. */
export interface PageFrame {
	title: string;
	facts: string;
	/** `第 {page} 页 / 共 {pages} 页`. */
	pageOf: string;
}

/** Draws the header and the footer on every page, once the page count is known. */
export function drawPageFrames(pdf: PdfDocument, frame: PageFrame): void {
	const { doc, safe } = pdf;
	const pages = doc.getNumberOfPages();
	const width = doc.internal.pageSize.getWidth();
	const height = doc.internal.pageSize.getHeight();
	for (let page = 1; page <= pages; page++) {
		doc.setPage(page);
		doc.setTextColor(20);
		doc.setFontSize(14);
		doc.text(safe(frame.title), MARGIN.left, 14);
		doc.setFontSize(9);
		const facts = doc.splitTextToSize(safe(frame.facts), width - MARGIN.left - MARGIN.right);
		doc.text(facts.slice(0, 2), MARGIN.left, 20);
		doc.setFontSize(8);
		doc.text(safe(fill(frame.pageOf, { page, pages })), width / 2, height - 8, { align: 'center' });
	}
}

/** The finished file. */
export function toBlob(pdf: PdfDocument): Blob {
	return pdf.doc.output('blob');
}
