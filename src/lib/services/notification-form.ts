import { deleteDraft, loadDraft, saveDraft } from '$lib/data/drafts';
import type { NotificationFields } from '$lib/domain/notification';
import { onBeforeUpdate } from './before-update';
import { handleError } from './handle-error';

/** What a notification form keeps as its draft: the fields and the revision it started from. */
export interface NotificationDraft {
	step?: 'type' | 'form';
	baseRev?: string;
	fields: NotificationFields;
}

/** The draft key of a form: the create form, or the change form of one notification. */
export function draftKeyOf(number: string | undefined): string {
	return number ? `notification:${number}` : 'notification:new';
}

/**
 * Keeps a form as a draft while it is typed (debounced), and at once before an update reloads the
 * page, so a reload, a crash or an update loses nothing.
 */
export class DraftKeeper {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly unregister: () => void;

	constructor(
		private readonly key: string,
		private readonly read: () => NotificationDraft
	) {
		this.unregister = onBeforeUpdate(() => this.flush());
	}

	/** Saves soon; called on every keystroke. */
	schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flush().catch(handleError), 300);
	}

	/** Saves now. */
	async flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		await saveDraft(this.key, this.read());
	}

	/** Stops keeping the draft (the form closed or was saved). */
	stop(): void {
		clearTimeout(this.timer);
		this.unregister();
	}
}

/** A draft kept for a form, if one is there and readable. */
export async function restoreDraft(
	key: string
): Promise<{ draft: NotificationDraft; savedAt: string } | undefined> {
	const row = await loadDraft(key);
	if (!row || typeof row.value !== 'object' || row.value === null || !('fields' in row.value))
		return undefined;
	return { draft: row.value as NotificationDraft, savedAt: row.savedAt };
}

/** Forgets a form's draft. */
export async function discardDraft(key: string): Promise<void> {
	await deleteDraft(key);
}
