/** Saving a copy that was changed elsewhere (another tab, an import) since it was opened. */
export class ConflictError extends Error {
	constructor(
		readonly number: string,
		readonly expectedRev: string,
		readonly actualRev: string
	) {
		super(`notification ${number} was changed elsewhere (${expectedRev} → ${actualRev})`);
		this.name = 'ConflictError';
	}
}

/** A record of another centre: only its own centre changes it (names avoid Dexie's own error names, which Dexie would rewrap). */
export class ForeignRecordError extends Error {
	constructor(readonly number: string) {
		super(`notification ${number} belongs to another centre and is read-only here`);
		this.name = 'ForeignRecordError';
	}
}

/** A record that does not exist. */
export class NotificationMissingError extends Error {
	constructor(readonly number: string) {
		super(`notification ${number} not found`);
		this.name = 'NotificationMissingError';
	}
}

/** The names browsers and Dexie give an exhausted storage quota (Firefox's own names too). */
const STORAGE_FULL_NAMES = new Set([
	'QuotaExceededError',
	'NS_ERROR_DOM_QUOTA_REACHED',
	'NS_ERROR_FILE_NO_DEVICE_SPACE'
]);

/**
 * Whether a failed write failed because the origin's storage is full. IndexedDB often reports it
 * wrapped: Dexie turns the aborted transaction into an `AbortError` whose `inner` is the quota
 * error, and bulk writes into a `BulkError` or `ModifyError` listing `failures`; so the whole
 * chain (`inner`, `cause`, `failures`) is searched, not only the outer name.
 */
export function isStorageFullError(error: unknown): boolean {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length > 0 && seen.size < 50) {
		const current = queue.shift();
		if (typeof current !== 'object' || current === null || seen.has(current)) continue;
		seen.add(current);
		const { name, inner, cause, failures } = current as {
			name?: unknown;
			inner?: unknown;
			cause?: unknown;
			failures?: unknown;
		};
		if (typeof name === 'string' && STORAGE_FULL_NAMES.has(name)) return true;
		queue.push(inner, cause);
		if (Array.isArray(failures)) queue.push(...(failures as unknown[]));
		else if (typeof failures === 'object' && failures !== null) {
			queue.push(...Object.values(failures));
		}
	}
	return false;
}

/** Whether an error says the database connection is closed (deleted or upgraded elsewhere). */
export function isDatabaseClosedError(error: unknown): boolean {
	return error instanceof Error && error.name === 'DatabaseClosedError';
}
