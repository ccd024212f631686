import { ConflictError, ForeignRecordError, NotificationMissingError } from '$lib/data/errors';
import type { MailAttachment } from '$lib/domain/mail/message';
import { loadMasterData } from '$lib/data/master-data';
import { partsOfNotifications } from '$lib/data/records';
import {
	applyNotificationAction,
	markPrintedInWorkPlan,
	selectOpenNotifications
} from '$lib/data/notifications';
import type { Actor } from '$lib/domain/actor';
import { formatSeedDateTime } from '$lib/domain/dates';
import type { DeviceIdentity } from '$lib/domain/identity';
import { findMaster, type MasterData } from '$lib/domain/master-data';
import type { Notification } from '$lib/domain/notification';
import {
	buildWorkPlan,
	partsToDraw,
	checkWorkPlanRange,
	rangeText,
	type RangeProblem,
	type WorkPlanRange
} from '$lib/domain/work-plan';
import { inLocale, loadLocale, t, type Locale } from '$lib/i18n';
import type { MissingGlyph } from '$lib/pdf/glyphs';
import type {
	NotificationSheetLabels,
	NotificationSheetModel
} from '$lib/pdf/notification-sheet-pdf';
import type { WorkPlanPdfLabels, WorkPlanPdfModel } from '$lib/pdf/work-plan-pdf';
import { currentConfiguration } from './configuration.svelte';
import { downloadBlob } from './download';
import { handleError } from './handle-error';
import {
	notificationSheetLabels,
	notificationSheetModel,
	workPlanLabels,
	workPlanModel
} from './print-model';
import { showToast } from './toast.svelte';

/** A work plan ready to print, or why there is nothing to print. */
export type PreparedWorkPlan =
	| { kind: 'invalid'; problem: RangeProblem }
	| { kind: 'needsConfirmation'; days: number }
	| { kind: 'empty' }
	| {
			kind: 'ready';
			range: WorkPlanRange;
			days: number;
			count: number;
			/** This centre's notifications in the plan: printing marks them NOPT. */
			ownNumbers: string[];
			/** Other centres' (head office): printed, never marked. */
			foreignCount: number;
			/** The plan in the print language, for the PDF. */
			model: WorkPlanPdfModel;
			labels: WorkPlanPdfLabels;
			/** The same plan in the screen's language, shown before printing. */
			screen: { model: WorkPlanPdfModel; labels: WorkPlanPdfLabels };
			missing: MissingGlyph[];
	  };

/** The centre as a print header names it: "4002 上海服务中心", the centre's name from master data, or all. */
export function centreText(
	centre: string,
	identity: DeviceIdentity | undefined,
	masterData: MasterData
): string {
	if (!centre) return t('print.allCentres');
	if (identity?.centreCode === centre) return `${centre} ${identity.centreName}`;
	const office = findMaster(masterData, 'salesOffice', centre);
	return office ? `${office.code} ${office.name}` : centre;
}

/**
 * Reads the open notifications of a centre (all centres: '') and lays out the work plan of a
 * range in the print language, with the characters the font lacks. A reversed or empty range, a
 * range of more than a year not yet confirmed, or nothing to do gives no PDF.
 */
export async function prepareWorkPlan(input: {
	range: WorkPlanRange;
	centre: string;
	locale: Locale;
	identity: DeviceIdentity | undefined;
	isLongRangeConfirmed?: boolean;
	now?: Date;
}): Promise<PreparedWorkPlan> {
	const check = checkWorkPlanRange(input.range);
	if (!check.ok) return { kind: 'invalid', problem: check.problem };
	if (check.needsConfirmation && !input.isLongRangeConfirmed)
		return { kind: 'needsConfirmation', days: check.days };
	const [notifications, masterData] = await Promise.all([
		selectOpenNotifications(input.centre || undefined),
		loadMasterData()
	]);
	const plan = buildWorkPlan(notifications, input.range);
	if (plan.count === 0) return { kind: 'empty' };
	const own = input.identity?.centreCode;
	const numbers = plan.days.flatMap((day) =>
		day.groups.flatMap((group) => group.entries.map((entry) => entry.notification))
	);
	const ownNumbers = numbers.filter((n) => n.centre === own).map((n) => n.number);
	const requisitions = await partsOfNotifications(numbers);
	const parts = new Map(
		[...requisitions].map(([number, records]) => [number, partsToDraw(records)] as const)
	);
	const configuration = currentConfiguration();
	const layout = () => ({
		model: workPlanModel(plan, {
			masterData,
			configuration,
			centreText: centreText(input.centre, input.identity, masterData),
			printedAt: input.now ?? new Date(),
			parts
		}),
		labels: workPlanLabels()
	});
	await loadLocale(input.locale);
	const { model, labels } = inLocale(input.locale, layout);
	const { workPlanMissingGlyphs } = await import('$lib/pdf/work-plan-pdf');
	return {
		kind: 'ready',
		range: input.range,
		days: check.days,
		count: plan.count,
		ownNumbers,
		foreignCount: plan.count - ownNumbers.length,
		model,
		labels,
		screen: layout(),
		missing: await workPlanMissingGlyphs(model, labels)
	};
}

function failed(error: unknown): false {
	if (error instanceof ForeignRecordError) {
		showToast('error', t('notification.foreignRecord', { number: error.number }));
	} else if (error instanceof NotificationMissingError) {
		showToast('error', t('notification.notFound', { number: error.number }));
	} else handleError(error, 'print.failed');
	return false;
}

/**
 * Makes the work plan PDF, then sets NOPT on this centre's notifications in it (one transaction),
 * then downloads the file. If the flag cannot be written, nothing is downloaded: a print that
 * does not show in the history must not look done.
 */
export async function printWorkPlan(
	prepared: Extract<PreparedWorkPlan, { kind: 'ready' }>,
	actor: Actor
): Promise<boolean> {
	try {
		const { workPlanPdf } = await import('$lib/pdf/work-plan-pdf');
		// Printed at: now, not when the plan was shown.
		const model = { ...prepared.model, printedAt: formatSeedDateTime(new Date().toISOString()) };
		const blob = await workPlanPdf(model, prepared.labels);
		const plan = rangeText(prepared.range);
		if (prepared.ownNumbers.length > 0) {
			await markPrintedInWorkPlan(prepared.ownNumbers, plan, actor, currentConfiguration());
		}
		const file = `ZSMR006_${prepared.range.from}_${prepared.range.to}.pdf`;
		downloadBlob(blob, file);
		showToast('success', t('print.printedPlan', { file, count: prepared.ownNumbers.length }));
		return true;
	} catch (error) {
		return failed(error);
	}
}

/** One notification's sheet ready to print, in the print language. */
export interface PreparedSheet {
	notification: Notification;
	model: NotificationSheetModel;
	labels: NotificationSheetLabels;
	missing: MissingGlyph[];
}

/** Lays out one notification's sheet in the print language, with the characters the font lacks. */
export async function prepareNotificationSheet(
	notification: Notification,
	locale: Locale,
	identity: DeviceIdentity | undefined,
	now = new Date()
): Promise<PreparedSheet> {
	const masterData = await loadMasterData();
	const configuration = currentConfiguration();
	await loadLocale(locale);
	const { model, labels } = inLocale(locale, () => ({
		model: notificationSheetModel(notification, {
			masterData,
			configuration,
			centreText: centreText(notification.centre, identity, masterData),
			printedAt: now
		}),
		labels: notificationSheetLabels()
	}));
	const { notificationSheetMissingGlyphs } = await import('$lib/pdf/notification-sheet-pdf');
	return {
		notification,
		model,
		labels,
		missing: await notificationSheetMissingGlyphs(model, labels)
	};
}

/**
 * Makes the sheet PDF, sets NOPT on the notification (from the revision shown; another centre's
 * record is printed without it) and downloads the file; a failed write downloads nothing.
 */
export async function printNotificationSheet(
	prepared: PreparedSheet,
	actor: Actor,
	identity: DeviceIdentity | undefined
): Promise<boolean> {
	const { notification } = prepared;
	try {
		const { notificationSheetPdf } = await import('$lib/pdf/notification-sheet-pdf');
		const model = { ...prepared.model, printedAt: formatSeedDateTime(new Date().toISOString()) };
		const blob = await notificationSheetPdf(model, prepared.labels);
		const file = `${notification.number}.pdf`;
		if (notification.centre !== identity?.centreCode) {
			downloadBlob(blob, file);
			showToast('success', t('print.printedOnly', { file }));
			return true;
		}
		const result = await applyNotificationAction(
			notification.number,
			notification.revision.rev,
			{ kind: 'markPrinted' },
			actor,
			currentConfiguration()
		);
		if (!result.ok) {
			showToast('error', t('print.failed'));
			return false;
		}
		downloadBlob(blob, file);
		showToast('success', t('print.printedSheet', { file }));
		return true;
	} catch (error) {
		if (error instanceof ConflictError) {
			showToast('error', t('notification.conflict', { number: notification.number }));
			return false;
		}
		return failed(error);
	}
}

/**
 * The notification sheet as an e-mail attachment (in Chinese, the default print language), for the
 * escalation's .eml. Sending is not printing: it sets no NOPT. Characters the font lacks print as
 * 〓, as on paper.
 */
export async function notificationSheetAttachment(
	notification: Notification,
	identity: DeviceIdentity | undefined
): Promise<MailAttachment[]> {
	const prepared = await prepareNotificationSheet(notification, 'zh-CN', identity);
	const { notificationSheetPdf } = await import('$lib/pdf/notification-sheet-pdf');
	const blob = await notificationSheetPdf(prepared.model, prepared.labels);
	return [
		{
			filename: `${notification.number}.pdf`,
			contentType: 'application/pdf',
			bytes: new Uint8Array(await blob.arrayBuffer())
		}
	];
}
