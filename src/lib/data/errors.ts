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
