import { liveQuery } from 'dexie';

/** The state of a live query: the latest value, and the error if the query failed. */
export interface LiveState<T> {
	readonly value: T;
	readonly error: unknown;
	readonly isLoading: boolean;
}

/**
 * The one bridge from Dexie's `liveQuery` to Svelte 5 runes. `deps` is read inside an effect, so
 * the query re-subscribes when any rune it reads changes; the database is watched for changes by
 * Dexie. Call it during component initialisation (or inside `$effect.root`).
 */
export function liveState<T, D = void>(
	query: (deps: D) => T | Promise<T>,
	initial: T,
	deps: () => D = () => undefined as D
): LiveState<T> {
	const state = $state<{ value: T; error: unknown; isLoading: boolean }>({
		value: initial,
		error: undefined,
		isLoading: true
	});
	$effect(() => {
		const current = deps();
		state.isLoading = true;
		const subscription = liveQuery(() => query(current)).subscribe({
			next: (value) => {
				state.value = value;
				state.error = undefined;
				state.isLoading = false;
			},
			error: (error: unknown) => {
				state.error = error;
				state.isLoading = false;
			}
		});
		return () => subscription.unsubscribe();
	});
	return state;
}
