import { loadMasterData } from '$lib/data/master-data';
import { formatSeedDate, formatSeedDateTime } from '$lib/domain/dates';
import { codeAndName } from '$lib/domain/master-data';
import type { Notification } from '$lib/domain/notification';
import { formatFen, lineTotalFen, totalFen } from '$lib/domain/records/money';
import type { QuoteRecord } from '$lib/domain/records/record';
import { t } from '$lib/i18n';
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

/** Prints a quote as PDF (the PDF module loads lazily) and downloads it. */
export async function printQuote(quote: QuoteRecord, notification: Notification): Promise<boolean> {
	try {
		const masterData = await loadMasterData();
		const customer = codeAndName(masterData, 'customer', notification.soldTo);
		const { quotePdf } = await import('$lib/pdf/quote-pdf');
		const blob = await quotePdf(
			quoteModel(quote, notification, customer, new Date()),
			quoteLabels()
		);
		const fileName = `${quote.id}.pdf`;
		downloadBlob(blob, fileName);
		showToast('success', t('records.quote.printed', { file: fileName }));
		return true;
	} catch (error) {
		handleError(error, 'print.failed');
		return false;
	}
}
