// Dexie under node needs an IndexedDB: fake-indexeddb provides a spec-compliant one in memory.
import 'fake-indexeddb/auto';
import { loadLocale } from '$lib/i18n';

// English is loaded on first use in the app (`loadLocale`); tests switch languages synchronously.
await loadLocale('en');
