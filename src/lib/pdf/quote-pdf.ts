import { createPdfDocument, drawPageFrames, MARGIN, toBlob } from './document';
import { pdfFont } from './font';
import { findMissingGlyphs, type MissingGlyph } from './glyphs';

/** One quote (ZFFW) as printed for the customer, every value already in the print language. */
export interface QuotePdfModel {
	/** `报价单（服务销售订单 ZFFW）{id}`, filled. */
	title: string;
	/** Notification, customer, printed at, filled. */
	facts: string;
	/** One row per line: item, quantity, unit price, amount (yuan with two decimals). */
	lines: [string, string, string, string][];
	/** The total in yuan, computed in fen. */
	total: string;
	/** State and dates, e.g. "客户认可 2001/03/08". */
	state: string;
}

/** The fixed words of the quote in the print language. */
export interface QuotePdfLabels {
	columns: [string, string, string, string];
	total: string;
	state: string;
	pageOf: string;
}

/** The quote as an A4 portrait PDF: the lines as a table, the total under it, the state. */
export async function quotePdf(model: QuotePdfModel, labels: QuotePdfLabels): Promise<Blob> {
	const pdf = await createPdfDocument('portrait');
	const { safe } = pdf;
	pdf.table({
		startY: MARGIN.top,
		head: [labels.columns.map(safe)],
		body: model.lines.map((line) => line.map(safe)),
		foot: [['', '', safe(labels.total), safe(model.total)]],
		columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } },
		footStyles: { fillColor: 245, textColor: 20, halign: 'right' }
	});
	pdf.doc.setFontSize(10);
	pdf.doc.text(safe(`${labels.state}：${model.state}`), MARGIN.left, pdf.lastY() + 8);
	drawPageFrames(pdf, { title: model.title, facts: model.facts, pageOf: labels.pageOf });
	return toBlob(pdf);
}

/** The characters of the quote that the PDF font cannot draw, with where they occur. */
export async function quoteMissingGlyphs(
	model: QuotePdfModel,
	labels: QuotePdfLabels
): Promise<MissingGlyph[]> {
	const texts = [
		{ where: labels.state, text: `${model.title} ${model.facts} ${model.state}` },
		...model.lines.map((line, index) => ({
			where: `${labels.columns[0]} ${index + 1}`,
			text: line.join(' ')
		}))
	];
	return findMissingGlyphs(texts, (await pdfFont()).codePoints);
}
