import {
	deleteDraftImages,
	loadDraftImages,
	saveDraftImages,
	type DraftRef
} from '$lib/data/drafts';
import { ConflictError, isStorageFullError } from '$lib/data/errors';
import { getImage, saveRecord } from '$lib/data/records';
import type { Actor } from '$lib/domain/actor';
import { toIsoDate } from '$lib/domain/dates';
import type { Notification } from '$lib/domain/notification';
import { paymentStatusOf, type Configuration } from '$lib/domain/status/profile';
import type { Refusal } from '$lib/domain/status/engine';
import { toRecordIssues, type RecordFieldIssue } from '$lib/domain/records/issues';
import {
	complaintFieldsSchema,
	RESOLUTIONS,
	serviceFormFieldsSchema,
	type ComplaintFields,
	type ComplaintRecord,
	type ImageRef,
	type Resolution,
	type ServiceFormFields,
	type ServiceFormRecord
} from '$lib/domain/records/record';
import { proposeSurveyDone } from '$lib/domain/records/survey';
import { imageOf, type PreparedImage } from './photos';

/** The service form as typed on site; the signature as strokes (a draft keeps them) and as PNG. */
export interface ServiceFormInput {
	visitDate: string;
	staff: string;
	workDone: string;
	partsUsed: string;
	result: string;
	surveyDone: boolean;
	isAccepted: boolean;
	customerName: string;
	/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input gives it. */
	acceptedAt: string;
}

/** The complaint form as typed on site (the photos are kept beside it, as Blobs). */
export interface ComplaintInput {
	details: string;
	requestedResolution: Resolution | '';
}

/** What saving an on-site form gives the form. */
export type OnsiteSaveOutcome<R> =
	| { kind: 'saved'; record: R; notification: Notification; proposal?: { code: string } }
	| { kind: 'invalid'; issues: RecordFieldIssue[] }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'conflict' }
	| { kind: 'storageFull'; error: unknown }
	| { kind: 'failed'; error: unknown };

/** `YYYY-MM-DDTHH:mm` of a moment in local time (a datetime-local input's value). */
export function localDateTimeInput(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${toIsoDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An empty service form for a notification: today, its person responsible, not accepted. */
export function emptyServiceForm(notification: Notification, now = new Date()): ServiceFormInput {
	return {
		visitDate: toIsoDate(now),
		staff: notification.responsible,
		workDone: '',
		partsUsed: '',
		result: '',
		surveyDone: false,
		isAccepted: false,
		customerName: '',
		acceptedAt: ''
	};
}

/** A stored service form as its form edits it. */
export function serviceFormInputOf(record: ServiceFormRecord): ServiceFormInput {
	return {
		visitDate: record.visitDate,
		staff: record.staff,
		workDone: record.workDone,
		partsUsed: record.partsUsed,
		result: record.result,
		surveyDone: record.surveyDone,
		isAccepted: record.acceptance !== null,
		customerName: record.acceptance?.customerName ?? '',
		acceptedAt: record.acceptance ? localDateTimeInput(new Date(record.acceptance.acceptedAt)) : ''
	};
}

/** An empty complaint form: the resolution the notification's demand type asks for, if any. */
export function emptyComplaint(notification: Notification): ComplaintInput {
	const demand = notification.demandType as string;
	return {
		details: '',
		requestedResolution: (RESOLUTIONS as readonly string[]).includes(demand)
			? (demand as Resolution)
			: ''
	};
}

/** A stored complaint form as its form edits it. */
export function complaintInputOf(record: ComplaintRecord): ComplaintInput {
	return { details: record.details, requestedResolution: record.requestedResolution };
}

/** Whether a value read from a draft is a service form. */
export function isServiceFormDraft(
	value: unknown
): value is { form: ServiceFormInput; strokes: unknown[] } {
	const draft = value as { form?: Partial<ServiceFormInput>; strokes?: unknown } | null;
	return (
		typeof draft === 'object' &&
		draft !== null &&
		typeof draft.form?.workDone === 'string' &&
		typeof draft.form.isAccepted === 'boolean' &&
		Array.isArray(draft.strokes)
	);
}

/** Whether a value read from a draft is a complaint form. */
export function isComplaintDraft(value: unknown): value is { form: ComplaintInput } {
	const draft = value as { form?: Partial<ComplaintInput> } | null;
	return typeof draft === 'object' && draft !== null && typeof draft.form?.details === 'string';
}

/** The draft key of an on-site form: its kind, notification and record (or `new`). */
export function onsiteDraftKey(
	kind: 'serviceForm' | 'complaint',
	notification: string,
	id: string | undefined
): string {
	return `onsite:${kind}:${notification}:${id ?? 'new'}`;
}

// Stands in for a signature not drawn, so the other fields are still checked in the same pass.
const NO_SIGNATURE: ImageRef = {
	name: `${'0'.repeat(64)}.png`,
	sha256: '0'.repeat(64),
	type: 'image/png',
	bytes: 1,
	width: 1,
	height: 1
};

async function guarded<R>(
	save: () => Promise<OnsiteSaveOutcome<R>>
): Promise<OnsiteSaveOutcome<R>> {
	try {
		return await save();
	} catch (error) {
		if (isStorageFullError(error)) return { kind: 'storageFull', error };
		if (error instanceof ConflictError) return { kind: 'conflict' };
		return { kind: 'failed', error };
	}
}

/** What saving a service form needs. */
export interface SaveServiceFormInput {
	notification: Notification;
	record?: ServiceFormRecord;
	form: ServiceFormInput;
	/** The signature drawn now (PNG), or null: then a kept one (`keptSignature`) or none. */
	signature: { blob: Blob; width: number; height: number } | null;
	keptSignature: ImageRef | null;
	actor: Actor;
	configuration: Configuration;
	draft?: DraftRef;
	now?: Date;
}

/**
 * Checks and saves a service form with its signature in one transaction (the data layer's
 * `saveRecord`). Accepting needs the customer's name and a signature: an empty pad is refused on
 * the signature field. Saved with the survey done, it proposes KCJS when the engine allows it.
 */
export function saveServiceForm(
	input: SaveServiceFormInput
): Promise<OnsiteSaveOutcome<ServiceFormRecord>> {
	return guarded(async () => {
		const { form } = input;
		const now = input.now ?? new Date();
		const image = input.signature
			? await imageOf(
					input.signature.blob,
					'image/png',
					input.signature.width,
					input.signature.height
				)
			: undefined;
		const signature = form.isAccepted ? (image?.ref ?? input.keptSignature) : null;
		const acceptedAt = form.acceptedAt ? new Date(form.acceptedAt) : now;
		const fields: ServiceFormFields = {
			visitDate: form.visitDate,
			staff: form.staff,
			workDone: form.workDone,
			partsUsed: form.partsUsed,
			result: form.result,
			surveyDone: form.surveyDone,
			acceptance: form.isAccepted
				? {
						customerName: form.customerName,
						signature: signature ?? NO_SIGNATURE,
						acceptedAt: Number.isNaN(acceptedAt.getTime()) ? '' : acceptedAt.toISOString()
					}
				: null
		};
		const parsed = serviceFormFieldsSchema.safeParse(fields);
		const issues = parsed.success ? [] : toRecordIssues(parsed.error);
		if (form.isAccepted && !signature) {
			issues.push({ path: 'acceptance.signature', code: 'signatureEmpty' });
		}
		if (issues.length > 0) return { kind: 'invalid', issues };
		const result = await saveRecord({
			kind: 'serviceForm',
			notification: input.notification.number,
			id: input.record?.id,
			expectedRev: input.record?.revision.rev,
			fields,
			images: image && form.isAccepted ? [image] : [],
			actor: input.actor,
			configuration: input.configuration,
			draft: input.draft,
			now
		});
		if (!result.ok) return { kind: 'refused', refusal: result.refusal };
		const proposal = proposeSurveyDone(
			result.notification,
			fields,
			input.actor,
			input.configuration
		);
		return {
			kind: 'saved',
			record: result.record,
			notification: result.notification,
			...(proposal ? { proposal } : {})
		};
	});
}

/** What saving a complaint form needs. */
export interface SaveComplaintInput {
	notification: Notification;
	record?: ComplaintRecord;
	form: ComplaintInput;
	photos: readonly PreparedImage[];
	actor: Actor;
	configuration: Configuration;
	draft?: DraftRef;
	now?: Date;
}

/**
 * Checks and saves a complaint form with its photos in one transaction; the payment status
 * (完款状况) comes from the notification's type, never from the form.
 */
export function saveComplaint(
	input: SaveComplaintInput
): Promise<OnsiteSaveOutcome<ComplaintRecord>> {
	return guarded(async () => {
		const fields = {
			details: input.form.details,
			paymentStatus: paymentStatusOf(input.configuration, input.notification.type) ?? 'unpaid',
			requestedResolution: input.form.requestedResolution,
			photos: input.photos.map((photo) => photo.ref)
		};
		const parsed = complaintFieldsSchema.safeParse(fields);
		if (!parsed.success) return { kind: 'invalid', issues: toRecordIssues(parsed.error) };
		const result = await saveRecord({
			kind: 'complaint',
			notification: input.notification.number,
			id: input.record?.id,
			expectedRev: input.record?.revision.rev,
			fields: parsed.data as ComplaintFields,
			images: input.photos,
			actor: input.actor,
			configuration: input.configuration,
			draft: input.draft,
			now: input.now
		});
		if (!result.ok) return { kind: 'refused', refusal: result.refusal };
		return { kind: 'saved', record: result.record, notification: result.notification };
	});
}

/** The stored images of references, with their bytes (a missing one is left out). */
export async function loadImages(refs: readonly ImageRef[]): Promise<PreparedImage[]> {
	const images: PreparedImage[] = [];
	for (const ref of refs) {
		const row = await getImage(ref.sha256);
		if (row) images.push({ ref, blob: row.blob });
	}
	return images;
}

/** Keeps the photos of a form's draft (Blobs), so a reload on site loses none. */
export async function keepDraftPhotos(
	key: string,
	photos: readonly PreparedImage[]
): Promise<void> {
	await saveDraftImages(key, photos);
}

/** The photos kept with a form's draft whose bytes still match their hash. */
export async function restoreDraftPhotos(key: string): Promise<PreparedImage[]> {
	const kept = await loadDraftImages(key);
	const photos: PreparedImage[] = [];
	for (const image of kept) {
		const ref = image.ref as ImageRef;
		if (typeof ref?.sha256 !== 'string' || ref.type !== 'image/jpeg') continue;
		const again = await imageOf(image.blob, ref.type, ref.width, ref.height);
		if (again.ref.sha256 === ref.sha256) photos.push(again);
	}
	return photos;
}

/** Forgets the photos of a form's draft (saved or discarded). */
export async function forgetDraftPhotos(key: string): Promise<void> {
	await deleteDraftImages(key);
}
