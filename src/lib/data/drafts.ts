import { db, type DraftRow } from './db';

/** A form's draft as one page (tab) wrote it. */
export interface DraftRef {
	key: string;
	owner: string;
}

/** Keeps a form's current content, so a reload, crash or update loses nothing. */
export async function saveDraft(
	key: string,
	value: unknown,
	owner?: string,
	now = new Date()
): Promise<void> {
	const row = { key, value: toPlainData(value), savedAt: now.toISOString() };
	await db.drafts.put(owner ? { ...row, owner } : row);
}

const RESCUE_PREFIX = 'shouhou:draft:';

/**
 * Keeps a form's content at once, for a page that is going away (reload, closed tab): Chromium
 * aborts an IndexedDB write still running when the page unloads, while localStorage is written
 * before this returns. The next `loadDraft` of the form moves it into the database.
 */
export function rescueDraft(key: string, value: unknown, owner?: string, now = new Date()): void {
	const row: DraftRow = { key, value: toPlainData(value), savedAt: now.toISOString() };
	try {
		globalThis.localStorage?.setItem(
			RESCUE_PREFIX + key,
			JSON.stringify(owner ? { ...row, owner } : row)
		);
	} catch (error) {
		// Storage full or refused: the IndexedDB save begun at the same time is all there is.
		console.warn('draft rescue not kept', error);
	}
}

function rescuedDraft(key: string): DraftRow | undefined {
	try {
		const text = globalThis.localStorage?.getItem(RESCUE_PREFIX + key);
		const row = text ? (JSON.parse(text) as DraftRow) : undefined;
		return row && typeof row.savedAt === 'string' && row.key === key ? row : undefined;
	} catch {
		return undefined;
	}
}

function forgetRescue(key: string, owner?: string): void {
	const rescued = rescuedDraft(key);
	if (!rescued || (owner !== undefined && rescued.owner !== undefined && rescued.owner !== owner)) {
		return;
	}
	try {
		globalThis.localStorage?.removeItem(RESCUE_PREFIX + key);
	} catch {
		// Nothing to forget where there is no storage.
	}
}

/**
 * Forgets a draft once its content is saved for real, unless another tab wrote it since: that
 * tab's typing stays. Runs inside the caller's transaction (which must include `drafts`).
 */
export async function forgetOwnDraft(ref: DraftRef): Promise<void> {
	const row = await db.drafts.get(ref.key);
	if (row && (row.owner === undefined || row.owner === ref.owner)) await db.drafts.delete(ref.key);
	forgetRescue(ref.key, ref.owner);
}

/**
 * Forgets a draft this page wrote (or an unstamped one) in its own transaction; a draft another
 * tab wrote since stays, as with `forgetOwnDraft`.
 */
export async function deleteOwnDraft(ref: DraftRef): Promise<void> {
	await db.transaction('rw', db.drafts, () => forgetOwnDraft(ref));
}

/** The draft kept for a form, if any: the newer of the stored one and one rescued at unload. */
export async function loadDraft(key: string): Promise<DraftRow | undefined> {
	const stored = await db.drafts.get(key);
	const rescued = rescuedDraft(key);
	if (!rescued) return stored;
	if (!stored || rescued.savedAt > stored.savedAt) {
		await db.drafts.put(rescued);
		forgetRescue(key);
		return rescued;
	}
	forgetRescue(key);
	return stored;
}

/** Forgets a form's draft once its content is saved for real. */
export async function deleteDraft(key: string): Promise<void> {
	await db.drafts.delete(key);
	forgetRescue(key);
}

/** An image kept with a form's draft (a photo taken before the form was saved). */
export interface DraftImage {
	ref: unknown;
	blob: Blob;
}

const IMAGES_SUFFIX = '#images';

/**
 * Keeps the images of a form's draft beside its typed content, as Blobs (IndexedDB stores them;
 * a JSON draft cannot), so photos taken on site survive a reload too. No images: forgotten.
 */
export async function saveDraftImages(
	key: string,
	images: readonly DraftImage[],
	now = new Date()
): Promise<void> {
	if (images.length === 0) {
		await db.drafts.delete(key + IMAGES_SUFFIX);
		return;
	}
	await db.drafts.put({
		key: key + IMAGES_SUFFIX,
		value: images.map((image) => ({ ref: toPlainData(image.ref), blob: image.blob })),
		savedAt: now.toISOString()
	});
}

/** The images kept with a form's draft, if any. */
export async function loadDraftImages(key: string): Promise<DraftImage[]> {
	const row = await db.drafts.get(key + IMAGES_SUFFIX);
	if (!row || !Array.isArray(row.value)) return [];
	return (row.value as Partial<DraftImage>[]).filter(
		(image): image is DraftImage => image.blob instanceof Blob && image.ref !== undefined
	);
}

/** Forgets the images of a form's draft (it was saved or discarded). */
export async function deleteDraftImages(key: string): Promise<void> {
	await db.drafts.delete(key + IMAGES_SUFFIX);
}

// Svelte state proxies cannot be cloned into IndexedDB; a JSON round trip gives plain data.
function toPlainData(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value)) as unknown;
}
