import { getMailSettings, setMailSettings } from '$lib/data/settings';
import type { MasterData } from '$lib/domain/master-data';
import type { NotificationMailContext, NotificationMailLabels } from '$lib/domain/mail/escalation';
import type { MailAttachment, MailMessage, MailProblem } from '$lib/domain/mail/message';
import { mailSettingsSchema, type MailSettings } from '$lib/domain/mail/settings';
import type { Notification } from '$lib/domain/notification';
import type { Configuration } from '$lib/domain/status/profile';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';
import { t, type MessageKey } from '$lib/i18n';
import { downloadBlob } from './download';
import { handleError } from './handle-error';
import { paymentStatusText, typeText } from './labels';
import { showToast } from './toast.svelte';

/** The words of a message about a notification, in the current language. */
export function mailLabels(): NotificationMailLabels {
	const label = (key: string) => t(`mail.labels.${key}` as MessageKey);
	return {
		urgentMark: t('mail.urgentMark'),
		number: label('number'),
		type: label('type'),
		paymentStatus: label('paymentStatus'),
		customer: label('customer'),
		phone: label('phone'),
		objectAddress: label('objectAddress'),
		description: label('description'),
		route: label('route'),
		requiredStart: label('requiredStart'),
		requiredEnd: label('requiredEnd'),
		responsible: label('responsible'),
		items: label('items'),
		longText: label('longText'),
		separator: t('mail.separator')
	};
}

/** What the message builders need besides the notification. */
export function mailContext(
	notification: Notification,
	masterData: MasterData,
	configuration: Configuration
): NotificationMailContext {
	return {
		masterData,
		typeText: typeText(configuration, notification.type),
		paymentStatusText: paymentStatusText(configuration, notification.type),
		routeText: t(`route.${notification.route}` as MessageKey),
		labels: mailLabels()
	};
}

/** A problem of a message in the user's words. */
export function mailProblemText(problem: MailProblem): string {
	const { code, ...params } = problem;
	return t(`mail.problem.${code}` as MessageKey, params);
}

/**
 * Builds the .eml (the builder and mimetext load only now: they are precached, not in the first
 * page load) and downloads it; returns the problems when it cannot be made.
 */
export async function downloadEml(
	message: MailMessage,
	fileName: string,
	attachments: readonly MailAttachment[] = []
): Promise<{ ok: true } | { ok: false; problems: MailProblem[] }> {
	const { buildEml } = await import('$lib/domain/mail/eml');
	const result = buildEml(message, { now: new Date(), attachments });
	if (!result.ok) return result;
	downloadBlob(new Blob([result.text], { type: 'message/rfc822' }), fileName);
	return { ok: true };
}

/** Copies text to the clipboard; false where the browser refuses (no permission, no API). */
export async function copyToClipboard(text: string): Promise<boolean> {
	try {
		if (!navigator.clipboard) return false;
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

/** The centre's mail settings (empty ones when unreadable). */
export async function loadMailSettings(): Promise<MailSettings> {
	try {
		return await getMailSettings();
	} catch (error) {
		handleError(error);
		return mailSettingsSchema.parse({});
	}
}

/** Validates and saves the mail settings: saved, refused with field issues, or failed. */
export async function saveMailSettings(
	input: MailSettings
): Promise<{ kind: 'saved' } | { kind: 'invalid'; issues: FieldIssue[] } | { kind: 'failed' }> {
	const parsed = mailSettingsSchema.safeParse(input);
	if (!parsed.success) return { kind: 'invalid', issues: toFieldIssues(parsed.error) };
	try {
		await setMailSettings(parsed.data);
		showToast('success', t('mail.settingsSaved'));
		return { kind: 'saved' };
	} catch (error) {
		handleError(error, 'error.saveFailed');
		return { kind: 'failed' };
	}
}
