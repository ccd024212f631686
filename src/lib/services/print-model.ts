import { formatSeedDate, formatSeedDateTime } from '$lib/domain/dates';
import { findMaster, objectAddress, type MasterData } from '$lib/domain/master-data';
import { partnersOf, type Notification } from '$lib/domain/notification';
import type { Configuration } from '$lib/domain/status/profile';
import { rangeText, type WorkPlan } from '$lib/domain/work-plan';
import { t, type MessageKey } from '$lib/i18n';
import type {
	NotificationSheetLabels,
	NotificationSheetModel
} from '$lib/pdf/notification-sheet-pdf';
import {
	WORK_PLAN_COLUMNS,
	type WorkPlanColumn,
	type WorkPlanPdfLabels,
	type WorkPlanPdfModel
} from '$lib/pdf/work-plan-pdf';
import {
	fieldValueText,
	historyText,
	masterText,
	paymentStatusText,
	typeText,
	userStatusText
} from './labels';

// Everything here speaks the language `t` speaks now: callers wrap it in `inLocale(printLocale, …)`,
// so the print's language is the one chosen at print time, not the screen's.

const COLUMN_LABELS: Record<WorkPlanColumn, MessageKey> = {
	number: 'field.number',
	type: 'field.type',
	customer: 'print.pdf.customer',
	objectAddress: 'field.objectAddress',
	phone: 'print.pdf.phone',
	description: 'field.description',
	requiredStart: 'field.requiredStart',
	requiredEnd: 'field.requiredEnd',
	userStatus: 'field.userStatus',
	urgent: 'field.isUrgent',
	parts: 'print.pdf.parts'
};

/** The fixed words of the work plan PDF. */
export function workPlanLabels(): WorkPlanPdfLabels {
	return {
		title: t('print.workPlanTitle'),
		facts: t('print.pdf.facts'),
		groupHeading: t('print.pdf.groupHeading'),
		continued: t('print.pdf.continued'),
		pageOf: t('print.pdf.pageOf'),
		columns: Object.fromEntries(
			WORK_PLAN_COLUMNS.map((column) => [column, t(COLUMN_LABELS[column])])
		) as Record<WorkPlanColumn, string>
	};
}

/** What a print needs besides the records. */
export interface PrintContext {
	masterData: MasterData;
	configuration: Configuration;
	/** The centre as the header shows it ("4002 上海服务中心", or all centres). */
	centreText: string;
	printedAt: Date;
	/** The parts still to draw per notification number (SM05), one line each. */
	parts?: ReadonlyMap<string, readonly string[]>;
}

/** The plan's rows in words: codes with names, dates as the seed writes them, why a row is on its day. */
export function workPlanModel(plan: WorkPlan, context: PrintContext): WorkPlanPdfModel {
	const { masterData, configuration } = context;
	const groups = plan.days.flatMap((day) =>
		day.groups.map((group) => ({
			day: formatSeedDate(day.date),
			person: group.responsible
				? masterText(masterData, 'staff', group.responsible)
				: t('print.pdf.noResponsible'),
			rows: group.entries.map(({ notification, isCarried, isPostponed }) => {
				const customer = findMaster(masterData, 'customer', notification.shipTo);
				const start = formatSeedDate(notification.requiredStart);
				const why = isPostponed
					? t('print.postponed', { date: formatSeedDate(notification.postponement?.until) })
					: isCarried
						? t('print.carried', { date: start })
						: '';
				return {
					number: notification.number,
					type: typeText(configuration, notification.type),
					customer: customer ? `${customer.code} ${customer.name}` : notification.shipTo,
					objectAddress: objectAddress(notification, masterData),
					phone: customer?.phone ?? '',
					description: notification.description,
					requiredStart: why ? `${start}\n${why}` : start,
					requiredEnd: formatSeedDate(notification.requiredEnd),
					userStatus: userStatusText(configuration, notification.type, notification.userStatus),
					urgent: notification.isUrgent ? t('print.pdf.urgentMark') : '',
					parts: (context.parts?.get(notification.number) ?? []).join('\n'),
					isUrgent: notification.isUrgent
				};
			})
		}))
	);
	return {
		centre: context.centreText,
		range: rangeText(plan.range),
		printedAt: formatSeedDateTime(context.printedAt.toISOString()),
		groups
	};
}

/** The fixed words of the notification sheet. */
export function notificationSheetLabels(): NotificationSheetLabels {
	return {
		title: t('print.pdf.sheetTitle'),
		facts: t('print.pdf.sheetFacts'),
		fieldsSection: t('print.pdf.fieldsSection'),
		partnersSection: t('notification.partnersSection'),
		partnerColumns: [t('print.pdf.partnerFunction'), t('print.pdf.partner')],
		itemsSection: t('field.items'),
		itemColumns: (
			[
				'productCategory',
				'productType',
				'colourMain',
				'colourSecondary',
				'materialQuantity',
				'reasonCode',
				'reasonText'
			] as const
		).map((field) => t(`field.${field}`)),
		longTextSection: t('notification.longTextSection'),
		longTextStamp: t('print.pdf.longTextStamp'),
		historySection: t('notification.historySection'),
		historyColumns: [
			t('print.pdf.historyAt'),
			t('print.pdf.historyActor'),
			t('print.pdf.historyChange')
		],
		none: t('notification.none'),
		pageOf: t('print.pdf.pageOf')
	};
}

const PARTNER_FIELDS = { SH: 'field.shipTo', SP: 'field.soldTo', VW: 'field.responsible' } as const;

/** One notification in words for its sheet: the liaison text for purchasing and PSI. */
export function notificationSheetModel(
	notification: Notification,
	context: Omit<PrintContext, 'centreText'> & { centreText?: string }
): NotificationSheetModel {
	const { masterData, configuration } = context;
	const field = (key: string, value: string) => ({
		label: t(`field.${key}` as MessageKey),
		value: value || t('notification.none')
	});
	const master = (kind: Parameters<typeof masterText>[1], code: string) =>
		masterText(masterData, kind, code);
	const fields = [
		field('type', typeText(configuration, notification.type)),
		field('paymentStatus', paymentStatusText(configuration, notification.type)),
		field(
			'systemStatus',
			fieldValueText('systemStatus', notification.systemStatus, configuration, notification.type) +
				(notification.isPrinted ? ' · NOPT' : '')
		),
		field('userStatus', userStatusText(configuration, notification.type, notification.userStatus)),
		field('description', notification.description),
		field('isUrgent', t(notification.isUrgent ? 'app.yes' : 'app.no')),
		field('shipTo', master('customer', notification.shipTo)),
		field('objectAddress', objectAddress(notification, masterData)),
		field('reporter', notification.reporter),
		field(
			'poNumber',
			[notification.poNumber, formatSeedDate(notification.poDate)].filter(Boolean).join(' / ')
		),
		field('requiredStart', formatSeedDate(notification.requiredStart)),
		field('requiredEnd', formatSeedDate(notification.requiredEnd)),
		field('mainWorkCentre', master('workCentre', notification.mainWorkCentre)),
		field('responsible', master('staff', notification.responsible)),
		field('demandType', t(`demandType.${notification.demandType}` as MessageKey)),
		field('route', t(`route.${notification.route}` as MessageKey)),
		field('referenceNumber', notification.referenceNumber),
		field('functionalLocation', notification.functionalLocation),
		field(
			'salesArea',
			[notification.salesOrg, notification.distributionChannel, notification.division].join(' / ')
		),
		field('salesOffice', master('salesOffice', notification.salesOffice)),
		field('salesGroup', master('salesGroup', notification.salesGroup)),
		field('businessArea', master('businessArea', notification.businessArea)),
		field(
			'createdAt',
			`${formatSeedDateTime(notification.createdAt)} · ${notification.createdBy.name}`
		),
		field('changedAt', formatSeedDateTime(notification.changedAt))
	];
	return {
		number: notification.number,
		centre: context.centreText ?? notification.centre,
		printedAt: formatSeedDateTime(context.printedAt.toISOString()),
		fields,
		partners: partnersOf(notification).map((partner) => ({
			role: `${partner.function} ${t(PARTNER_FIELDS[partner.function])}`,
			partner: master(partner.function === 'VW' ? 'staff' : 'customer', partner.partner)
		})),
		items: notification.items.map((item) => [
			master('productCategory', item.productCategory),
			master('productCategory', item.productType ?? ''),
			master('colourCode', item.colourMain ?? ''),
			master('colourCode', item.colourSecondary ?? ''),
			item.materialQuantity,
			master('reasonCode', item.reasonCode ?? ''),
			item.reasonText ?? ''
		]),
		longText: notification.longText.map((entry) => ({
			author: entry.author.name,
			at: formatSeedDateTime(entry.at),
			text: entry.text
		})),
		history: notification.history.map((entry) => {
			const what = historyText(entry, configuration, notification.type);
			return {
				at: formatSeedDateTime(entry.at),
				actor: `${entry.actor.name} (${t(`role.${entry.actor.role}` as MessageKey)})`,
				text: entry.reason && !what.includes(entry.reason) ? `${what} — ${entry.reason}` : what
			};
		})
	};
}
