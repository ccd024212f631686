import { ListIndex } from '../domain/list-index';
import { indexPlan } from '../domain/list-plan';
import { computeOverview } from '../domain/overview';
import { tallyOf } from '../domain/overview-tally';
import { LIST_CHANNEL, type ListChange } from '../data/projection';
import {
	completePendingRows,
	countListRows,
	hasCurrentTally,
	readListCustomers,
	readListRows,
	readListRowsAfter,
	readListRowsByPlan,
	readListSnapshot,
	saveListSnapshot,
	saveListSnapshotOf,
	saveOverviewTally
} from '../data/list-rows';
import { listVersion } from '../data/list-meta';
import type { ListLoad, ListReply, ListRequest, SelectAnswer } from './protocol';

/**
 * The list Worker: holds every list row of the device in memory (read from the projection table in
 * key-range chunks, never whole documents), answers selections, sorts and searches off the main
 * thread, and follows every committed change announced on the list channel.
 */
const CHUNK = 5000;
const KEPT_RESULTS = 8;

let index = new ListIndex();
let load: ListLoad = { loaded: 0, total: 0, ready: false };
const results = new Map<number, string[]>();
let nextResult = 1;
let loading: Promise<void> | undefined;

const post = (reply: ListReply) => self.postMessage(reply);

/** How long the rows must stay unchanged before a new snapshot is taken. */
const SNAPSHOT_DELAY = 15_000;
let snapshotTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The change counter read before the last whole load, while no change has been followed since
 * (the rows in memory are then the rows at that counter); else undefined.
 */
let loadedAt: number | undefined;

/**
 * Takes a snapshot for the next start once the rows have stayed unchanged for a while: from the
 * rows in memory when they are those of a whole load and nothing changed since (no second read of
 * every row), else read afresh in one transaction.
 */
function scheduleSnapshot(): void {
	clearTimeout(snapshotTimer);
	snapshotTimer = setTimeout(() => {
		const saved =
			loadedAt === undefined
				? saveListSnapshot()
				: saveListSnapshotOf(index.rows(), loadedAt).then((isSaved) =>
						isSaved ? undefined : saveListSnapshot()
					);
		saved.catch((error: unknown) => console.error('the list snapshot could not be saved', error));
	}, SNAPSHOT_DELAY);
}

/**
 * Counts the overview's tally from the rows in memory and stores it, when none is current: the
 * rows were read at change counter `version` or later, so it is stored only if the counter is
 * still `version` (no write came between); from then on every write keeps it in step.
 */
async function storeTally(version: number): Promise<void> {
	if (await hasCurrentTally()) return;
	await saveOverviewTally(tallyOf(index.rows()), version);
}

/** True while the rows a large import left are written: no selection is exact meanwhile. */
let isCompleting = false;

/**
 * Writes the rows a large import left pending (`completePendingRows`) before anything is loaded,
 * reporting its progress as the list's load; the rows in memory answer meanwhile, as partial.
 */
async function completeRows(): Promise<void> {
	isCompleting = true;
	try {
		await completePendingRows((done, total) => {
			load = { loaded: index.size, total: index.size, ready: false, indexing: { done, total } };
			post({ type: 'load', load });
		});
	} finally {
		isCompleting = false;
	}
}

async function loadAll(): Promise<void> {
	const wasReady = load.ready;
	await completeRows();
	const version = await listVersion();
	const fresh = new ListIndex();
	fresh.setCustomers(await readListCustomers());
	// A snapshot taken at the current change counter is the rows as stored: one read.
	const snapshot = await readListSnapshot();
	if (snapshot) {
		fresh.upsert(snapshot);
		index = fresh;
	} else {
		const total = await countListRows();
		// The first load fills the live index, so selections see rows as they arrive; a reload
		// (after a large import) fills a fresh one and swaps it in whole.
		const target = wasReady ? fresh : (index = fresh);
		load = { loaded: 0, total, ready: false };
		post({ type: 'load', load });
		let after: string | undefined;
		for (;;) {
			const chunk = await readListRowsAfter(after, CHUNK);
			if (chunk.length === 0) break;
			target.upsert(chunk);
			after = chunk[chunk.length - 1]!.number;
			load = { loaded: target.size, total: Math.max(total, target.size), ready: false };
			post({ type: 'load', load });
		}
		index = target;
		loadedAt = version;
		scheduleSnapshot();
	}
	load = { loaded: index.size, total: index.size, ready: true };
	post({ type: 'load', load });
	post({ type: 'changed' });
	await storeTally(version).catch((error: unknown) =>
		console.error('the overview tally could not be stored', error)
	);
}

function ensureLoaded(): Promise<void> {
	loading ??= loadAll().catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

let queue = Promise.resolve();

/** Applies announced changes one after another, so an older read never overwrites a newer one. */
function follow(change: ListChange): void {
	queue = queue
		.then(async () => {
			await ensureLoaded();
			if (change.kind === 'all') {
				await loadAll();
				return;
			}
			if (change.kind === 'masterData') index.setCustomers(await readListCustomers());
			else {
				loadedAt = undefined;
				const rows = await readListRows(change.numbers);
				index.upsert(rows.filter((row) => row !== undefined));
				index.remove(change.numbers.filter((_, i) => rows[i] === undefined));
				scheduleSnapshot();
			}
			post({ type: 'changed' });
		})
		.catch((error: unknown) => console.error('the list could not follow a change', error));
}

new BroadcastChannel(LIST_CHANNEL).onmessage = (event: MessageEvent<ListChange>) =>
	follow(event.data);

function remember(numbers: string[]): number {
	const id = nextResult++;
	results.set(id, numbers);
	for (const key of results.keys()) {
		if (results.size <= KEPT_RESULTS) break;
		results.delete(key);
	}
	return id;
}

/** The most rows a selection reads by index while the rows are still loading. */
const PLAN_LIMIT = 5000;

/**
 * A selection while the rows are still loading: read by key range of a compound index when one
 * covers it and it finds at most PLAN_LIMIT rows (exact at once; the rows join the index), else
 * answered from the rows loaded so far (partial).
 */
async function selectWhileLoading(
	request: Extract<ListRequest, { type: 'select' }>
): Promise<unknown> {
	// Rows still to be written after an import are in no index yet: answer from memory, partial.
	if (isCompleting) return answer(request);
	const plan = indexPlan(request.selection, request.today);
	const rows = plan && (await readListRowsByPlan(plan, PLAN_LIMIT));
	if (!rows || load.ready) return answer(request);
	const found = new ListIndex();
	found.setCustomers(await readListCustomers());
	found.upsert(rows);
	for (const row of rows) if (!index.has(row.number)) index.upsert([row]);
	const numbers = found.select(request.selection, request.sort, request.today);
	return selectAnswer(found, request, numbers, false);
}

/**
 * A selection's answer, with the views of its first rows: the page shows them without asking
 * again (one message each way instead of two for a new selection or sort).
 */
function selectAnswer(
	from: ListIndex,
	request: Extract<ListRequest, { type: 'select' }>,
	numbers: string[],
	partial: boolean
): SelectAnswer {
	return {
		result: remember(numbers),
		count: numbers.length,
		partial,
		views: from.views(numbers.slice(0, request.first), request.today)
	};
}

function answer(request: ListRequest): unknown {
	switch (request.type) {
		case 'select': {
			const numbers = index.select(request.selection, request.sort, request.today);
			return selectAnswer(index, request, numbers, !load.ready);
		}
		case 'views': {
			const numbers = results.get(request.result) ?? [];
			return index.views(numbers.slice(request.start, request.end), request.today);
		}
		case 'all':
			return index.views(results.get(request.result) ?? [], request.today);
		case 'overview':
			return computeOverview(index.rows(), { today: request.today, centre: request.centre });
	}
}

self.onmessage = (event: MessageEvent<ListRequest | { type: 'start' }>) => {
	const request = event.data;
	if (request.type === 'start') {
		void ensureLoaded().catch((error: unknown) =>
			console.error('the list rows could not be loaded', error)
		);
		return;
	}
	if (request.type === 'overview') {
		// The overview counts every row, so it waits until all are loaded; the list answers at once.
		void ensureLoaded()
			.then(() => post({ type: 'reply', id: request.id, ok: true, value: answer(request) }))
			.catch((error: unknown) =>
				post({ type: 'reply', id: request.id, ok: false, error: String(error) })
			);
		return;
	}
	if (request.type === 'select' && !load.ready) {
		void selectWhileLoading(request)
			.then((value) => post({ type: 'reply', id: request.id, ok: true, value }))
			.catch((error: unknown) =>
				post({ type: 'reply', id: request.id, ok: false, error: String(error) })
			);
		return;
	}
	try {
		post({ type: 'reply', id: request.id, ok: true, value: answer(request) });
	} catch (error) {
		post({ type: 'reply', id: request.id, ok: false, error: String(error) });
	}
};
