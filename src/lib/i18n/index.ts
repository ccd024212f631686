export {
	t,
	hasMessage,
	getLocale,
	setLocale,
	inLocale,
	LOCALES,
	type Locale
} from './locale.svelte';
export type { MessageKey, MessageParams } from './catalogue';
