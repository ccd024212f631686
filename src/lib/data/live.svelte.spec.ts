import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB, type SettingRow } from './db';
import { liveState, type LiveState } from './live.svelte';

const databases: AppDB[] = [];
const roots: (() => void)[] = [];

function freshDb(): AppDB {
	const db = new AppDB(`live-${crypto.randomUUID()}`);
	databases.push(db);
	return db;
}

/** Runs `create` inside an effect root, as a component would, and lets its first effect run. */
function inRoot<T>(create: () => T): T {
	let result!: T;
	roots.push($effect.root(() => void (result = create())));
	flushSync();
	return result;
}

afterEach(async () => {
	roots.splice(0).forEach((cleanup) => cleanup());
	await Promise.all(databases.splice(0).map((db) => db.delete()));
});

describe('liveState', () => {
	it('starts loading with the initial value, then follows every change of the table', async () => {
		const db = freshDb();
		const state = inRoot(() => liveState(() => db.settings.toArray(), [] as SettingRow[]));
		expect(state.isLoading).toBe(true);
		expect(state.value).toEqual([]);

		await vi.waitFor(() => expect(state.isLoading).toBe(false));
		expect(state.value).toEqual([]);

		await db.settings.put({ key: 'a', value: 1 });
		await vi.waitFor(() => expect(state.value).toEqual([{ key: 'a', value: 1 }]));

		await db.settings.put({ key: 'a', value: 2 });
		await vi.waitFor(() => expect(state.value).toEqual([{ key: 'a', value: 2 }]));
	});

	it('subscribes again when a rune its deps read changes', async () => {
		const db = freshDb();
		await db.settings.bulkPut([
			{ key: 'a', value: 'first' },
			{ key: 'b', value: 'second' }
		]);
		const selected = $state({ key: 'a' });
		const state = inRoot(() =>
			liveState(
				(key: string) => db.settings.get(key),
				undefined,
				() => selected.key
			)
		);
		await vi.waitFor(() => expect(state.value?.value).toBe('first'));

		selected.key = 'b';
		flushSync();
		expect(state.isLoading).toBe(true);
		await vi.waitFor(() => expect(state.value?.value).toBe('second'));

		// Only the new subscription is live: a change to the old key is not shown.
		await db.settings.put({ key: 'a', value: 'changed' });
		await db.settings.put({ key: 'b', value: 'changed too' });
		await vi.waitFor(() => expect(state.value?.value).toBe('changed too'));
	});

	it('reports a failed query as an error, not as a value', async () => {
		const db = freshDb();
		const state: LiveState<number> = inRoot(() =>
			liveState(async () => {
				await db.settings.count();
				throw new Error('query failed');
			}, 0)
		);
		await vi.waitFor(() => expect(state.isLoading).toBe(false));
		expect(state.value).toBe(0);
		expect((state.error as Error).message).toBe('query failed');
	});

	it('stops following the table once its root is destroyed', async () => {
		const db = freshDb();
		const state = inRoot(() => liveState(() => db.settings.count(), -1));
		await vi.waitFor(() => expect(state.value).toBe(0));

		roots.pop()?.();
		await db.settings.put({ key: 'a', value: 1 });
		// Give a live query time to fire if it were still subscribed.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(state.value).toBe(0);
	});
});
