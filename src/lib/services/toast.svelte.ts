/** A short message shown at the bottom of the screen. */
export interface Toast {
	id: number;
	kind: 'info' | 'success' | 'error';
	text: string;
}

const toasts = $state<Toast[]>([]);
let nextId = 1;

/** The toasts on screen (reactive). */
export function getToasts(): readonly Toast[] {
	return toasts;
}

/**
 * Shows a toast; errors stay until dismissed, others go after a few seconds. An error already on
 * screen is not shown twice (a full disk fails every draft save while the user types).
 */
export function showToast(kind: Toast['kind'], text: string): number {
	const shown =
		kind === 'error' && toasts.find((toast) => toast.kind === kind && toast.text === text);
	if (shown) return shown.id;
	const id = nextId++;
	toasts.push({ id, kind, text });
	if (kind !== 'error') setTimeout(() => dismissToast(id), 5000);
	return id;
}

/** Removes a toast. */
export function dismissToast(id: number): void {
	const index = toasts.findIndex((toast) => toast.id === id);
	if (index >= 0) toasts.splice(index, 1);
}
