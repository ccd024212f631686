import { loadMasterData } from '$lib/data/master-data';
import { formatSeedDate, formatSeedDateTime } from '$lib/domain/dates';
import { codeAndName } from '$lib/domain/master-data';
import type { Notification } from '$lib/domain/notification';
import { formatFen, lineTotalFen, totalFen } from '$lib/domain/records/money';
import type { QuoteRecord } from '$lib/domain/records/record';
import { t } from '$lib/i18n';
import type { MissingGlyph } from '$lib/pdf/glyphs';
import type { QuotePdfLabels, QuotePdfModel } from '$lib/pdf/quote-pdf';
import { downloadBlob } from './download';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

/** The quote's model in the current language: amounts from fen, the state with its date. */
export function quoteModel(
	quote: QuoteRecord,
	notification: Notification,
	customer: string,
	printedAt: Date
): QuotePdfModel {
	const decided = quote.decidedOn ? ` ${formatSeedDate(quote.decidedOn)}` : '';
	const sent = quote.sentOn ? ` ${formatSeedDate(quote.sentOn)}` : '';
	return {
		title: t('records.quote.title', { id: quote.id }),
		facts: t('records.quote.facts', {
			notification: notification.number,
			customer,
			printedAt: formatSeedDateTime(printedAt.toISOString())
		}),
		lines: quote.lines.map((line) => [
			line.item,
			String(line.quantity),
			formatFen(line.unitPriceFen),
			formatFen(lineTotalFen(line))
		]),
		total: formatFen(totalFen(quote.lines)),
		state:
			t(`records.state.${quote.state}`) +
			(quote.state === 'accepted' || quote.state === 'rejected' ? decided : sent) +
			(quote.state === 'rejected' ? `（${quote.rejectionReason}）` : '')
	};
}

/** The quote's fixed words in the current language. */
export function quoteLabels(): QuotePdfLabels {
	return {
		columns: [
			t('records.field.item'),
			t('records.field.quantity'),
			t('records.field.unitPrice'),
			t('records.field.lineTotal')
		],
		total: t('records.field.total'),
		state: t('records.field.state'),
		pageOf: t('print.pdf.pageOf')
	};
}

/** A quote laid out for printing, with the characters the font lacks. */
export interface PreparedQuote {
	quote: QuoteRecord;
	model: QuotePdfModel;
	labels: QuotePdfLabels;
	missing: MissingGlyph[];
}

/** Lays out a quote in the screen's language and finds the characters the PDF font lacks. */
export async function prepareQuote(
	quote: QuoteRecord,
	notification: Notification
): Promise<PreparedQuote | undefined> {
	try {
		const masterData = await loadMasterData();
		const customer = codeAndName(masterData, 'customer', notification.soldTo);
		const model = quoteModel(quote, notification, customer, new Date());
		const labels = quoteLabels();
		const { quoteMissingGlyphs } = await import('$lib/pdf/quote-pdf');
		return { quote, model, labels, missing: await quoteMissingGlyphs(model, labels) };
	} catch (error) {
		handleError(error, 'print.failed');
		return undefined;
	}
}

/** Makes the quote PDF (lazily loaded; 〓 for a missing character) and downloads it. */
export async function printQuote(prepared: PreparedQuote): Promise<boolean> {
	try {
		const { quotePdf } = await import('$lib/pdf/quote-pdf');
		const blob = await quotePdf(prepared.model, prepared.labels);
		const fileName = `${prepared.quote.id}.pdf`;
		downloadBlob(blob, fileName);
		showToast('success', t('records.quote.printed', { file: fileName }));
		return true;
	} catch (error) {
		handleError(error, 'print.failed');
		return false;
	}
}
