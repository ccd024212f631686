import { describe, expect, it } from 'vitest';
import { storageFailureKey } from './handle-error';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
// Shaped as Dexie throws them (only src/lib/data imports dexie; errors.spec.ts uses the real ones).
const dexieError = (name: string, inner?: unknown) =>
	Object.assign(new Error(name), { name, inner: inner ?? null });

describe('storageFailureKey', () => {
	it('defect: a save on a full disk says that storage is full, however Dexie wrapped it', () => {
		expect(storageFailureKey(quota(), 'open')).toBe('error.storageFull');
		expect(storageFailureKey(dexieError('AbortError', quota()), 'open')).toBe('error.storageFull');
	});

	it('defect: after a deletion in another tab, a write is refused with the banner’s words', () => {
		const closed = dexieError('DatabaseClosedError');
		expect(storageFailureKey(closed, 'deleted')).toBe('storage.deleted');
		expect(storageFailureKey(closed, 'versionchange')).toBe('storage.versionChange');
	});

	it('leaves every other failure to its caller’s message', () => {
		expect(storageFailureKey(dexieError('AbortError'), 'open')).toBeUndefined();
		expect(storageFailureKey(new Error('boom'), 'deleted')).toBeUndefined();
	});
});
