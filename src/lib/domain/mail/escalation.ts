import { formatSeedDate, formatSeedDateTime } from '../dates';
import { addressesOf, findMaster, objectAddress, type MasterData } from '../master-data';
import type { Notification, Route } from '../notification';
import type { EscalationTarget } from '../status/engine';
import type { MailMessage, Mailbox } from './message';

/** The escalation target of a route; a local notification is not escalated. */
export const TARGET_OF_ROUTE: Readonly<Partial<Record<Route, EscalationTarget>>> = {
	hqQuote: 'hqQuote',
	hqSupport: 'hqSupport',
	prePayment: 'logistics'
};

/**
 * The department proposed for a route, as the seed has it: on all three routes beyond the centre
 * the centre writes to its regional logistics (区物流), named in the centre's mail settings.
 * Undefined for a local route, or when that department is not (or no longer) in master data.
 */
export function proposedDepartment(
	route: Route,
	data: MasterData,
	logisticsDepartment: string
): string | undefined {
	if (!TARGET_OF_ROUTE[route] || !logisticsDepartment) return undefined;
	return findMaster(data, 'department', logisticsDepartment)?.code;
}

/** The words of a message about a notification, from the catalogue (the domain has none). */
export interface NotificationMailLabels {
	urgentMark: string;
	number: string;
	type: string;
	paymentStatus: string;
	customer: string;
	phone: string;
	objectAddress: string;
	description: string;
	route: string;
	requiredStart: string;
	requiredEnd: string;
	responsible: string;
	items: string;
	longText: string;
	/** "：" or ": " between a label and its value. */
	separator: string;
}

/** What a message needs besides the notification: master data and the labels of its codes. */
export interface NotificationMailContext {
	masterData: MasterData;
	/** "Z1 客户服务通知" */
	typeText: string;
	/** "已完款" */
	paymentStatusText: string;
	/** "向总部询报价" */
	routeText: string;
	labels: NotificationMailLabels;
}

/** The recipients of chosen departments: every to and cc address, each once. */
export function departmentRecipients(
	codes: readonly string[],
	ccCodes: readonly string[],
	data: MasterData
): { to: Mailbox[]; cc: Mailbox[]; withoutAddress: string[] } {
	const to: Mailbox[] = [];
	const cc: Mailbox[] = [];
	const seen = new Set<string>();
	const withoutAddress: string[] = [];
	const add = (list: Mailbox[], address: string, name: string) => {
		if (seen.has(address.toLowerCase())) return;
		seen.add(address.toLowerCase());
		list.push({ address, name });
	};
	for (const [code, isCc] of [
		...codes.map((code) => [code, false] as const),
		...ccCodes.map((code) => [code, true] as const)
	]) {
		const department = findMaster(data, 'department', code);
		const addresses = department ? addressesOf(department) : { to: [], cc: [] };
		if (addresses.to.length === 0) withoutAddress.push(code);
		for (const address of addresses.to) add(isCc ? cc : to, address, department!.name);
		for (const address of addresses.cc) add(cc, address, department!.name);
	}
	return { to, cc, withoutAddress };
}

function indent(text: string): string[] {
	return text.split(/\r\n|\r|\n/).map((line) => `  ${line}`);
}

/** The subject: the urgent mark when urgent, the number and the description. */
export function notificationSubject(notification: Notification, labels: NotificationMailLabels) {
	const mark = notification.isUrgent ? labels.urgentMark : '';
	return `${mark}${labels.number} ${notification.number} ${notification.description}`;
}

/**
 * The lines of a message about a notification: the summary (what the link carries: number, type,
 * payment status, customer, phone, object address, description, the latest long-text entry) and the
 * full body (also items, every long-text entry, required dates and the person responsible), laid
 * out as "label：value" lines that read well in a plain-text mail client.
 */
export function notificationMailText(
	notification: Notification,
	context: NotificationMailContext
): { subject: string; body: string; summary: string } {
	const { labels, masterData } = context;
	const line = (label: string, value: string) => `${label}${labels.separator}${value}`;
	const customer = findMaster(masterData, 'customer', notification.shipTo);
	const responsible = findMaster(masterData, 'staff', notification.responsible);
	const head = [
		line(labels.number, notification.number),
		line(labels.type, context.typeText),
		line(labels.paymentStatus, context.paymentStatusText),
		line(labels.customer, customer ? `${customer.code} ${customer.name}` : notification.shipTo),
		line(labels.phone, customer?.phone ?? ''),
		line(labels.objectAddress, objectAddress(notification, masterData)),
		line(labels.description, notification.description)
	];
	const entry = (e: Notification['longText'][number]) => [
		`  [${formatSeedDateTime(e.at)} ${e.author.name}]`,
		...indent(e.text)
	];
	const latest = notification.longText.at(-1);
	const summary = [
		...head,
		...(latest ? [`${labels.longText}${labels.separator}`, ...entry(latest)] : [])
	];
	const items = notification.items.map((item, index) =>
		[
			`  ${index + 1}. ${item.productCategory}`,
			item.productType,
			[item.colourMain, item.colourSecondary].filter(Boolean).join('/'),
			item.materialQuantity,
			item.reasonCode,
			item.reasonText
		]
			.filter(Boolean)
			.join(' / ')
	);
	const body = [
		...head,
		line(labels.route, context.routeText),
		line(labels.requiredStart, formatSeedDate(notification.requiredStart)),
		line(labels.requiredEnd, formatSeedDate(notification.requiredEnd)),
		line(
			labels.responsible,
			[
				responsible ? `${responsible.code} ${responsible.name}` : notification.responsible,
				responsible?.phone ?? ''
			]
				.filter(Boolean)
				.join(' ')
		),
		...(items.length > 0 ? [`${labels.items}${labels.separator}`, ...items] : []),
		...(notification.longText.length > 0
			? [`${labels.longText}${labels.separator}`, ...notification.longText.flatMap(entry)]
			: [])
	];
	return {
		subject: notificationSubject(notification, labels),
		body: body.join('\n'),
		summary: summary.join('\n')
	};
}

/** The escalation e-mail of a notification to chosen departments (to) and others (cc). */
export function escalationMessage(
	notification: Notification,
	context: NotificationMailContext,
	recipients: { to: Mailbox[]; cc: Mailbox[]; from?: Mailbox }
): MailMessage {
	const text = notificationMailText(notification, context);
	return {
		...(recipients.from ? { from: recipients.from } : {}),
		to: recipients.to,
		cc: recipients.cc,
		subject: text.subject,
		body: text.body,
		summary: text.summary,
		isUrgent: notification.isUrgent
	};
}

/**
 * The short message of an urgent dispatch to the person responsible: the subject, and the lines a
 * service person needs on the way (number, customer, phone, object address, description).
 */
export function dispatchMessage(
	notification: Notification,
	context: NotificationMailContext,
	from?: Mailbox
): MailMessage {
	const text = notificationMailText(notification, context);
	const staff = findMaster(context.masterData, 'staff', notification.responsible);
	const to = staff ? addressesOf(staff).to.map((address) => ({ address, name: staff.name })) : [];
	const short = text.summary
		.split('\n')
		.filter((_, index) => index !== 1 && index !== 2)
		.slice(0, 5)
		.join('\n');
	return {
		...(from ? { from } : {}),
		to,
		cc: [],
		subject: text.subject,
		body: short,
		isUrgent: true
	};
}

/** A `tel:` link for a phone number as master data writes it ("021-6488 1234"), or undefined. */
export function telLink(phone: string): string | undefined {
	const digits = phone.replace(/[^0-9+]/g, '');
	return /^\+?[0-9]{3,20}$/.test(digits) ? `tel:${digits}` : undefined;
}
