import { formatSeedDate, formatSeedDateTime } from '$lib/domain/dates';
import type { MasterData } from '$lib/domain/master-data';
import { codeAndName } from '$lib/domain/master-data';
import { HISTORY_KINDS, type Notification } from '$lib/domain/notification';
import { profileOfType, type Configuration } from '$lib/domain/status/profile';
import { getLocale, hasMessage, t, type MessageKey } from '$lib/i18n';

/** A label of configuration data (types, statuses) in the current language. */
export function localized(label: { zh: string; en: string }): string {
	return getLocale() === 'en' ? label.en : label.zh;
}

/** A user status as users know it: code and label together ("KCJS 勘察结束"). */
export function userStatusText(
	configuration: Configuration,
	typeCode: string,
	code: string
): string {
	const status = profileOfType(configuration, typeCode)?.statuses.find(
		(candidate) => candidate.code === code
	);
	return status ? `${status.code} ${localized(status.label)}` : code;
}

/** The notification type with its label ("Z1 客户服务通知"). */
export function typeText(configuration: Configuration, typeCode: string): string {
	const type = configuration.types.find((candidate) => candidate.code === typeCode);
	return type ? `${type.code} ${localized(type.label)}` : typeCode;
}

/** The payment status derived from the type (完款状况: 已完款 / 未完款). */
export function paymentStatusText(configuration: Configuration, typeCode: string): string {
	const type = configuration.types.find((candidate) => candidate.code === typeCode);
	return type ? t(`paymentStatus.${type.paymentStatus}` as MessageKey) : '';
}

/** The system status with its code ("NOPR 正在处理"). */
export function systemStatusText(notification: Pick<Notification, 'systemStatus'>): string {
	return `${notification.systemStatus} ${t(`systemStatus.${notification.systemStatus}` as MessageKey)}`;
}

/** A coded value with its master-data name, as SAP shows it ("202 王敏"). */
export function masterText(
	data: MasterData,
	kind: Parameters<typeof codeAndName>[1],
	code: string
): string {
	return code ? codeAndName(data, kind, code) : '';
}

const USER_STATUS_PARAMS = new Set(['status', 'from', 'approval', 'to']);

/**
 * The message of a refusal in the user's language. Its params are codes (a role, a route, user
 * statuses); each becomes its label here, so the engine stays free of words.
 */
export function refusalText(
	refusal: { code: string; params?: Record<string, string | number> },
	configuration: Configuration,
	typeCode: string
): string {
	const params: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(refusal.params ?? {})) {
		const text = String(value);
		if (name === 'role') params[name] = t(`role.${text}` as MessageKey);
		else if (name === 'route') params[name] = t(`route.${text}` as MessageKey);
		else if (name === 'target') params[name] = t(`escalationTarget.${text}` as MessageKey);
		else if (name === 'at' || name === 'createdAt') params[name] = formatSeedDateTime(text);
		else if (name === 'date' || name === 'today') params[name] = formatSeedDate(text);
		else if (name === 'paymentStatus') params[name] = t(`paymentStatus.${text}` as MessageKey);
		else if (name === 'systemStatus')
			params[name] = `${text} ${t(`systemStatus.${text}` as MessageKey)}`;
		else if (name === 'type') params[name] = typeText(configuration, text);
		else if (name === 'statuses') {
			params[name] = text
				.split(',')
				.map((code) => userStatusText(configuration, typeCode, code.trim()))
				.join(' / ');
		} else if (USER_STATUS_PARAMS.has(name))
			params[name] = userStatusText(configuration, typeCode, text);
		else params[name] = value;
	}
	return t(`refusal.${refusal.code}` as MessageKey, params);
}

/** Fields recorded under a dotted name, labelled by their form's words. */
const DOTTED_FIELD_LABELS: ReadonlyMap<string, MessageKey> = new Map([
	['postponement.until', 'notification.postponeUntil'],
	['completion.at', 'notification.completeAt'],
	['postponement', 'notification.postponeReason'],
	['completion', 'notification.completeAt'],
	['userStatusDates', 'notification.statusDates'],
	['status', 'notification.statusUnit'],
	['isPrinted', 'notification.printedFlag']
]);

/**
 * A field's name in the user's language, for history lines and messages. The name may come from
 * an imported file (any string), so only the catalogue's own keys count; an unknown name is shown
 * as it is.
 */
export function fieldLabel(field: string): string {
	const dotted = DOTTED_FIELD_LABELS.get(field);
	if (dotted) return t(dotted);
	const key = `field.${field}` as MessageKey;
	return hasMessage(key) ? t(key) : field;
}

/** The labels of a comma-separated list of fields. */
function fieldLabels(fields: string): string {
	return fields
		.split(',')
		.filter(Boolean)
		.map((field) => fieldLabel(field))
		.join('、');
}

const ITEM_FIELDS = [
	'productCategory',
	'productType',
	'colourMain',
	'colourSecondary',
	'materialQuantity',
	'reasonCode',
	'reasonText'
] as const;

/** One item as a line: its filled fields with their labels. */
function itemText(item: unknown, index: number): string {
	const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
	const parts = ITEM_FIELDS.flatMap((field) => {
		const value = Object.hasOwn(fields, field) ? fields[field] : undefined;
		return typeof value === 'string' && value ? [`${fieldLabel(field)} ${value}`] : [];
	});
	return `${t('notification.itemTitle', { index: index + 1 })}：${parts.join('，')}`;
}

/** A stored date or date-time in the seed's format; anything else as it is. */
function dateOrText(value: string): string {
	if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatSeedDateTime(value);
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatSeedDate(value);
	return value;
}

/** The status fields (a merge unit) as people read them: system status / user status, dates, reasons. */
function statusUnitText(
	value: Record<string, unknown>,
	configuration: Configuration,
	typeCode: string
): string {
	const parts: string[] = [];
	const system = value.systemStatus;
	if (typeof system === 'string' && Object.hasOwn(SYSTEM_STATUS_NAMES, system)) {
		parts.push(systemStatusText({ systemStatus: system as Notification['systemStatus'] }));
	}
	if (typeof value.userStatus === 'string') {
		parts.push(userStatusText(configuration, typeCode, value.userStatus));
	}
	const postponement = value.postponement as { until?: string; reason?: string } | undefined;
	if (postponement?.until) {
		parts.push(`${t('notification.postponeUntil')} ${formatSeedDate(postponement.until)}`);
	}
	const completion = value.completion as { at?: string } | undefined;
	if (completion?.at)
		parts.push(`${t('notification.completeAt')} ${formatSeedDateTime(completion.at)}`);
	return parts.join(' / ');
}

const SYSTEM_STATUS_NAMES = { OSNO: true, NOPR: true, NOPO: true, NOCO: true };

/**
 * Any stored value of a field as people read it, in the user's language: labels for codes, yes/no
 * for flags, the seed's format for dates (2001/03/07), items and statuses spelled out, never JSON.
 */
export function fieldValueText(
	field: string,
	value: unknown,
	configuration: Configuration,
	typeCode: string
): string {
	if (value === undefined || value === null || value === '') return t('notification.none');
	if (typeof value === 'boolean') return t(value ? 'app.yes' : 'app.no');
	if (field === 'items' && Array.isArray(value)) {
		return value.length === 0 ? t('notification.noItems') : value.map(itemText).join('；');
	}
	if (field === 'status' && typeof value === 'object') {
		return statusUnitText(value as Record<string, unknown>, configuration, typeCode);
	}
	if (Array.isArray(value)) {
		return value
			.map((element) => fieldValueText(field, element, configuration, typeCode))
			.join('；');
	}
	if (typeof value === 'object') {
		return Object.entries(value)
			.map(
				([key, inner]) =>
					`${fieldLabel(key)} ${fieldValueText(key, inner, configuration, typeCode)}`
			)
			.join('，');
	}
	const text = String(value);
	if (field === 'type') return typeText(configuration, text);
	if (field === 'userStatus') return userStatusText(configuration, typeCode, text);
	if (field === 'systemStatus' && Object.hasOwn(SYSTEM_STATUS_NAMES, text)) {
		return systemStatusText({ systemStatus: text as Notification['systemStatus'] });
	}
	if (
		(field === 'demandType' || field === 'route') &&
		hasMessage(`${field}.${text}` as MessageKey)
	) {
		return t(`${field}.${text}` as MessageKey);
	}
	return dateOrText(text);
}

/** Fields whose history values are written as JSON (structured values). */
const STRUCTURED = new Set(['items', 'status', 'postponement', 'completion', 'userStatusDates']);

/** A recorded value (history entries keep text) as people read it. */
function valueText(
	value: string | undefined,
	field: string | undefined,
	kind: string,
	configuration: Configuration,
	typeCode: string
): string {
	if (!value) return t('notification.none');
	if (value === 'true' || value === 'false') return t(value === 'true' ? 'app.yes' : 'app.no');
	if (kind === 'userStatus') return userStatusText(configuration, typeCode, value);
	if (kind === 'systemStatus')
		return fieldValueText('systemStatus', value, configuration, typeCode);
	if (kind === 'escalation') {
		const key = `escalationTarget.${value}` as MessageKey;
		return hasMessage(key) ? t(key) : value;
	}
	if (field && STRUCTURED.has(field) && /^[[{]/.test(value)) {
		try {
			return fieldValueText(field, JSON.parse(value), configuration, typeCode);
		} catch {
			return value;
		}
	}
	return field ? fieldValueText(field, value, configuration, typeCode) : dateOrText(value);
}

const KNOWN_HISTORY_KINDS: ReadonlySet<string> = new Set(HISTORY_KINDS);

/** One line of a notification's history in the user's language; a newer app's kind reads "其他变更". */
export function historyText(
	entry: {
		kind: string;
		field?: string | undefined;
		from?: string | undefined;
		to?: string | undefined;
		reason?: string | undefined;
	},
	configuration: Configuration,
	typeCode: string
): string {
	if (entry.kind === 'printed' && entry.field === 'workPlan' && entry.reason) {
		return t('print.historyWorkPlan', { range: entry.reason });
	}
	if (entry.kind === 'record' && entry.field && hasMessage(`records.kind.${entry.field}`)) {
		return t(entry.from ? 'records.history' : 'records.historyCreated', {
			kind: t(`records.kind.${entry.field}` as MessageKey),
			id: entry.to ?? ''
		});
	}
	if (!KNOWN_HISTORY_KINDS.has(entry.kind) || entry.kind === 'record') {
		return t('notification.history.other', { kind: entry.kind });
	}
	const field = entry.field ?? '';
	return t(`notification.history.${entry.kind}` as MessageKey, {
		field: entry.kind === 'merge' ? fieldLabels(field) : field ? fieldLabel(field) : '',
		from: valueText(entry.from, entry.field, entry.kind, configuration, typeCode),
		to: valueText(entry.to, entry.field, entry.kind, configuration, typeCode)
	});
}
