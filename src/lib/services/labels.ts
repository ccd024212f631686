import { formatSeedDate, formatSeedDateTime } from '$lib/domain/dates';
import type { MasterData } from '$lib/domain/master-data';
import { codeAndName } from '$lib/domain/master-data';
import type { Notification } from '$lib/domain/notification';
import { profileOfType, type Configuration } from '$lib/domain/status/profile';
import { getLocale, t, type MessageKey } from '$lib/i18n';

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
const DOTTED_FIELD_LABELS: Record<string, MessageKey> = {
	'postponement.until': 'notification.postponeUntil',
	'completion.at': 'notification.completeAt'
};

/** A field's name in the user's language, for history lines and messages. */
export function fieldLabel(field: string): string {
	return t(DOTTED_FIELD_LABELS[field] ?? (`field.${field}` as MessageKey));
}

/** A recorded value as people read it: labels for codes, the seed's format for dates. */
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
		return systemStatusText({ systemStatus: value as Notification['systemStatus'] });
	if (kind === 'escalation') return t(`escalationTarget.${value}` as MessageKey);
	if (field === 'type') return typeText(configuration, value);
	if (field === 'demandType' || field === 'route') return t(`${field}.${value}` as MessageKey);
	if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatSeedDateTime(value);
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatSeedDate(value);
	return value;
}

/** One line of a notification's history in the user's language. */
export function historyText(
	entry: {
		kind: string;
		field?: string | undefined;
		from?: string | undefined;
		to?: string | undefined;
	},
	configuration: Configuration,
	typeCode: string
): string {
	return t(`notification.history.${entry.kind}` as MessageKey, {
		field: entry.field ? fieldLabel(entry.field) : '',
		from: valueText(entry.from, entry.field, entry.kind, configuration, typeCode),
		to: valueText(entry.to, entry.field, entry.kind, configuration, typeCode)
	});
}
