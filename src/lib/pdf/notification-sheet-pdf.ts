import { createPdfDocument, drawPageFrames, MARGIN, toBlob } from './document';
import { pdfFont } from './font';
import { fill, findMissingGlyphs, type MissingGlyph, type PlacedText } from './glyphs';

/** One notification as printed for purchasing and PSI, every value already in the print language. */
export interface NotificationSheetModel {
	number: string;
	centre: string;
	printedAt: string;
	/** The header fields with their labels, payment status and object address among them. */
	fields: { label: string; value: string }[];
	/** Partner function ("SH 送达方") and partner ("27 申齐保健食品有限公司"). */
	partners: { role: string; partner: string }[];
	/** One line per item, in the order of `NotificationSheetLabels.itemColumns`. */
	items: string[][];
	longText: { author: string; at: string; text: string }[];
	history: { at: string; actor: string; text: string }[];
}

/** The fixed words of the sheet in the print language. */
export interface NotificationSheetLabels {
	/** `客户服务通知单 {number}`. */
	title: string;
	/** `责任中心：{centre} 打印时间：{printedAt}`. */
	facts: string;
	fieldsSection: string;
	partnersSection: string;
	partnerColumns: [string, string];
	itemsSection: string;
	itemColumns: string[];
	longTextSection: string;
	/** `{author}，{at}`. */
	longTextStamp: string;
	historySection: string;
	historyColumns: [string, string, string];
	none: string;
	pageOf: string;
}

/** Every text of the sheet with where it is, for the missing-glyph report. */
export function notificationSheetTexts(
	model: NotificationSheetModel,
	labels: NotificationSheetLabels
): PlacedText[] {
	return [
		{ where: fill(labels.title, model), text: `${model.centre} ${model.printedAt}` },
		...model.fields.map((field) => ({ where: field.label, text: field.value })),
		...model.partners.map((partner) => ({
			where: `${labels.partnersSection} ${partner.role}`,
			text: `${partner.role} ${partner.partner}`
		})),
		...model.items.flatMap((item, index) =>
			item.map((text, column) => ({
				where: `${labels.itemsSection} ${index + 1} · ${labels.itemColumns[column] ?? ''}`,
				text
			}))
		),
		...model.longText.map((entry, index) => ({
			where: `${labels.longTextSection} ${index + 1}`,
			text: `${entry.author} ${entry.at} ${entry.text}`
		})),
		...model.history.map((entry, index) => ({
			where: `${labels.historySection} ${index + 1}`,
			text: `${entry.at} ${entry.actor} ${entry.text}`
		}))
	];
}

/** The characters of the sheet that the PDF font cannot draw, with where they occur. */
export async function notificationSheetMissingGlyphs(
	model: NotificationSheetModel,
	labels: NotificationSheetLabels
): Promise<MissingGlyph[]> {
	return findMissingGlyphs(notificationSheetTexts(model, labels), (await pdfFont()).codePoints);
}

/**
 * One notification as an A4 PDF, the liaison sheet for purchasing and PSI: header fields with
 * labels (payment status, object address), partners, items, every long-text entry with author and
 * time, the status history; page header and "第 x 页 / 共 y 页" on every page. Long text may run
 * over pages; characters the font lacks print as 〓.
 */
export async function notificationSheetPdf(
	model: NotificationSheetModel,
	labels: NotificationSheetLabels
): Promise<Blob> {
	const pdf = await createPdfDocument('portrait');
	const { safe } = pdf;
	let y = MARGIN.top;
	const section = (
		title: string,
		columns: string[],
		body: string[][],
		options: { split?: boolean; widths?: number[] } = {}
	) => {
		pdf.table({
			startY: y,
			showHead: 'everyPage',
			// Long text may fill more than a page: only then is a row split.
			rowPageBreak: options.split ? 'auto' : 'avoid',
			columnStyles: Object.fromEntries(
				(options.widths ?? []).map((width, index) => [index, { cellWidth: width }])
			),
			head: [
				[
					{ content: safe(title), colSpan: columns.length, styles: { fillColor: 210, fontSize: 9 } }
				],
				...(columns.length > 1 ? [columns.map(safe)] : [])
			],
			body:
				body.length > 0
					? body.map((row) => row.map(safe))
					: [[{ content: safe(labels.none), colSpan: columns.length }]]
		});
		y = pdf.lastY() + 5;
	};
	// Header fields two to a line: label, value, label, value.
	const pairs: string[][] = [];
	for (let index = 0; index < model.fields.length; index += 2) {
		const [left, right] = [model.fields[index]!, model.fields[index + 1]];
		pairs.push([left.label, left.value, right?.label ?? '', right?.value ?? '']);
	}
	pdf.table({
		startY: y,
		head: [
			[{ content: safe(labels.fieldsSection), colSpan: 4, styles: { fillColor: 210, fontSize: 9 } }]
		],
		body: pairs.map((row) => row.map(safe)),
		columnStyles: {
			0: { cellWidth: 28, fillColor: 245 },
			1: { cellWidth: 65 },
			2: { cellWidth: 28, fillColor: 245 },
			3: { cellWidth: 65 }
		}
	});
	y = pdf.lastY() + 5;
	section(
		labels.partnersSection,
		labels.partnerColumns,
		model.partners.map((partner) => [partner.role, partner.partner])
	);
	section(labels.itemsSection, labels.itemColumns, model.items);
	section(
		labels.longTextSection,
		[labels.longTextSection],
		model.longText.map((entry) => [`${fill(labels.longTextStamp, entry)}\n${entry.text}`]),
		{ split: true }
	);
	section(
		labels.historySection,
		labels.historyColumns,
		model.history.map((entry) => [entry.at, entry.actor, entry.text]),
		{ split: true, widths: [28, 38] }
	);
	drawPageFrames(pdf, {
		title: fill(labels.title, model),
		facts: fill(labels.facts, model),
		pageOf: labels.pageOf
	});
	return toBlob(pdf);
}
