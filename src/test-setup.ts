// Dexie under node needs an IndexedDB: fake-indexeddb provides a spec-compliant one in memory.
import 'fake-indexeddb/auto';
