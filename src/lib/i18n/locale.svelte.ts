import { zhCN } from './zh-CN';
import { format, lookup, type Catalogue, type MessageKey, type MessageParams } from './catalogue';

/** The languages the app speaks; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The loaded catalogues. Chinese, the default, is part of the first JavaScript; English is loaded
 * on first use (`loadLocale`), so a first visit does not carry both.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = { 'zh-CN': zhCN };
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

/** Loads a language's messages if they are not loaded yet. */
export async function loadLocale(locale: Locale): Promise<void> {
	if (catalogues[locale]) return;
	if (locale === 'en') catalogues.en = (await import('./en')).en;
}

/** The language remembered on this device; shown once its messages are loaded (`restoreLocale`). */
const remembered = initialLocale();
const state = $state<{ locale: Locale }>({ locale: catalogues[remembered] ? remembered : 'zh-CN' });

/**
 * Loads the remembered language and shows it: the layout waits for this before its first screen,
 * so a device set to English never shows Chinese first.
 */
export async function restoreLocale(): Promise<void> {
	if (state.locale === remembered) return;
	await loadLocale(remembered);
	state.locale = remembered;
}

/** The catalogue of a language, Chinese while another is not loaded yet. */
function catalogueOf(locale: Locale): Catalogue {
	return catalogues[locale] ?? zhCN;
}

/** The language of a print being built (see `inLocale`), else none. */
let printLocale: Locale | undefined;

/** The current language (reactive). */
export function getLocale(): Locale {
	return printLocale ?? state.locale;
}

/**
 * Runs `build` with every message in another language, for a print made in the language chosen
 * at print time whatever the screen shows. Synchronous only: the language is restored on return.
 * The caller loads the language first (`await loadLocale(locale)`).
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

/**
 * Switches the language (once its messages are loaded), remembers it on this device and updates
 * `<html lang>`. When the messages cannot be loaded (offline before the app was cached), the
 * language stays as it was.
 */
export async function setLocale(locale: Locale): Promise<void> {
	try {
		await loadLocale(locale);
	} catch (error) {
		console.error('the language could not be loaded', error);
		return;
	}
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
	return format(catalogueOf(getLocale()), key, params);
}

/** Whether the current catalogue has a message under this key (for keys built from data). */
export function hasMessage(key: string): boolean {
	return lookup(catalogueOf(getLocale()), key) !== undefined;
}
