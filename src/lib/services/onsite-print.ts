import { getImage, recordsOfNotification } from '$lib/data/records';
import { loadMasterData } from '$lib/data/master-data';
import { formatSeedDate, formatSeedDateTime } from '$lib/domain/dates';
import type { DeviceIdentity } from '$lib/domain/identity';
import type { MailAttachment } from '$lib/domain/mail/message';
import type { ImageRef, ComplaintRecord, ServiceFormRecord } from '$lib/domain/records/record';
import type { Notification } from '$lib/domain/notification';
import { inLocale, loadLocale, t, type Locale, type MessageKey } from '$lib/i18n';
import type { MissingGlyph } from '$lib/pdf/glyphs';
import type {
	ComplaintFormPdfModel,
	OnsiteFormPdfLabels,
	PdfImage,
	ServiceFormPdfModel
} from '$lib/pdf/onsite-forms-pdf';
import { downloadBlob } from './download';
import { handleError } from './handle-error';
import { masterText } from './labels';
import { centreText } from './print';
import { showToast } from './toast.svelte';

/** The fixed words of the on-site forms in the print language (call inside `inLocale`). */
export function onsiteFormLabels(title: 'serviceTitle' | 'complaintTitle'): OnsiteFormPdfLabels {
	return {
		title: t(`onsite.pdf.${title}`),
		facts: t('onsite.pdf.facts'),
		fieldsSection: t('onsite.pdf.fieldsSection'),
		acceptanceSection: t('onsite.pdf.acceptanceSection'),
		notAccepted: t('onsite.pdf.notAccepted'),
		photosSection: t('onsite.pdf.photosSection'),
		noPhotos: t('onsite.pdf.noPhotos'),
		photoCaption: t('onsite.pdf.photoCaption'),
		signature: t('records.field.signature'),
		pageOf: t('print.pdf.pageOf')
	};
}

const label = (field: string) => t(`records.field.${field}` as MessageKey);
const orNone = (value: string) => value || t('onsite.pdf.none');

async function pdfImage(ref: ImageRef): Promise<PdfImage> {
	const row = await getImage(ref.sha256);
	if (!row) throw new Error(`image ${ref.sha256} is not stored`);
	return {
		bytes: new Uint8Array(await row.blob.arrayBuffer()),
		type: ref.type,
		width: ref.width,
		height: ref.height,
		sha256: ref.sha256
	};
}

/** An on-site form laid out for its PDF, with the characters the font lacks. */
export type PreparedOnsitePrint = { file: string; missing: MissingGlyph[] } & (
	| { kind: 'serviceForm'; model: ServiceFormPdfModel; labels: OnsiteFormPdfLabels }
	| { kind: 'complaint'; model: ComplaintFormPdfModel; labels: OnsiteFormPdfLabels }
);

/** Lays out a service form with its acceptance and the signature image, in the print language. */
export async function prepareServiceFormPrint(
	record: ServiceFormRecord,
	notification: Notification,
	identity: DeviceIdentity | undefined,
	locale: Locale = 'zh-CN'
): Promise<PreparedOnsitePrint> {
	const masterData = await loadMasterData();
	const signature = record.acceptance ? await pdfImage(record.acceptance.signature) : undefined;
	await loadLocale(locale);
	const { model, labels } = inLocale(locale, () => {
		const model: ServiceFormPdfModel = {
			id: record.id,
			notification: notification.number,
			centre: centreText(notification.centre, identity, masterData),
			printedAt: formatSeedDateTime(new Date().toISOString()),
			fields: [
				{ label: label('visitDate'), value: formatSeedDate(record.visitDate) },
				{ label: label('staff'), value: masterText(masterData, 'staff', record.staff) },
				{ label: label('workDone'), value: orNone(record.workDone) },
				{ label: label('partsUsed'), value: orNone(record.partsUsed) },
				{ label: label('result'), value: orNone(record.result) },
				{ label: label('surveyDone'), value: t(record.surveyDone ? 'app.yes' : 'app.no') }
			],
			acceptance:
				record.acceptance && signature
					? {
							fields: [
								{ label: label('customerName'), value: record.acceptance.customerName },
								{
									label: label('acceptedAt'),
									value: formatSeedDateTime(record.acceptance.acceptedAt)
								}
							],
							signature
						}
					: null
		};
		return { model, labels: onsiteFormLabels('serviceTitle') };
	});
	const { onsiteFormMissingGlyphs } = await import('$lib/pdf/onsite-forms-pdf');
	const missing = await onsiteFormMissingGlyphs(model);
	return { kind: 'serviceForm', file: `${record.id}.pdf`, model, labels, missing };
}

/** Lays out a complaint form with its payment status and photos, in the print language. */
export async function prepareComplaintPrint(
	record: ComplaintRecord,
	notification: Notification,
	identity: DeviceIdentity | undefined,
	locale: Locale = 'zh-CN'
): Promise<PreparedOnsitePrint> {
	const masterData = await loadMasterData();
	const photos = await Promise.all(record.photos.map(pdfImage));
	await loadLocale(locale);
	const { model, labels } = inLocale(locale, () => {
		const model: ComplaintFormPdfModel = {
			id: record.id,
			notification: notification.number,
			centre: centreText(notification.centre, identity, masterData),
			printedAt: formatSeedDateTime(new Date().toISOString()),
			fields: [
				{ label: label('paymentStatus'), value: t(`paymentStatus.${record.paymentStatus}`) },
				{
					label: label('requestedResolution'),
					value: t(`onsite.resolution.${record.requestedResolution}`)
				},
				{ label: label('details'), value: orNone(record.details) },
				{
					label: t('field.shipTo'),
					value: masterText(masterData, 'customer', notification.shipTo)
				},
				{ label: t('field.description'), value: orNone(notification.description) },
				{ label: t('onsite.photo.countLabel'), value: String(record.photos.length) }
			],
			photos
		};
		return { model, labels: onsiteFormLabels('complaintTitle') };
	});
	const { onsiteFormMissingGlyphs } = await import('$lib/pdf/onsite-forms-pdf');
	const missing = await onsiteFormMissingGlyphs(model);
	return { kind: 'complaint', file: `${record.id}.pdf`, model, labels, missing };
}

/**
 * Makes the PDF of a prepared form and downloads it (characters the font lacks as 〓: the user
 * was shown them first). Printing a form sets no flag on the notification.
 */
export async function printOnsiteForm(prepared: PreparedOnsitePrint): Promise<boolean> {
	try {
		const pdf = await import('$lib/pdf/onsite-forms-pdf');
		const blob =
			prepared.kind === 'serviceForm'
				? await pdf.serviceFormPdf(prepared.model, prepared.labels)
				: await pdf.complaintFormPdf(prepared.model, prepared.labels);
		downloadBlob(blob, prepared.file);
		showToast('success', t('onsite.printed', { file: prepared.file }));
		return true;
	} catch (error) {
		handleError(error, 'print.failed');
		return false;
	}
}

/**
 * The notification's complaint forms as PDF attachments (in Chinese, with their photos) for the
 * escalation's .eml: the form "sent to regional logistics" (SM01 §7) travels with the message.
 * Sending is not printing; characters the font lacks are 〓, as on paper.
 */
export async function complaintAttachments(
	notification: Notification,
	identity: DeviceIdentity | undefined
): Promise<MailAttachment[]> {
	const complaints = (await recordsOfNotification(notification.number)).filter(
		(record): record is ComplaintRecord => record.kind === 'complaint'
	);
	if (complaints.length === 0) return [];
	const { complaintFormPdf } = await import('$lib/pdf/onsite-forms-pdf');
	const attachments: MailAttachment[] = [];
	for (const record of complaints) {
		const prepared = await prepareComplaintPrint(record, notification, identity);
		if (prepared.kind !== 'complaint') continue;
		const blob = await complaintFormPdf(prepared.model, prepared.labels);
		attachments.push({
			filename: prepared.file,
			contentType: 'application/pdf',
			bytes: new Uint8Array(await blob.arrayBuffer())
		});
	}
	return attachments;
}
