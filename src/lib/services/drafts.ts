import { deleteDraft, loadDraft, saveDraft } from '$lib/data/drafts';
import { onBeforeUpdate } from './before-update';
import { handleError } from './handle-error';

/**
 * Keeps a form as a draft while it is typed (debounced), and at once before an update reloads the
 * page, so a reload, a crash or an update loses nothing. A form that matches what it was opened
 * with keeps no draft: opening a form and leaving it untouched must not leave a draft behind.
 */
export class DraftKeeper<T> {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly baseline: string;
	private readonly unregister: () => void;

	constructor(
		private readonly key: string,
		private readonly read: () => T
	) {
		this.baseline = JSON.stringify(read());
		this.unregister = onBeforeUpdate(() => this.flush());
	}

	/** Saves soon; called on every change of the form. */
	schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flush().catch(handleError), 300);
	}

	/** Saves now, or forgets the draft when the form is back to what it was opened with. */
	async flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		const value = this.read();
		if (JSON.stringify(value) === this.baseline) await deleteDraft(this.key);
		else await saveDraft(this.key, value);
	}

	/** Stops keeping the draft (the form closed or was saved). */
	stop(): void {
		clearTimeout(this.timer);
		this.unregister();
	}
}

/** A draft kept for a form, if one is there and the check says it is of the right shape. */
export async function restoreDraft<T>(
	key: string,
	isDraft: (value: unknown) => value is T
): Promise<{ draft: T; savedAt: string } | undefined> {
	const row = await loadDraft(key);
	if (!row || !isDraft(row.value)) return undefined;
	return { draft: row.value, savedAt: row.savedAt };
}

/** Forgets a form's draft. */
export async function discardDraft(key: string): Promise<void> {
	await deleteDraft(key);
}
