import { en } from './en';
import { zhCN } from './zh-CN';
import { format, lookup, type Catalogue, type MessageKey, type MessageParams } from './catalogue';

/** The languages the app speaks; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'shouhou.locale';

function initialLocale(): Locale {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		if (stored === 'en' || stored === 'zh-CN') return stored;
	} catch {
		// localStorage can be blocked; fall back to the default language.
	}
	return 'zh-CN';
}

const state = $state({ locale: initialLocale() });

/** The current language (reactive). */
export function getLocale(): Locale {
	return state.locale;
}

/** Switches the language, remembers it on this device and updates `<html lang>`. */
export function setLocale(locale: Locale): void {
	state.locale = locale;
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, locale);
	} catch {
		// Not remembered when storage is blocked; the switch still applies to this session.
	}
	if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Translates a key in the current language; reactive inside components. */
export function t(key: MessageKey, params?: MessageParams): string {
	return format(catalogues[state.locale], key, params);
}

/** Whether the current catalogue has a message under this key (for keys built from data). */
export function hasMessage(key: string): boolean {
	return lookup(catalogues[state.locale], key) !== undefined;
}
