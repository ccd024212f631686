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

/** The language of a print being built (see `inLocale`), else none. */
let printLocale: Locale | undefined;

/** The current language (reactive). */
export function getLocale(): Locale {
	return printLocale ?? state.locale;
}

/**
 * Runs `build` with every message in another language, for a print made in the language chosen
 * at print time whatever the screen shows. Synchronous only: the language is restored on return.
 */
export function inLocale<T>(locale: Locale, build: () => T): T {
	const before = printLocale;
	printLocale = locale;
	try {
		return build();
	} finally {
		printLocale = before;
	}
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
	return format(catalogues[getLocale()], key, params);
}

/** Whether the current catalogue has a message under this key (for keys built from data). */
export function hasMessage(key: string): boolean {
	return lookup(catalogues[getLocale()], key) !== undefined;
}
