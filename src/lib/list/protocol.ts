import type { ListView } from '../domain/list-index';
import type { ListSelection, ListSort } from '../domain/list-selection';

/** What the page asks the list Worker. Each request carries an id; the reply carries it back. */
export type ListRequest =
	/** A selection in a sort; the views of its first `first` rows come with the answer. */
	| {
			id: number;
			type: 'select';
			selection: ListSelection;
			sort: ListSort;
			today: string;
			first: number;
	  }
	| { id: number; type: 'views'; result: number; start: number; end: number; today: string }
	| { id: number; type: 'all'; result: number; today: string }
	/** The start page's figures (`Overview`), once every row is loaded; `centre` '' for all. */
	| { id: number; type: 'overview'; today: string; centre: string };

/** How far the Worker has loaded the rows; `ready` once all are in memory. */
export interface ListLoad {
	loaded: number;
	total: number;
	ready: boolean;
	/** While the rows a large import left are written (before loading): how many of how many. */
	indexing?: { done: number; total: number };
}

export type ListReply =
	| { type: 'reply'; id: number; ok: true; value: unknown }
	| { type: 'reply'; id: number; ok: false; error: string }
	| { type: 'load'; load: ListLoad }
	/** The stored rows changed (this tab, another tab, an import): selections should be re-run. */
	| { type: 'changed' };

/** A selection's result: how many rows it found, and a handle to read them by position. */
export interface SelectResult {
	result: number;
	count: number;
	/** True while the rows are still loading: the count may grow. */
	partial: boolean;
}

/** The Worker's answer to a selection: the result, and the views of its first rows. */
export interface SelectAnswer extends SelectResult {
	views: ListView[];
}

export type ViewsResult = ListView[];
