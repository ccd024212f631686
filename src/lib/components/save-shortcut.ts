import type { Action } from 'svelte/action';

/**
 * Ctrl+S (⌘S) submits the form, as 保存 does in SAP GUI: the desk assistant saves without the mouse
 * and the browser's "save page" dialog does not open.
 */
export const saveShortcut: Action<HTMLFormElement> = (form) => {
	const onKeydown = (event: KeyboardEvent) => {
		if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
			event.preventDefault();
			form.requestSubmit();
		}
	};
	form.addEventListener('keydown', onKeydown);
	return { destroy: () => form.removeEventListener('keydown', onKeydown) };
};
