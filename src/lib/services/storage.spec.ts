import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, readStorageStatus, requestPersistence } from './storage';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('formatBytes', () => {
	it('shows bytes below 1 KB as whole bytes', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(1023)).toBe('1023 B');
	});

	it('uses binary units with one decimal from 1 KB up', () => {
		expect(formatBytes(1024)).toBe('1.0 KB');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.5 MB');
		expect(formatBytes(300 * 1024 ** 3)).toBe('300.0 GB');
	});

	it('stops at TB', () => {
		expect(formatBytes(2048 * 1024 ** 4)).toBe('2048.0 TB');
	});
});

describe('storage status', () => {
	it('reads persistence, usage and quota from navigator.storage', async () => {
		vi.stubGlobal('navigator', {
			storage: {
				persisted: async () => false,
				estimate: async () => ({ usage: 2048, quota: 1024 ** 3 })
			}
		});
		expect(await readStorageStatus()).toEqual({
			isPersistent: false,
			usage: 2048,
			quota: 1024 ** 3
		});
	});

	it('says "unknown" where the browser has no storage manager', async () => {
		vi.stubGlobal('navigator', {});
		expect(await readStorageStatus()).toEqual({
			isPersistent: undefined,
			usage: undefined,
			quota: undefined
		});
		expect(await requestPersistence()).toBe(false);
	});

	it('asks for persistence only when called', async () => {
		const persist = vi.fn(async () => true);
		vi.stubGlobal('navigator', { storage: { persist } });
		expect(persist).not.toHaveBeenCalled();
		expect(await requestPersistence()).toBe(true);
		expect(persist).toHaveBeenCalledOnce();
	});
});
