export { t, hasMessage, getLocale, setLocale, LOCALES, type Locale } from './locale.svelte';
export type { MessageKey, MessageParams } from './catalogue';
