import type { NotificationFields } from '$lib/domain/notification';

/** What a notification form keeps as its draft: the fields and the revision it started from. */
export interface NotificationDraft {
	step?: 'type' | 'form';
	baseRev?: string;
	fields: NotificationFields;
	/** The create form's long text, the first entry once saved. */
	longText?: string;
}

/** The draft key of a form: the create form, or the change form of one notification. */
export function draftKeyOf(number: string | undefined): string {
	return number ? `notification:${number}` : 'notification:new';
}

/** Whether a stored draft has the shape of a notification draft. */
export function isNotificationDraft(value: unknown): value is NotificationDraft {
	return typeof value === 'object' && value !== null && 'fields' in value;
}
