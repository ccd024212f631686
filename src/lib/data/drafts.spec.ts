import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import {
	deleteDraft,
	deleteDraftImages,
	loadDraft,
	loadDraftImages,
	rescueDraft,
	saveDraft,
	saveDraftImages
} from './drafts';

beforeEach(async () => {
	await db.drafts.clear();
});

describe('drafts', () => {
	it('keeps the latest content of a form with the time it was saved', async () => {
		await saveDraft('setup', { centreName: '上海' }, undefined, new Date('2001-03-07T08:00:00Z'));
		await saveDraft(
			'setup',
			{ centreName: '上海服务中心' },
			undefined,
			new Date('2001-03-07T08:00:05Z')
		);

		expect(await loadDraft('setup')).toEqual({
			key: 'setup',
			value: { centreName: '上海服务中心' },
			savedAt: '2001-03-07T08:00:05.000Z'
		});
		expect(await db.drafts.count()).toBe(1);
	});

	it('stores reactive proxies (which IndexedDB cannot clone) as plain data', async () => {
		const proxy = new Proxy({ centreCode: '4002', items: [{ text: '100056,1' }] }, {});
		expect(() => structuredClone(proxy)).toThrow();

		await saveDraft('notification:new', proxy);

		expect((await loadDraft('notification:new'))?.value).toEqual({
			centreCode: '4002',
			items: [{ text: '100056,1' }]
		});
	});

	it('keeps each form apart and forgets one once it is saved for real', async () => {
		await saveDraft('setup', { centreCode: '4002' });
		await saveDraft('notification:new', { description: '活动柜锁坏' });

		await deleteDraft('setup');

		expect(await loadDraft('setup')).toBeUndefined();
		expect((await loadDraft('notification:new'))?.value).toEqual({ description: '活动柜锁坏' });
	});

	describe('issue 8.8: keystrokes lost on reload', () => {
		beforeEach(() => {
			const items = new Map<string, string>();
			vi.stubGlobal('localStorage', {
				getItem: (key: string) => items.get(key) ?? null,
				setItem: (key: string, value: string) => void items.set(key, value),
				removeItem: (key: string) => void items.delete(key)
			});
		});

		afterEach(() => {
			vi.unstubAllGlobals();
		});

		it('a draft rescued as the page unloads wins over an older stored one and moves into the database', async () => {
			await saveDraft(
				'notification:new',
				{ description: '活动' },
				'page-1',
				new Date('2001-03-07T08:00:00Z')
			);
			rescueDraft(
				'notification:new',
				{ description: '活动柜锁坏' },
				'page-1',
				new Date('2001-03-07T08:00:01Z')
			);

			expect((await loadDraft('notification:new'))?.value).toEqual({ description: '活动柜锁坏' });
			expect((await db.drafts.get('notification:new'))?.value).toEqual({
				description: '活动柜锁坏'
			});
			expect(localStorage.getItem('shouhou:draft:notification:new')).toBeNull();
		});

		it('an older rescue does not replace a newer stored draft, and a deleted draft takes its rescue along', async () => {
			rescueDraft('setup', { centreCode: '40' }, 'page-1', new Date('2001-03-07T08:00:00Z'));
			await saveDraft('setup', { centreCode: '4002' }, 'page-2', new Date('2001-03-07T08:00:05Z'));
			expect((await loadDraft('setup'))?.value).toEqual({ centreCode: '4002' });

			rescueDraft('setup', { centreCode: '4003' }, 'page-2', new Date('2001-03-07T08:00:09Z'));
			await deleteDraft('setup');
			expect(await loadDraft('setup')).toBeUndefined();
		});
	});
});

describe('draft images', () => {
	it('keeps photos of a form as Blobs beside its draft, and forgets them', async () => {
		const blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' });
		const ref = { name: 'a.jpg', sha256: 'a'.repeat(64), bytes: 6 };
		await saveDraftImages('onsite:complaint:4002-01-000001:new', [{ ref, blob }]);

		const [image] = await loadDraftImages('onsite:complaint:4002-01-000001:new');
		expect(image?.ref).toEqual(ref);
		expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(
			new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])
		);
		// The typed draft of the same form is another row: neither overwrites the other.
		expect(await loadDraft('onsite:complaint:4002-01-000001:new')).toBeUndefined();

		await saveDraftImages('onsite:complaint:4002-01-000001:new', []);
		expect(await loadDraftImages('onsite:complaint:4002-01-000001:new')).toEqual([]);
		await saveDraftImages('k', [{ ref, blob }]);
		await deleteDraftImages('k');
		expect(await db.drafts.count()).toBe(0);
	});
});
