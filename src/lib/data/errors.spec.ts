import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { db } from './db';
import { isDatabaseClosedError, isStorageFullError } from './errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isStorageFullError (defect: a save on a full disk said nothing)', () => {
	it('knows the browser’s own QuotaExceededError', () => {
		expect(isStorageFullError(quota())).toBe(true);
	});

	it('knows an AbortError whose inner error is the quota, as Dexie reports an aborted write', () => {
		expect(isStorageFullError(new Dexie.AbortError(quota()))).toBe(true);
		expect(isStorageFullError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
	});

	it('knows Dexie’s wrappers: its QuotaExceededError, bulk and modify failures, and a cause', () => {
		expect(isStorageFullError(new Dexie.QuotaExceededError(quota()))).toBe(true);
		expect(isStorageFullError(new Dexie.BulkError('bulkPut failed', { 3: quota() }))).toBe(true);
		expect(
			isStorageFullError(new Dexie.ModifyError('modify failed', [new Dexie.AbortError(quota())]))
		).toBe(true);
		expect(isStorageFullError(new Error('save failed', { cause: quota() }))).toBe(true);
	});

	it('is not fooled by other failures, a plain abort, or a loop of inner errors', () => {
		expect(isStorageFullError(new Dexie.AbortError())).toBe(false);
		expect(isStorageFullError(new Dexie.ConstraintError('key exists'))).toBe(false);
		expect(isStorageFullError(new Error('QuotaExceededError'))).toBe(false);
		expect(isStorageFullError('QuotaExceededError')).toBe(false);
		expect(isStorageFullError(undefined)).toBe(false);
		const looped = new Dexie.AbortError('a');
		(looped as { inner: unknown }).inner = looped;
		expect(isStorageFullError(looped)).toBe(false);
	});
});

describe('isDatabaseClosedError', () => {
	it('knows the error Dexie throws for a write after the connection was closed', async () => {
		await db.open();
		db.close();
		const error: unknown = await db.settings.put({ key: 'x', value: 1 }).catch((e: unknown) => e);
		expect(isDatabaseClosedError(error)).toBe(true);
		expect(isDatabaseClosedError(quota())).toBe(false);
		await db.open();
		db.close();
	});
});
