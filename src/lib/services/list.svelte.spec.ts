import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySelection, DEFAULT_SORT } from '$lib/domain/list-selection';
import type { ListView } from '$lib/domain/list-index';
import type { ListRequest } from '$lib/list/protocol';

const TODAY = '2026-12-04';

/** A stand-in for the list Worker: answers a selection of `count` rows and records each request. */
class FakeWorker {
	static requests: ListRequest[] = [];
	static count = 100;
	onmessage: ((event: MessageEvent) => void) | null = null;

	postMessage(request: ListRequest | { type: 'start' }): void {
		if (request.type === 'start') return;
		FakeWorker.requests.push(request);
		const view = (position: number) => ({ number: `n${position}` }) as ListView;
		const positions = (start: number, end: number) =>
			Array.from({ length: Math.max(0, Math.min(end, FakeWorker.count) - start) }, (_, i) =>
				view(start + i)
			);
		const value =
			request.type === 'select'
				? {
						result: FakeWorker.requests.length,
						count: FakeWorker.count,
						partial: false,
						views: positions(0, request.first)
					}
				: request.type === 'views'
					? positions(request.start, request.end)
					: undefined;
		queueMicrotask(() =>
			this.onmessage?.({ data: { type: 'reply', id: request.id, ok: true, value } } as MessageEvent)
		);
	}
}

async function freshClient() {
	vi.resetModules();
	vi.stubGlobal('Worker', FakeWorker);
	// Vite resolves the Worker's address against the page's.
	vi.stubGlobal('self', { location: new URL('http://localhost/') });
	FakeWorker.requests = [];
	const { listClient } = await import('./list.svelte');
	return listClient();
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the list client', () => {
	it('shows the first rows of a new selection from its answer, without asking the Worker again', async () => {
		FakeWorker.count = 100;
		const client = await freshClient();
		const found = await client.select(emptySelection(), DEFAULT_SORT, TODAY);
		expect(found).toEqual({ result: 1, count: 100, partial: false });
		const rows = await client.views(found.result, 0, 22, TODAY);
		expect(rows.map((row) => row.number)).toEqual(Array.from({ length: 22 }, (_, i) => `n${i}`));
		expect(FakeWorker.requests.map((request) => request.type)).toEqual(['select']);
	});

	it('asks the Worker for rows further down, of an older result, or of another day', async () => {
		FakeWorker.count = 1000;
		const client = await freshClient();
		const older = await client.select(emptySelection(), DEFAULT_SORT, TODAY);
		const found = await client.select(emptySelection(), DEFAULT_SORT, TODAY);
		expect((await client.views(found.result, 500, 520, TODAY))[0]?.number).toBe('n500');
		await client.views(older.result, 0, 20, TODAY);
		await client.views(found.result, 0, 20, '2026-12-05');
		expect(FakeWorker.requests.map((request) => request.type)).toEqual([
			'select',
			'select',
			'views',
			'views',
			'views'
		]);
	});
});
