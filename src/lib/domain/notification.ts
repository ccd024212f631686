import { actorSchema, type Actor } from './actor';
import { isoDateSchema, isoDateTimeSchema } from './dates';
import { NOTIFICATION_NUMBER_PATTERN } from './numbering';
import { canonicalJson } from './canonical';
import { firstRevision, nextRevision, revisionIdSchema, revisionSchema } from './revision';
import { atMost } from './text';
import { z } from './zod';

// zod's max() counts UTF-16 units; limits count characters (SPEC §3), so 𠀀 counts as one.
const text = (max: number) =>
	z.string({ error: 'required' }).trim().refine(atMost(max), { error: 'tooLong', params: { max } });
const requiredText = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required', abort: true })
		.refine(atMost(max), { error: 'tooLong', params: { max } });
const code = requiredText(20);
const optionalCode = text(20);
const optionalDate = z.union([z.literal(''), isoDateSchema]);

/** System statuses (系统状态), fixed as in SAP: outstanding, in process, postponed, completed. */
export const SYSTEM_STATUSES = ['OSNO', 'NOPR', 'NOPO', 'NOCO'] as const;
export const systemStatusSchema = z.enum(SYSTEM_STATUSES);
export type SystemStatus = z.infer<typeof systemStatusSchema>;

/** The first judgement of the demand (初步判定需求类型): paid service or a kind of complaint. */
export const DEMAND_TYPES = ['paid', 'repair', 'exchange', 'return'] as const;
export const demandTypeSchema = z.enum(DEMAND_TYPES, { error: 'required' });
export type DemandType = z.infer<typeof demandTypeSchema>;

/** The route of a notification beyond the centre (处理方式, SPEC §2.7). */
export const ROUTES = ['local', 'hqQuote', 'hqSupport', 'prePayment'] as const;
export const routeSchema = z.enum(ROUTES, { error: 'required' });
export type Route = z.infer<typeof routeSchema>;

/** A notification type code (通知类型), e.g. Z1; the types themselves are configuration. */
export const notificationTypeCodeSchema = z
	.string({ error: 'required' })
	.min(1, { error: 'required', abort: true })
	.regex(/^[0-9A-Z]{1,4}$/, { error: 'pattern' });

/** "material no.,quantity" as the seed writes an item's text: 100056,1. */
export const MATERIAL_QUANTITY_PATTERN = /^[^,\s]+,\s*\d+(\.\d+)?$/;

/** One item (项目) of a notification. Loose objects everywhere in a record: fields written by a newer app survive an import. */
export const itemSchema = z.looseObject({
	productCategory: code,
	productType: optionalCode,
	colourMain: optionalCode,
	colourSecondary: optionalCode,
	materialQuantity: requiredText(60).regex(MATERIAL_QUANTITY_PATTERN, { error: 'pattern' }),
	reasonCode: optionalCode,
	reasonText: text(40)
});
export type NotificationItem = z.infer<typeof itemSchema>;

/** Required end (预期的终止) may not lie before required start (需要的起始). */
function checkDateOrder(
	fields: { requiredStart: string; requiredEnd: string },
	context: z.RefinementCtx
): void {
	if (fields.requiredStart && fields.requiredEnd && fields.requiredEnd < fields.requiredStart) {
		context.addIssue({ code: 'custom', path: ['requiredEnd'], message: 'endBeforeStart' });
	}
}

/** The fields a user edits on the create/change form (SPEC §3), validated as one object. */
export const notificationFieldsSchema = z
	.object({
		type: notificationTypeCodeSchema,
		referenceNumber: z.union([
			z.literal(''),
			z.string().regex(NOTIFICATION_NUMBER_PATTERN, { error: 'pattern' })
		]),
		description: requiredText(40),
		shipTo: code,
		soldTo: code,
		reporter: text(40),
		poNumber: text(20),
		poDate: optionalDate,
		requiredStart: isoDateSchema,
		requiredEnd: isoDateSchema,
		mainWorkCentre: code,
		responsible: code,
		salesOrg: code,
		distributionChannel: code,
		division: code,
		salesOffice: code,
		salesGroup: optionalCode,
		functionalLocation: optionalCode,
		businessArea: code,
		isUrgent: z.boolean(),
		demandType: demandTypeSchema,
		route: routeSchema,
		items: z.array(itemSchema).max(99, { error: 'tooLong' })
	})
	.superRefine(checkDateOrder);
export type NotificationFields = z.infer<typeof notificationFieldsSchema>;

/** The most characters one long-text entry may have. */
export const MAX_LONG_TEXT_LENGTH = 4000;

/** One entry of the long text (通知单长文本): append-only, stamped with author and time. */
export const longTextEntrySchema = z.looseObject({
	at: isoDateTimeSchema,
	author: actorSchema,
	text: requiredText(MAX_LONG_TEXT_LENGTH)
});
export type LongTextEntry = z.infer<typeof longTextEntrySchema>;

/** The long text typed while creating (IW51): optional; when given, the first entry. */
export const initialLongTextSchema = text(MAX_LONG_TEXT_LENGTH);

/** What a history entry records: the kinds this app writes. */
export const HISTORY_KINDS = [
	'created',
	'field',
	'systemStatus',
	'userStatus',
	'longText',
	'printed',
	'escalation',
	'conflict',
	'merge',
	'renumbered',
	'numberCollision',
	'dispatched',
	/** A linked record was saved: `field` its kind, `to` its id, `from` '' when it was created. */
	'record'
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/**
 * Entries that note how an exchange settled two copies (an automatic merge, a person's choice in a
 * conflict) rather than a change of the record: they are left out of the revision hash, so two
 * devices that settle one conflict to the same content reach the same revision (each keeps its own
 * note, and the notes are joined when the copies meet again).
 */
export const ANNOTATION_KINDS: ReadonlySet<string> = new Set(['conflict', 'merge']);

/**
 * One change of a notification: who, when, what, from, to (and why, where a reason is asked). The
 * kind is open: a kind written by a newer app is kept, travels on and is shown generically.
 */
export const historyEntrySchema = z.looseObject({
	at: isoDateTimeSchema,
	actor: actorSchema,
	kind: z.string().min(1, { error: 'required' }).max(40, { error: 'tooLong' }),
	field: z.string().optional(),
	from: z.string().optional(),
	to: z.string().optional(),
	reason: z.string().optional(),
	/** A message sent (escalation, dispatch): department codes, addresses, subject, how. */
	departments: z.array(z.string()).optional(),
	recipients: z.array(z.string()).optional(),
	cc: z.array(z.string()).optional(),
	subject: z.string().optional(),
	channel: z.string().optional()
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What a change says about itself; `recordChange` adds who and when. */
export interface HistoryChange {
	kind: HistoryKind;
	field?: string;
	from?: string;
	to?: string;
	reason?: string;
	departments?: string[];
	recipients?: string[];
	cc?: string[];
	subject?: string;
	channel?: string;
}

/** The stored notification: the edited fields plus what the app keeps. */
export const notificationSchema = z
	.looseObject({
		...notificationFieldsSchema.shape,
		number: z.string().regex(NOTIFICATION_NUMBER_PATTERN, { error: 'pattern' }),
		/** The responsibility centre that created and owns it; never changes. */
		centre: z.string().regex(/^[0-9A-Z]{4}$/, { error: 'pattern' }),
		userStatus: z.string().regex(/^[0-9A-Z]{2,8}$/, { error: 'pattern' }),
		systemStatus: systemStatusSchema,
		/** NOPT: the notification or a work plan with it was printed. */
		isPrinted: z.boolean(),
		postponement: z.looseObject({ reason: requiredText(200), until: isoDateSchema }).optional(),
		completion: z.looseObject({ at: isoDateTimeSchema, reason: text(200).optional() }).optional(),
		/** When each user status was last set (e.g. HWSD: goods delivered at). */
		userStatusDates: z.record(z.string(), isoDateTimeSchema),
		longText: z.array(longTextEntrySchema),
		history: z.array(historyEntrySchema),
		createdAt: isoDateTimeSchema,
		createdBy: actorSchema,
		changedAt: isoDateTimeSchema,
		revision: revisionSchema,
		/**
		 * For each merge unit (a field, or `status` for the status fields together), the revision
		 * that last changed it; absent: unchanged since the record was created. Bookkeeping for the
		 * field-by-field merge, not part of the revision hash.
		 */
		fieldRevs: z.record(z.string(), revisionIdSchema).optional(),
		/** The numbers this record had before a number collision moved it, oldest first. */
		formerNumbers: z
			.array(z.string().regex(NOTIFICATION_NUMBER_PATTERN, { error: 'pattern' }))
			.max(20)
			.optional()
	})
	.superRefine(checkDateOrder);
export type Notification = z.infer<typeof notificationSchema>;

/** The status fields move together (the engine decides them as one), so they merge as one unit. */
export const STATUS_FIELDS: ReadonlySet<string> = new Set([
	'systemStatus',
	'userStatus',
	'userStatusDates',
	'postponement',
	'completion'
]);

/** Fields that never merge as values: identity, bookkeeping and the append-only logs. */
const NOT_MERGED: ReadonlySet<string> = new Set([
	'number',
	'centre',
	'createdAt',
	'createdBy',
	'changedAt',
	'revision',
	'fieldRevs',
	'formerNumbers',
	'history',
	'longText'
]);

/**
 * The merge unit a stored property belongs to: the property itself, `status` for the status
 * fields, or undefined for what is not merged as a value. Unknown properties of a newer app are
 * units of their own, so they merge too.
 */
export function mergeUnitOf(key: string): string | undefined {
	if (NOT_MERGED.has(key)) return undefined;
	return STATUS_FIELDS.has(key) ? 'status' : key;
}

/** The value of a merge unit in a record (the status unit: its fields together). */
export function unitValue(record: Notification, unit: string): unknown {
	const fields = record as Record<string, unknown>;
	if (unit !== 'status') return fields[unit];
	return Object.fromEntries([...STATUS_FIELDS].map((key) => [key, fields[key]]));
}

/** The merge units present in either record. */
export function mergeUnits(...records: Notification[]): string[] {
	const units = new Set<string>();
	for (const record of records) {
		for (const key of Object.keys(record)) {
			const unit = mergeUnitOf(key);
			if (unit) units.add(unit);
		}
	}
	return [...units].sort();
}

/**
 * What a revision id is hashed from (docs/exchange-format.md, "Revisions"): every property except
 * the bookkeeping (`revision`, `changedAt`, `fieldRevs`) and the history entries that only note how
 * an exchange settled two copies (`ANNOTATION_KINDS`).
 */
export function revisionContent(record: Notification): Record<string, unknown> {
	const { revision: _revision, changedAt: _changedAt, fieldRevs: _fieldRevs, ...content } = record;
	return {
		...content,
		history: record.history.filter((entry) => !ANNOTATION_KINDS.has(entry.kind))
	};
}

/** Partner functions (合作伙伴): SH ship-to and VW responsible from the header, SP sold-to. */
export function partnersOf(fields: Pick<NotificationFields, 'shipTo' | 'soldTo' | 'responsible'>): {
	function: 'SH' | 'SP' | 'VW';
	partner: string;
}[] {
	return [
		{ function: 'SH', partner: fields.shipTo },
		{ function: 'SP', partner: fields.soldTo },
		{ function: 'VW', partner: fields.responsible }
	];
}

/** What creating a notification needs besides its fields. */
export interface CreateContext {
	number: string;
	centre: string;
	initialUserStatus: string;
	actor: Actor;
	now: Date;
	/** Long text typed on the create form: it becomes the first entry, in the same record. */
	longText?: string;
}

/**
 * A new, outstanding notification with its initial user status and a "created" history entry;
 * long text typed while creating is its first long-text entry, stamped as any later one.
 */
export function createNotification(
	fields: NotificationFields,
	context: CreateContext
): Notification {
	const at = context.now.toISOString();
	const text = context.longText?.trim() ?? '';
	const entry = text ? longTextEntrySchema.parse({ at, author: context.actor, text }) : undefined;
	const record: Omit<Notification, 'revision'> = {
		...fields,
		number: context.number,
		centre: context.centre,
		userStatus: context.initialUserStatus,
		systemStatus: 'OSNO',
		isPrinted: false,
		userStatusDates: { [context.initialUserStatus]: at },
		longText: entry ? [entry] : [],
		history: [
			{ at, actor: context.actor, kind: 'created', to: context.number },
			...(entry ? [{ at, actor: context.actor, kind: 'longText' as const, to: entry.text }] : [])
		],
		createdAt: at,
		createdBy: context.actor,
		changedAt: at
	};
	return withFirstRevision(record);
}

/** A record without a revision given its first one, hashed from its content. */
export function withFirstRevision(record: Omit<Notification, 'revision'>): Notification {
	const placeholder = {
		...record,
		revision: { rev: '0-0', ancestry: [] }
	} as unknown as Notification;
	return {
		...record,
		revision: firstRevision(revisionContent(placeholder))
	} as unknown as Notification;
}

/** The fields of a notification as the form edits them. */
export function fieldsOf(notification: Notification): NotificationFields {
	const fields = {} as Record<string, unknown>;
	for (const key of Object.keys(notificationFieldsSchema.shape)) {
		fields[key] = structuredClone((notification as Record<string, unknown>)[key]);
	}
	return fields as NotificationFields;
}

function display(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	return JSON.stringify(value);
}

/** The fields that differ between two versions of the form, by name. */
export function changedFields(
	before: NotificationFields,
	after: NotificationFields
): (keyof NotificationFields)[] {
	return (Object.keys(notificationFieldsSchema.shape) as (keyof NotificationFields)[]).filter(
		(key) => display(before[key]) !== display(after[key])
	);
}

/** The merge units whose value differs between two versions of a record. */
export function changedUnits(before: Notification, after: Notification): string[] {
	return mergeUnits(before, after).filter(
		(unit) => canonicalJson(unitValue(before, unit)) !== canonicalJson(unitValue(after, unit))
	);
}

/**
 * Marks a change: stamps the time, adds the history entries and gives the record its next revision,
 * hashed from the parent and the new content; every merge unit that changed is stamped with that
 * revision. Every function that changes a notification goes through here, so none forgets the
 * history or the stamps.
 */
export function recordChange(
	notification: Notification,
	changes: Partial<Notification>,
	entries: HistoryChange[],
	actor: Actor,
	now: Date
): Notification {
	const at = now.toISOString();
	const changed: Notification = {
		...notification,
		...changes,
		history: [...notification.history, ...entries.map((entry) => ({ ...entry, at, actor }))],
		changedAt: at
	};
	const revision = nextRevision(notification.revision, revisionContent(changed));
	const stamps = { ...notification.fieldRevs };
	for (const unit of changedUnits(notification, changed)) stamps[unit] = revision.rev;
	return { ...changed, revision, fieldRevs: stamps };
}

/** Applies edited fields; one history entry per changed field (from → to). */
export function applyFieldChanges(
	notification: Notification,
	fields: NotificationFields,
	actor: Actor,
	now: Date
): Notification {
	const before = fieldsOf(notification);
	const changed = changedFields(before, fields);
	if (changed.length === 0) return notification;
	return recordChange(
		notification,
		fields,
		changed.map((field) => ({
			kind: 'field' as const,
			field,
			from: display(before[field]),
			to: display(fields[field])
		})),
		actor,
		now
	);
}

/** Appends a long-text entry stamped with its author and time; earlier entries never change. */
export function appendLongText(
	notification: Notification,
	entryText: string,
	actor: Actor,
	now: Date
): Notification {
	const entry = longTextEntrySchema.parse({
		at: now.toISOString(),
		author: actor,
		text: entryText
	});
	return recordChange(
		notification,
		{ longText: [...notification.longText, entry] },
		[{ kind: 'longText', to: entry.text }],
		actor,
		now
	);
}

/** Empty form fields for a new notification, with the seed's defaults for the device's centre. */
export function emptyFields(defaults: Partial<NotificationFields> = {}): NotificationFields {
	return {
		type: 'Z1',
		referenceNumber: '',
		description: '',
		shipTo: '',
		soldTo: '',
		reporter: '',
		poNumber: '',
		poDate: '',
		requiredStart: '',
		requiredEnd: '',
		mainWorkCentre: '',
		responsible: '',
		salesOrg: '',
		distributionChannel: '10',
		division: '02',
		salesOffice: '',
		salesGroup: '',
		functionalLocation: '',
		businessArea: '1002',
		isUrgent: false,
		demandType: 'repair',
		route: 'local',
		items: [],
		...defaults
	};
}

/** An empty item row. */
export function emptyItem(): NotificationItem {
	return {
		productCategory: '',
		productType: '',
		colourMain: '',
		colourSecondary: '',
		materialQuantity: '',
		reasonCode: '',
		reasonText: ''
	};
}
