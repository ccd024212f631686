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

/**
 * Forgets a draft once its content is saved for real, unless another tab wrote it since: that
 * tab's typing stays. Runs inside the caller's transaction (which must include `drafts`).
 */
export async function forgetOwnDraft(ref: DraftRef): Promise<void> {
	const row = await db.drafts.get(ref.key);
	if (row && (row.owner === undefined || row.owner === ref.owner)) await db.drafts.delete(ref.key);
}

/**
 * Forgets a draft this page wrote (or an unstamped one) in its own transaction; a draft another
 * tab wrote since stays, as with `forgetOwnDraft`.
 */
export async function deleteOwnDraft(ref: DraftRef): Promise<void> {
	await db.transaction('rw', db.drafts, () => forgetOwnDraft(ref));
}

/** The draft kept for a form, if any. */
export async function loadDraft(key: string): Promise<DraftRow | undefined> {
	return db.drafts.get(key);
}

/** Forgets a form's draft once its content is saved for real. */
export async function deleteDraft(key: string): Promise<void> {
	await db.drafts.delete(key);
}

// Svelte state proxies cannot be cloned into IndexedDB; a JSON round trip gives plain data.
function toPlainData(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value)) as unknown;
}
