export {
	t,
	hasMessage,
	getLocale,
	setLocale,
	inLocale,
	loadLocale,
	restoreLocale,
	LOCALES,
	type Locale
} from './locale.svelte';
export type { MessageKey, MessageParams } from './catalogue';
