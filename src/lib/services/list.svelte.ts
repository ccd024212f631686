import type { ListView } from '$lib/domain/list-index';
import type { Overview } from '$lib/domain/overview';
import type { ListSelection, ListSort } from '$lib/domain/list-selection';
import type {
	ListLoad,
	ListReply,
	ListRequest,
	SelectAnswer,
	SelectResult
} from '$lib/list/protocol';

/** A request without its id (Omit over each member of the union). */
type Request = ListRequest extends infer R
	? R extends ListRequest
		? Omit<R, 'id'>
		: never
	: never;

/** How many rows' views come with a selection's answer: a tall screen of rows and the overscan. */
const FIRST_VIEWS = 60;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** Plain data only: a reactive proxy cannot be cloned into the Worker. */
function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The page's side of the list Worker: one Worker per page, started on first use. Its load progress
 * and a change counter are reactive, so a list re-runs its selection when the stored rows change.
 */
class ListClient {
	load = $state<ListLoad>({ loaded: 0, total: 0, ready: false });
	/** Goes up by one each time the stored rows changed. */
	changes = $state(0);
	private worker: Worker | undefined;
	private pending = new Map<number, Pending>();
	private nextId = 1;
	/** The views that came with the last selection's answer, for that result and day. */
	private firstViews: { result: number; today: string; views: ListView[] } | undefined;

	private start(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(new URL('../list/list.worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.onmessage = (event: MessageEvent<ListReply>) => {
			const reply = event.data;
			if (reply.type === 'load') this.load = reply.load;
			else if (reply.type === 'changed') this.changes += 1;
			else {
				const pending = this.pending.get(reply.id);
				this.pending.delete(reply.id);
				if (reply.ok) pending?.resolve(reply.value);
				else pending?.reject(new Error(reply.error));
			}
		};
		worker.postMessage({ type: 'start' });
		this.worker = worker;
		return worker;
	}

	private ask<T>(request: Request): Promise<T> {
		const worker = this.start();
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ ...plain(request), id });
		});
	}

	/** Starts loading the rows (e.g. at app start), so the first list opens fast. */
	warmUp(): void {
		this.start();
	}

	async select(selection: ListSelection, sort: ListSort, today: string): Promise<SelectResult> {
		const { views, ...found } = await this.ask<SelectAnswer>({
			type: 'select',
			selection,
			sort,
			today,
			first: FIRST_VIEWS
		});
		this.firstViews = { result: found.result, today, views };
		return found;
	}

	/** The views of a result's rows `start` to `end`: the first ones came with the selection. */
	views(result: number, start: number, end: number, today: string): Promise<ListView[]> {
		const first = this.firstViews;
		if (first?.result === result && first.today === today && end <= first.views.length)
			return Promise.resolve(first.views.slice(start, end));
		return this.ask({ type: 'views', result, start, end, today });
	}

	all(result: number, today: string): Promise<ListView[]> {
		return this.ask({ type: 'all', result, today });
	}

	/** The overview's figures from every row (waits until the rows are loaded). */
	overview(today: string, centre: string): Promise<Overview> {
		return this.ask({ type: 'overview', today, centre });
	}
}

let client: ListClient | undefined;

/** The page's list Worker client. */
export function listClient(): ListClient {
	client ??= new ListClient();
	return client;
}
