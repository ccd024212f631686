import type { Notification, SystemStatus } from './notification';

/**
 * The list projection (IW59): the lean columns of one notification that the list, the overview and
 * the search read, kept beside the record in the same transaction as every write of it. Never the
 * history or the long text as entries: `text` holds the searchable words of the record itself
 * (description, every long-text entry, items), normalised by `searchable`. Customer names and
 * addresses come from master data at read time, so a renamed customer needs no rewrite here.
 */
export interface ListRow {
	number: string;
	centre: string;
	type: string;
	description: string;
	systemStatus: SystemStatus;
	userStatus: string;
	shipTo: string;
	soldTo: string;
	functionalLocation: string;
	requiredStart: string;
	requiredEnd: string;
	mainWorkCentre: string;
	responsible: string;
	/** 0 or 1 (an IndexedDB index cannot hold booleans). */
	urgent: 0 | 1;
	/** 0 or 1: NOPT. */
	printed: 0 | 1;
	/** 0 or 1: the person responsible was told of this urgent notification (urgent dispatch). */
	dispatched: 0 | 1;
	/** ISO date-time of creation. */
	createdAt: string;
	/** ISO date-time of completion; '' while not completed. */
	completedAt: string;
	/** The date a postponed notification is moved to; '' otherwise. */
	postponedUntil: string;
	/** The record's own searchable text, normalised (see `searchable`). */
	text: string;
	/**
	 * The revision the row was made from: an import compares it with a file's copy before it reads
	 * the stored record (rows written before it was kept have none; a broken record's is '').
	 */
	rev?: string;
}

/** The history kind that records an urgent dispatch to the person responsible. */
export const DISPATCH_KIND = 'dispatched';

/**
 * Text as the search compares it: Unicode NFKC (full-width Latin and digits become plain) and lower
 * case. Characters outside the basic plane stay whole; lone surrogates are dropped.
 */
export function searchable(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** The separator between the parts of `text`: a search never matches across two parts. */
export const TEXT_SEPARATOR = '\u0000';

/** The list projection of one notification. */
export function toListRow(notification: Notification): ListRow {
	const parts = [
		notification.description,
		...notification.longText.map((entry) => entry.text),
		...notification.items.flatMap((item) => [item.materialQuantity, item.reasonText]),
		notification.reporter,
		notification.poNumber
	].filter((part) => part !== '');
	return {
		number: notification.number,
		centre: notification.centre,
		type: notification.type,
		description: notification.description,
		systemStatus: notification.systemStatus,
		userStatus: notification.userStatus,
		shipTo: notification.shipTo,
		soldTo: notification.soldTo,
		functionalLocation: notification.functionalLocation,
		requiredStart: notification.requiredStart,
		requiredEnd: notification.requiredEnd,
		mainWorkCentre: notification.mainWorkCentre,
		responsible: notification.responsible,
		urgent: notification.isUrgent ? 1 : 0,
		printed: notification.isPrinted ? 1 : 0,
		dispatched: notification.history.some((entry) => entry.kind === DISPATCH_KIND) ? 1 : 0,
		createdAt: notification.createdAt,
		completedAt: notification.systemStatus === 'NOCO' ? (notification.completion?.at ?? '') : '',
		postponedUntil:
			notification.systemStatus === 'NOPO' ? (notification.postponement?.until ?? '') : '',
		text: parts.map(searchable).join(TEXT_SEPARATOR),
		rev: notification.revision.rev
	};
}

/**
 * The projection of a stored record that may not be whole (written by an older or foreign app):
 * what cannot be read becomes empty, so one odd record never stops an upgrade or the list.
 */
export function toListRowLoosely(record: Notification): ListRow {
	try {
		return toListRow(record);
	} catch {
		const loose = record as unknown as Record<string, unknown>;
		const textOf = (key: string) => (typeof loose[key] === 'string' ? loose[key] : '');
		return toListRow({
			...record,
			description: textOf('description'),
			longText: Array.isArray(loose.longText) ? record.longText : [],
			items: Array.isArray(loose.items)
				? record.items.filter((item) => typeof item === 'object' && item !== null)
				: [],
			history: Array.isArray(loose.history)
				? record.history.filter((entry) => typeof entry === 'object' && entry !== null)
				: [],
			reporter: textOf('reporter'),
			poNumber: textOf('poNumber'),
			revision:
				typeof loose.revision === 'object' &&
				loose.revision !== null &&
				typeof (loose.revision as { rev?: unknown }).rev === 'string'
					? record.revision
					: { rev: '', ancestry: [] }
		});
	}
}
