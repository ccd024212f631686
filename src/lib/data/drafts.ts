import { db, type DraftRow } from './db';

/** Keeps a form's current content, so a reload, crash or update loses nothing. */
export async function saveDraft(key: string, value: unknown, now = new Date()): Promise<void> {
	await db.drafts.put({ key, value: toPlainData(value), savedAt: now.toISOString() });
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
