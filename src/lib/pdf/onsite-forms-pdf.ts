import { createPdfDocument, drawPageFrames, MARGIN, toBlob, type PdfDocument } from './document';
import { pdfFont } from './font';
import { fill, findMissingGlyphs, type MissingGlyph, type PlacedText } from './glyphs';

/** An image drawn in a form: its encoded bytes (JPEG or PNG) and pixel size. */
export interface PdfImage {
	bytes: Uint8Array;
	type: 'image/jpeg' | 'image/png';
	width: number;
	height: number;
	/** Its SHA-256: the same image drawn twice is embedded once. */
	sha256: string;
}

/** A label and a value already in the print language. */
export interface PdfField {
	label: string;
	value: string;
}

/** The header of every on-site form: which record, of which notification, printed where and when. */
export interface OnsiteFormHeader {
	id: string;
	notification: string;
	centre: string;
	printedAt: string;
}

/** A service form (家具服务单) with its SM09 acceptance and the customer's signature. */
export interface ServiceFormPdfModel extends OnsiteFormHeader {
	fields: PdfField[];
	acceptance: { fields: PdfField[]; signature: PdfImage } | null;
}

/** A complaint form (客诉单) with its photos of the damage. */
export interface ComplaintFormPdfModel extends OnsiteFormHeader {
	fields: PdfField[];
	photos: PdfImage[];
}

/** The fixed words of the on-site forms in the print language. */
export interface OnsiteFormPdfLabels {
	/** `家具服务单 {id}` or `客诉单 {id}`. */
	title: string;
	/** `通知单：{notification} 责任中心：{centre} 打印时间：{printedAt}`. */
	facts: string;
	fieldsSection: string;
	acceptanceSection: string;
	notAccepted: string;
	photosSection: string;
	noPhotos: string;
	/** `照片 {index}（{width}×{height}，SHA-256 {hash}）`. */
	photoCaption: string;
	/** The signature's caption: `客户签名`. */
	signature: string;
	pageOf: string;
}

const SECTION_HEAD = { fillColor: 210, fontSize: 9 } as const;

function fieldsTable(pdf: PdfDocument, y: number, title: string, fields: PdfField[]): number {
	pdf.table({
		startY: y,
		rowPageBreak: 'auto',
		head: [[{ content: pdf.safe(title), colSpan: 2, styles: SECTION_HEAD }]],
		body: fields.map((field) => [pdf.safe(field.label), pdf.safe(field.value)]),
		columnStyles: { 0: { cellWidth: 36, fillColor: 245 } }
	});
	return pdf.lastY() + 5;
}

function heading(pdf: PdfDocument, y: number, text: string): number {
	pdf.doc.setFontSize(10);
	pdf.doc.text(pdf.safe(text), MARGIN.left, y + 4);
	return y + 7;
}

/** Where `height` mm fit from `y`: on this page, or at the top of a new one. */
function roomFor(pdf: PdfDocument, y: number, height: number): number {
	const pageHeight = pdf.doc.internal.pageSize.getHeight();
	if (y + height <= pageHeight - MARGIN.bottom) return y;
	pdf.doc.addPage();
	return MARGIN.top;
}

/** Draws an image scaled into a box (mm), the aspect ratio kept; returns the drawn size. */
function drawImage(
	pdf: PdfDocument,
	image: PdfImage,
	x: number,
	y: number,
	maxWidth: number,
	maxHeight: number
): { width: number; height: number } {
	const scale = Math.min(maxWidth / image.width, maxHeight / image.height);
	const width = image.width * scale;
	const height = image.height * scale;
	pdf.doc.addImage(
		image.bytes,
		image.type === 'image/png' ? 'PNG' : 'JPEG',
		x,
		y,
		width,
		height,
		image.sha256,
		'FAST'
	);
	return { width, height };
}

function frame(pdf: PdfDocument, model: OnsiteFormHeader, labels: OnsiteFormPdfLabels): void {
	drawPageFrames(pdf, {
		title: fill(labels.title, { id: model.id }),
		facts: fill(labels.facts, {
			notification: model.notification,
			centre: model.centre,
			printedAt: model.printedAt
		}),
		pageOf: labels.pageOf
	});
}

/**
 * A service form as an A4 PDF: its fields, then the customer's acceptance (SM09) with the name,
 * the time and the signature drawn as the image it was saved as; "not accepted yet" without one.
 */
export async function serviceFormPdf(
	model: ServiceFormPdfModel,
	labels: OnsiteFormPdfLabels
): Promise<Blob> {
	const pdf = await createPdfDocument('portrait');
	let y = fieldsTable(pdf, MARGIN.top, labels.fieldsSection, model.fields);
	if (!model.acceptance) {
		fieldsTable(pdf, y, labels.acceptanceSection, [{ label: labels.notAccepted, value: '' }]);
	} else {
		y = fieldsTable(pdf, y, labels.acceptanceSection, model.acceptance.fields);
		const box = { width: 90, height: 40 };
		y = roomFor(pdf, y, box.height + 8);
		y = heading(pdf, y, labels.signature);
		const drawn = drawImage(pdf, model.acceptance.signature, MARGIN.left, y, box.width, box.height);
		pdf.doc.setDrawColor(160);
		pdf.doc.rect(MARGIN.left, y, drawn.width, drawn.height);
	}
	frame(pdf, model, labels);
	return toBlob(pdf);
}

/**
 * A complaint form as an A4 PDF: its fields (the payment status among them, as every paper to
 * logistics must state it), then each photo, two to a row, with its size and hash as caption.
 */
export async function complaintFormPdf(
	model: ComplaintFormPdfModel,
	labels: OnsiteFormPdfLabels
): Promise<Blob> {
	const pdf = await createPdfDocument('portrait');
	let y = fieldsTable(pdf, MARGIN.top, labels.fieldsSection, model.fields);
	const pageWidth = pdf.doc.internal.pageSize.getWidth();
	const gap = 6;
	const cell = { width: (pageWidth - MARGIN.left - MARGIN.right - gap) / 2, height: 75 };
	y = roomFor(pdf, y, 14);
	y = heading(pdf, y, labels.photosSection);
	if (model.photos.length === 0) {
		pdf.doc.setFontSize(9);
		pdf.doc.text(pdf.safe(labels.noPhotos), MARGIN.left, y + 4);
	}
	for (let index = 0; index < model.photos.length; index += 2) {
		y = roomFor(pdf, y, cell.height + 8);
		let rowHeight = 0;
		for (const [column, photo] of model.photos.slice(index, index + 2).entries()) {
			const x = MARGIN.left + column * (cell.width + gap);
			const drawn = drawImage(pdf, photo, x, y, cell.width, cell.height);
			pdf.doc.setFontSize(7);
			const caption = fill(labels.photoCaption, {
				index: index + column + 1,
				width: photo.width,
				height: photo.height,
				hash: photo.sha256.slice(0, 12)
			});
			pdf.doc.text(pdf.safe(caption), x, y + drawn.height + 4);
			rowHeight = Math.max(rowHeight, drawn.height);
		}
		y += rowHeight + 9;
	}
	frame(pdf, model, labels);
	return toBlob(pdf);
}

/** Every text of an on-site form with where it is (the field's label), for the missing-glyph report. */
export function onsiteFormTexts(model: ServiceFormPdfModel | ComplaintFormPdfModel): PlacedText[] {
	const fields = [
		...model.fields,
		...('acceptance' in model && model.acceptance ? model.acceptance.fields : [])
	];
	return [
		{ where: model.id, text: `${model.centre} ${model.printedAt}` },
		...fields.map((field) => ({ where: field.label, text: field.value }))
	];
}

/** The characters of an on-site form that the PDF font cannot draw, with where they occur. */
export async function onsiteFormMissingGlyphs(
	model: ServiceFormPdfModel | ComplaintFormPdfModel
): Promise<MissingGlyph[]> {
	return findMissingGlyphs(onsiteFormTexts(model), (await pdfFont()).codePoints);
}
