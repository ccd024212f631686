import {
	deleteDraft,
	deleteOwnDraft,
	loadDraft,
	rescueDraft,
	saveDraft,
	type DraftRef
} from '$lib/data/drafts';
import { onBeforeUpdate } from './before-update';
import { handleError } from './handle-error';

/** This page load: drafts it writes carry it, so saving here never deletes another tab's draft. */
const PAGE_ID = globalThis.crypto.randomUUID();

/**
 * Keeps a form as a draft while it is typed (debounced), and at once when the page is hidden or
 * left (a reload, a closed tab) and before an update reloads it, so nothing typed is lost. A form that matches what it was opened
 * with keeps no draft: opening a form and leaving it untouched must not leave a draft behind.
 */
export class DraftKeeper<T> {
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** Nothing is saved before the stored draft was looked at: it must not be overwritten unread. */
	private isRestored = false;
	private readonly baseline: string;
	private readonly unregister: () => void;

	constructor(
		private readonly key: string,
		private readonly read: () => T
	) {
		this.baseline = JSON.stringify(read());
		const unregisterUpdate = onBeforeUpdate(() => this.flush());
		// The debounce would lose the last keystrokes to a reload or a closed tab: save them as the
		// page goes. Only a pending save is made, so a draft not yet restored is never overwritten.
		const onHide = () => {
			if (document.visibilityState === 'hidden') this.flushPending();
		};
		const onPageHide = () => {
			if (this.timer === undefined) return;
			const value = this.read();
			if (JSON.stringify(value) !== this.baseline) rescueDraft(this.key, value, PAGE_ID);
			this.flushPending();
		};
		if (typeof window !== 'undefined') {
			window.addEventListener('pagehide', onPageHide);
			document.addEventListener('visibilitychange', onHide);
		}
		this.unregister = () => {
			unregisterUpdate();
			if (typeof window !== 'undefined') {
				window.removeEventListener('pagehide', onPageHide);
				document.removeEventListener('visibilitychange', onHide);
			}
		};
	}

	/** The draft as this page writes it, for the save that must forget it. */
	get ref(): DraftRef {
		return { key: this.key, owner: PAGE_ID };
	}

	/**
	 * Looks for a draft of this form once, hands a restored one to `apply`, and from then on keeps
	 * the form. Errors go through the funnel; the form then simply starts empty.
	 */
	async restore(
		isDraft: (value: unknown) => value is T,
		apply: (draft: T, savedAt: string) => void
	): Promise<void> {
		try {
			const restored = await restoreDraft(this.key, isDraft);
			this.isRestored = true;
			if (restored) apply(restored.draft, restored.savedAt);
		} catch (error) {
			this.isRestored = true;
			handleError(error);
		}
	}

	/** Saves soon; called on every change of the form (ignored until `restore` has looked). */
	schedule(): void {
		if (!this.isRestored) return;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flush().catch(handleError), 300);
	}

	/**
	 * Saves now, or forgets this page's draft when the form is back to what it was opened with; a
	 * draft another tab wrote is never deleted here (an idle tab flushes too before an update).
	 */
	async flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		const value = this.read();
		if (JSON.stringify(value) === this.baseline) await deleteOwnDraft(this.ref);
		else await saveDraft(this.key, value, PAGE_ID);
	}

	/** Stops keeping the draft (the form closed or was saved); a save still pending is made now. */
	stop(): void {
		this.flushPending();
		this.unregister();
	}

	private flushPending(): void {
		if (this.timer !== undefined) this.flush().catch(handleError);
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
