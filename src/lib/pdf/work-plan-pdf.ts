import type { CellHookData } from 'jspdf-autotable';
import { createPdfDocument, drawPageFrames, MARGIN, toBlob } from './document';
import { pdfFont } from './font';
import { fill, findMissingGlyphs, type MissingGlyph, type PlacedText } from './glyphs';

/** The columns of a work-plan row, in print order. */
export const WORK_PLAN_COLUMNS = [
	'number',
	'type',
	'customer',
	'objectAddress',
	'phone',
	'description',
	'requiredStart',
	'requiredEnd',
	'userStatus',
	'urgent',
	'parts'
] as const;
export type WorkPlanColumn = (typeof WORK_PLAN_COLUMNS)[number];

/** Column widths in mm on A4 landscape (277 mm between the margins). */
const WIDTHS: Record<WorkPlanColumn, number> = {
	number: 25,
	type: 23,
	customer: 32,
	objectAddress: 45,
	phone: 22,
	description: 38,
	requiredStart: 18,
	requiredEnd: 18,
	userStatus: 22,
	urgent: 12,
	parts: 18
};

/** One row as printed: every value already in words ("KCJS 勘察结束", "27 申齐保健食品有限公司"). */
export type WorkPlanPdfRow = Record<WorkPlanColumn, string> & { isUrgent: boolean };

/** One day and person responsible: a heading and its rows, in order. */
export interface WorkPlanPdfGroup {
	day: string;
	person: string;
	rows: WorkPlanPdfRow[];
}

/** What the work plan PDF shows, all values already in the print language. */
export interface WorkPlanPdfModel {
	centre: string;
	range: string;
	printedAt: string;
	groups: WorkPlanPdfGroup[];
}

/** The fixed words of the work plan in the print language (never the screen's). */
export interface WorkPlanPdfLabels {
	title: string;
	/** `责任中心：{centre} 日期范围：{range} 打印时间：{printedAt}`. */
	facts: string;
	/** `{day} 负责人：{person}`. */
	groupHeading: string;
	/** Added to a group's heading on the pages it continues on. */
	continued: string;
	pageOf: string;
	columns: Record<WorkPlanColumn, string>;
}

/** Every text of the plan with where it is, for the missing-glyph report. */
export function workPlanTexts(model: WorkPlanPdfModel, labels: WorkPlanPdfLabels): PlacedText[] {
	const texts: PlacedText[] = [
		{ where: labels.title, text: `${model.centre} ${model.range} ${model.printedAt}` }
	];
	for (const group of model.groups) {
		texts.push({ where: fill(labels.groupHeading, group), text: group.person });
		for (const row of group.rows) {
			for (const column of WORK_PLAN_COLUMNS) {
				texts.push({ where: `${row.number} · ${labels.columns[column]}`, text: row[column] });
			}
		}
	}
	return texts;
}

/** The characters of the plan that the PDF font cannot draw, with where they occur. */
export async function workPlanMissingGlyphs(
	model: WorkPlanPdfModel,
	labels: WorkPlanPdfLabels
): Promise<MissingGlyph[]> {
	return findMissingGlyphs(workPlanTexts(model, labels), (await pdfFont()).codePoints);
}

/**
 * The work plan as an A4 landscape PDF: the header (centre, range, printed at) and "第 x 页 / 共 y
 * 页" on every page; one table per day and person whose heading repeats, marked as continued, on
 * every page it runs on; a row is never split across pages; urgent rows shaded. Characters the
 * font lacks print as 〓 (check `workPlanMissingGlyphs` and ask first).
 */
export async function workPlanPdf(
	model: WorkPlanPdfModel,
	labels: WorkPlanPdfLabels
): Promise<Blob> {
	const pdf = await createPdfDocument('landscape');
	const { safe } = pdf;
	const columnStyles = Object.fromEntries(
		WORK_PLAN_COLUMNS.map((column, index) => [index, { cellWidth: WIDTHS[column] }])
	);
	let y = MARGIN.top;
	for (const group of model.groups) {
		const heading = safe(fill(labels.groupHeading, group));
		pdf.table({
			startY: y,
			showHead: 'everyPage',
			head: [
				[
					{
						content: heading,
						colSpan: WORK_PLAN_COLUMNS.length,
						styles: { fillColor: 210, fontSize: 9 }
					}
				],
				WORK_PLAN_COLUMNS.map((column) => safe(labels.columns[column]))
			],
			body: group.rows.map((row) => WORK_PLAN_COLUMNS.map((column) => safe(row[column]))),
			columnStyles,
			willDrawCell: (data: CellHookData) => {
				// A group that runs onto another page says so in its repeated heading.
				if (data.section === 'head' && data.row.index === 0 && data.pageNumber > 1) {
					data.cell.text = [`${heading} ${safe(labels.continued)}`];
				}
			},
			didParseCell: (data: CellHookData) => {
				if (data.section === 'body' && group.rows[data.row.index]?.isUrgent) {
					data.cell.styles.fillColor = [253, 228, 228];
				}
			}
		});
		y = pdf.lastY() + 4;
	}
	drawPageFrames(pdf, {
		title: labels.title,
		facts: fill(labels.facts, {
			centre: model.centre,
			range: model.range,
			printedAt: model.printedAt
		}),
		pageOf: labels.pageOf
	});
	return toBlob(pdf);
}
