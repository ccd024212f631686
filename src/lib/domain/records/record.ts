import { actorSchema, type Actor } from '../actor';
import { canonicalJson } from '../canonical';
import { isoDateSchema, isoDateTimeSchema } from '../dates';
import { NOTIFICATION_NUMBER_PATTERN } from '../numbering';
import { firstRevision, nextRevision, revisionIdSchema, revisionSchema } from '../revision';
import { atMost } from '../text';
import { z } from '../zod';
import { MAX_FEN, MAX_QUANTITY } from './money';

// Linked records (SPEC §5): each belongs to one notification and has its own id and revision, so
// the tablet writing a service form and the desk editing a quote never touch the same record.

/** The kinds of linked record, in the order of the seed's flow (SM01). */
export const RECORD_KINDS = [
	'parts',
	'quote',
	'serviceForm',
	'complaint',
	'invoice',
	'evaluation'
] as const;
export const recordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof recordKindSchema>;

/** The letter of each kind in a record id (`4002-01-000021-S1-01`). */
export const KIND_LETTERS: Readonly<Record<RecordKind, string>> = {
	parts: 'P',
	quote: 'Q',
	serviceForm: 'S',
	complaint: 'C',
	invoice: 'I',
	evaluation: 'E'
};

/**
 * A record id: the notification's number, the kind's letter with the creating device's sequence
 * for that notification and kind, and the creating device's code. Two devices of one centre never
 * make the same id without coordinating, as with notification numbers.
 */
export const RECORD_ID_PATTERN = /^[0-9A-Z]{4}-[0-9A-Z]{2}-\d{6,}-[PQSCIE]\d{1,4}-[0-9A-Z]{2}$/;

/** The id of the `sequence`-th record of `kind` that device `deviceCode` made for a notification. */
export function formatRecordId(
	notification: string,
	kind: RecordKind,
	deviceCode: string,
	sequence: number
): string {
	if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
	return `${notification}-${KIND_LETTERS[kind]}${sequence}-${deviceCode}`;
}

/** The largest number of lines a parts requisition or quote has. */
export const MAX_LINES = 99;

/** The largest number of photos on a complaint form. */
export const MAX_PHOTOS = 20;

/** The largest image a record keeps: 10 MB (a resized photo is about 300 KB). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Record-specific reasons a field is refused, beyond `validation.*`: `records.validation.<code>`. */
export const RECORD_VALIDATION_CODES = [
	'tooLarge',
	'tooSmall',
	'notInteger',
	'tooPrecise',
	'notAnImage',
	'imageTooLarge',
	'signatureEmpty',
	'linesRequired',
	'amountMismatch',
	'ratingRange'
] as const;
export type RecordValidationCode = (typeof RECORD_VALIDATION_CODES)[number];

const text = (max: number) =>
	z.string({ error: 'required' }).trim().refine(atMost(max), { error: 'tooLong', params: { max } });
const requiredText = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		// No `abort`: an aborting issue would keep a quote's state check from naming its dates
		// alongside (an empty text is never too long anyway).
		.min(1, { error: 'required' })
		.refine(atMost(max), { error: 'tooLong', params: { max } });

/** A whole number within [min, max], with `tooSmall`/`tooLarge` naming the limit. */
const boundedInteger = (min: number, max: number) =>
	z
		.number({ error: 'notANumber' })
		.int({ error: 'notInteger' })
		.min(min, { error: min === 0 ? 'negative' : 'tooSmall' })
		.max(max, { error: 'tooLarge' });

/** An amount in fen: an integer from 0 to MAX_FEN. */
export const fenSchema = boundedInteger(0, MAX_FEN);

/** A quantity of one line: a whole number from 1 to MAX_QUANTITY. */
export const quantitySchema = boundedInteger(1, MAX_QUANTITY);

/** An image kept with a record (signature, photo), referenced by name and SHA-256 of its bytes. */
export const imageRefSchema = z.looseObject({
	/** The file name in an export ZIP: `<sha256>.jpg` / `.png`. */
	name: requiredText(120),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'pattern' }),
	type: z.enum(['image/jpeg', 'image/png'], { error: 'notAnImage' }),
	bytes: z
		.number()
		.int()
		.min(1, { error: 'required' })
		.max(MAX_IMAGE_BYTES, { error: 'imageTooLarge' }),
	width: z.number().int().min(1).max(20_000),
	height: z.number().int().min(1).max(20_000)
});
export type ImageRef = z.infer<typeof imageRefSchema>;

/** The file name an image travels under: its hash and the extension of its type. */
export function imageFileName(sha256: string, type: ImageRef['type']): string {
	return `${sha256}.${type === 'image/png' ? 'png' : 'jpg'}`;
}

/** The fields every linked record has besides its payload. */
const commonShape = {
	id: z.string().regex(RECORD_ID_PATTERN, { error: 'pattern' }),
	notification: z.string().regex(NOTIFICATION_NUMBER_PATTERN, { error: 'pattern' }),
	createdAt: isoDateTimeSchema,
	createdBy: actorSchema,
	changedAt: isoDateTimeSchema,
	changedBy: actorSchema,
	revision: revisionSchema,
	/** Per merge unit (a payload field), the revision that last changed it (as notifications). */
	fieldRevs: z.record(z.string(), revisionIdSchema).optional()
};

/** SM05 parts requisition (预领零件): lines of material, quantity and note; drawn or not. */
export const partsLineSchema = z.looseObject({
	material: requiredText(40),
	quantity: quantitySchema,
	note: text(80)
});
const partsShape = {
	lines: z
		.array(partsLineSchema)
		.min(1, { error: 'linesRequired' })
		.max(MAX_LINES, { error: 'tooLong' }),
	isDrawn: z.boolean()
};

/** Quote states (ZFFW): written, sent to the customer, accepted or rejected by the customer. */
export const QUOTE_STATES = ['draft', 'sent', 'accepted', 'rejected'] as const;
export const quoteStateSchema = z.enum(QUOTE_STATES);
export type QuoteState = z.infer<typeof quoteStateSchema>;

/** One quote line: item, quantity and unit price in fen. */
export const quoteLineSchema = z.looseObject({
	item: requiredText(60),
	quantity: quantitySchema,
	unitPriceFen: fenSchema
});
const optionalDate = z.union([z.literal(''), isoDateSchema]);
const quoteShape = {
	lines: z
		.array(quoteLineSchema)
		.min(1, { error: 'linesRequired' })
		.max(MAX_LINES, { error: 'tooLong' }),
	state: quoteStateSchema,
	/** When it was given to the customer; required from `sent` on. */
	sentOn: optionalDate,
	/** When the customer accepted or rejected it. */
	decidedOn: optionalDate,
	rejectionReason: text(200)
};

/**
 * A quote's dates and reason must fit its state. It runs even when a line was refused (`when`), so
 * the form names every problem at once; it reads the members defensively for that reason.
 */
function checkQuote(quote: Record<string, unknown>, context: z.RefinementCtx): void {
	const text = (key: string) =>
		typeof quote[key] === 'string' ? (quote[key] as string).trim() : '';
	const state = quote.state;
	const [sentOn, decidedOn] = [text('sentOn'), text('decidedOn')];
	if (state !== 'draft' && !sentOn) {
		context.addIssue({ code: 'custom', path: ['sentOn'], message: 'required' });
	}
	const isDecided = state === 'accepted' || state === 'rejected';
	if (isDecided && !decidedOn) {
		context.addIssue({ code: 'custom', path: ['decidedOn'], message: 'required' });
	}
	if (sentOn && decidedOn && decidedOn < sentOn) {
		context.addIssue({ code: 'custom', path: ['decidedOn'], message: 'endBeforeStart' });
	}
	if (state === 'rejected' && !text('rejectionReason')) {
		context.addIssue({ code: 'custom', path: ['rejectionReason'], message: 'required' });
	}
}

/** Runs the quote's check whenever the input is an object, whatever else was refused. */
const WHEN_OBJECT = {
	when: (payload: { value: unknown }) =>
		typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value)
};

/** SM09 acceptance: the customer's name, the signature drawn on screen and when. */
export const acceptanceSchema = z.looseObject({
	customerName: requiredText(40),
	signature: imageRefSchema,
	acceptedAt: isoDateTimeSchema
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

/** 家具服务单: the visit and its result, with the customer's acceptance once signed. */
const serviceFormShape = {
	visitDate: isoDateSchema,
	/** The service person's code (服务人员). */
	staff: requiredText(20),
	workDone: requiredText(1000),
	partsUsed: text(400),
	result: text(400),
	/** The survey (现场勘察) is done: saving proposes KCJS 勘察结束. */
	surveyDone: z.boolean(),
	acceptance: acceptanceSchema.nullable()
};

/** What the customer asks for on a complaint (the notification's demand types but paid). */
export const RESOLUTIONS = ['repair', 'exchange', 'return'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** 客诉单: details, payment status (from the type), the resolution asked for and photos. */
const complaintShape = {
	details: requiredText(1000),
	/** 完款状况: derived from the notification's type, never typed. */
	paymentStatus: z.enum(['paid', 'unpaid']),
	requestedResolution: z.enum(RESOLUTIONS, { error: 'required' }),
	photos: z.array(imageRefSchema).max(MAX_PHOTOS, { error: 'tooLong' })
};

/** ZFW invoice: number, amount and date; a reason when the amount differs from the accepted quote. */
const invoiceShape = {
	number: requiredText(20),
	amountFen: fenSchema,
	date: isoDateSchema,
	mismatchReason: text(200).optional()
};

/** Evaluation: rating 1–5, comment, and an optional follow-up (回访) date and when it was done. */
const evaluationShape = {
	rating: z
		.number({ error: 'required' })
		.int({ error: 'ratingRange' })
		.min(1, { error: 'ratingRange' })
		.max(5, { error: 'ratingRange' }),
	comment: text(400),
	followUpDate: optionalDate.optional(),
	followedUpAt: isoDateTimeSchema.optional()
};

export const partsFieldsSchema = z.object(partsShape);
export const quoteFieldsSchema = z.object(quoteShape).superRefine(checkQuote, WHEN_OBJECT);
export const serviceFormFieldsSchema = z.object(serviceFormShape);
export const complaintFieldsSchema = z.object(complaintShape);
export const invoiceFieldsSchema = z.object(invoiceShape);
export const evaluationFieldsSchema = z.object(evaluationShape);

/** The editable fields of each kind, as its form edits them. */
export const FIELDS_SCHEMAS = {
	parts: partsFieldsSchema,
	quote: quoteFieldsSchema,
	serviceForm: serviceFormFieldsSchema,
	complaint: complaintFieldsSchema,
	invoice: invoiceFieldsSchema,
	evaluation: evaluationFieldsSchema
} as const;

export type PartsFields = z.infer<typeof partsFieldsSchema>;
export type QuoteFields = z.infer<typeof quoteFieldsSchema>;
export type ServiceFormFields = z.infer<typeof serviceFormFieldsSchema>;
export type ComplaintFields = z.infer<typeof complaintFieldsSchema>;
export type InvoiceFields = z.infer<typeof invoiceFieldsSchema>;
export type EvaluationFields = z.infer<typeof evaluationFieldsSchema>;

/** The fields of a kind, by kind. */
export interface FieldsOfKind {
	parts: PartsFields;
	quote: QuoteFields;
	serviceForm: ServiceFormFields;
	complaint: ComplaintFields;
	invoice: InvoiceFields;
	evaluation: EvaluationFields;
}

// Stored records are loose (fields written by a newer app survive an import).
export const partsRecordSchema = z.looseObject({
	...commonShape,
	kind: z.literal('parts'),
	...partsShape
});
export const quoteRecordSchema = z
	.looseObject({ ...commonShape, kind: z.literal('quote'), ...quoteShape })
	.superRefine(checkQuote, WHEN_OBJECT);
export const serviceFormRecordSchema = z.looseObject({
	...commonShape,
	kind: z.literal('serviceForm'),
	...serviceFormShape
});
export const complaintRecordSchema = z.looseObject({
	...commonShape,
	kind: z.literal('complaint'),
	...complaintShape
});
export const invoiceRecordSchema = z.looseObject({
	...commonShape,
	kind: z.literal('invoice'),
	...invoiceShape
});
export const evaluationRecordSchema = z.looseObject({
	...commonShape,
	kind: z.literal('evaluation'),
	...evaluationShape
});

/**
 * Any linked record, validated by its kind's schema: one union discriminated on `kind`. Used for
 * the database, the import and data read after an upgrade.
 */
export const linkedRecordSchema = z.discriminatedUnion('kind', [
	partsRecordSchema,
	quoteRecordSchema,
	serviceFormRecordSchema,
	complaintRecordSchema,
	invoiceRecordSchema,
	evaluationRecordSchema
]);

export type PartsRecord = z.infer<typeof partsRecordSchema>;
export type QuoteRecord = z.infer<typeof quoteRecordSchema>;
export type ServiceFormRecord = z.infer<typeof serviceFormRecordSchema>;
export type ComplaintRecord = z.infer<typeof complaintRecordSchema>;
export type InvoiceRecord = z.infer<typeof invoiceRecordSchema>;
export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;

/** A linked record of any kind. */
export type LinkedRecord = z.infer<typeof linkedRecordSchema>;

/** The stored record of a kind. */
export type RecordOfKind<K extends RecordKind> = Extract<LinkedRecord, { kind: K }>;

/** The fields of a record that are bookkeeping, identity or never merged as values. */
const NOT_MERGED: ReadonlySet<string> = new Set([
	'id',
	'notification',
	'kind',
	'createdAt',
	'createdBy',
	'changedAt',
	'changedBy',
	'revision',
	'fieldRevs'
]);

/** The merge units of records: every payload field, each on its own (unknown ones too). */
export function recordMergeUnits(...records: LinkedRecord[]): string[] {
	const units = new Set<string>();
	for (const record of records) {
		for (const key of Object.keys(record)) if (!NOT_MERGED.has(key)) units.add(key);
	}
	return [...units].sort();
}

/**
 * What a record's revision id is hashed from: everything but the bookkeeping (`revision`,
 * `changedAt`, `changedBy`, `fieldRevs`), as for notifications.
 */
export function recordRevisionContent(record: LinkedRecord): Record<string, unknown> {
	const {
		revision: _revision,
		changedAt: _changedAt,
		changedBy: _changedBy,
		fieldRevs: _fieldRevs,
		...content
	} = record;
	return content;
}

/** The payload of a record as its form edits it. */
export function fieldsOfRecord<K extends RecordKind>(record: RecordOfKind<K>): FieldsOfKind[K] {
	const fields: Record<string, unknown> = {};
	for (const key of recordMergeUnits(record)) {
		fields[key] = structuredClone((record as Record<string, unknown>)[key]);
	}
	return fields as FieldsOfKind[K];
}

/** What creating a record needs besides its fields. */
export interface CreateRecordContext {
	id: string;
	notification: string;
	actor: Actor;
	now: Date;
}

/** A new record of `kind` with its first revision, hashed from its content. */
export function createRecord<K extends RecordKind>(
	kind: K,
	fields: FieldsOfKind[K],
	context: CreateRecordContext
): RecordOfKind<K> {
	const at = context.now.toISOString();
	const record = {
		...fields,
		id: context.id,
		notification: context.notification,
		kind,
		createdAt: at,
		createdBy: context.actor,
		changedAt: at,
		changedBy: context.actor
	} as unknown as LinkedRecord;
	const revision = firstRevision(recordRevisionContent({ ...record, revision: PLACEHOLDER }));
	return { ...record, revision } as RecordOfKind<K>;
}

const PLACEHOLDER = { rev: '0-0', ancestry: [] };

/** The merge units whose value differs between two versions of a record. */
export function changedRecordUnits(before: LinkedRecord, after: LinkedRecord): string[] {
	const value = (record: LinkedRecord, unit: string) =>
		canonicalJson((record as Record<string, unknown>)[unit] ?? null);
	return recordMergeUnits(before, after).filter(
		(unit) => value(before, unit) !== value(after, unit)
	);
}

/**
 * A record with edited fields: the next revision hashed from the parent and the new content, and
 * each changed field stamped with it. Unchanged fields give the record back as it was.
 */
export function changeRecord<K extends RecordKind>(
	record: RecordOfKind<K>,
	fields: FieldsOfKind[K],
	actor: Actor,
	now: Date
): RecordOfKind<K> {
	const changed = {
		...record,
		...fields,
		changedAt: now.toISOString(),
		changedBy: actor
	} as LinkedRecord;
	// An optional field the form cleared is gone, not kept from before.
	for (const key of recordMergeUnits(record)) {
		if (!(key in (fields as object))) delete (changed as Record<string, unknown>)[key];
	}
	const units = changedRecordUnits(record, changed);
	if (units.length === 0) return record;
	const revision = nextRevision(record.revision, recordRevisionContent(changed));
	const stamps = { ...record.fieldRevs };
	for (const unit of units) stamps[unit] = revision.rev;
	return { ...changed, revision, fieldRevs: stamps } as RecordOfKind<K>;
}

/** The images a record refers to (signature, photos), each once. */
export function imagesOf(record: LinkedRecord): ImageRef[] {
	const images: ImageRef[] = [];
	if (record.kind === 'serviceForm' && record.acceptance) images.push(record.acceptance.signature);
	if (record.kind === 'complaint') images.push(...record.photos);
	const seen = new Set<string>();
	return images.filter((image) => !seen.has(image.sha256) && seen.add(image.sha256));
}
