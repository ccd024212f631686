import { db } from './db';
import { actorSchema, type Actor } from '../domain/actor';
import { pinHashSchema, type PinHash } from '../domain/pin';
import {
	NO_PIN_FAILURES,
	elevationSchema,
	isElevationValid,
	pinAttemptsSchema,
	pinWaitMs,
	withWrongTry,
	type Elevation,
	type PinAttempts
} from '../domain/supervisor-access';

const CURRENT_USER_KEY = 'currentUser';
const SUPERVISOR_PIN_KEY = 'supervisorPin';
const PIN_ATTEMPTS_KEY = 'supervisorPinAttempts';
const ELEVATION_KEY = 'supervisorElevation';

/** The person using this device now, or undefined before anyone said who they are. */
export async function getCurrentUser(): Promise<Actor | undefined> {
	const parsed = actorSchema.safeParse((await db.settings.get(CURRENT_USER_KEY))?.value);
	return parsed.success ? parsed.data : undefined;
}

/**
 * Records who uses the device now, with the supervisor role's elevation when it was taken with
 * the PIN (one transaction: the role and its lapse data never disagree); any other role drops it.
 */
export async function setCurrentUser(actor: Actor, elevation?: Elevation): Promise<Actor> {
	const valid = actorSchema.parse(actor);
	const validElevation = elevation && elevationSchema.parse(elevation);
	await db.transaction('rw', db.settings, async () => {
		await db.settings.put({ key: CURRENT_USER_KEY, value: valid });
		if (validElevation) await db.settings.put({ key: ELEVATION_KEY, value: validElevation });
		else await db.settings.delete(ELEVATION_KEY);
	});
	return valid;
}

/** The supervisor role's elevation, if one was stored and is readable. */
export async function getElevation(): Promise<Elevation | undefined> {
	const parsed = elevationSchema.safeParse((await db.settings.get(ELEVATION_KEY))?.value);
	return parsed.success ? parsed.data : undefined;
}

/** Notes a use of the supervisor role while it holds in this browser session (else: nothing). */
export async function touchElevation(browserSession: string, now: Date): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const elevation = await getElevation();
		if (!elevation || !isElevationValid(elevation, browserSession, now)) return;
		await db.settings.put({
			key: ELEVATION_KEY,
			value: { ...elevation, lastUsedAt: now.toISOString() }
		});
	});
}

/** The wrong PIN tries in a row, as stored. */
export async function getPinAttempts(): Promise<PinAttempts> {
	const parsed = pinAttemptsSchema.safeParse((await db.settings.get(PIN_ATTEMPTS_KEY))?.value);
	return parsed.success ? parsed.data : NO_PIN_FAILURES;
}

/**
 * Takes one PIN try at `now`: refused with the wait while the delay runs, else counted as wrong
 * until `clearPinFailures` says otherwise. Counting first (in one transaction) means tabs trying
 * at the same time cannot slip past the delay together.
 */
export async function reservePinTry(
	now: Date
): Promise<{ ok: true; attempts: PinAttempts } | { ok: false; waitMs: number }> {
	return db.transaction('rw', db.settings, async () => {
		const attempts = await getPinAttempts();
		const waitMs = pinWaitMs(attempts, now);
		if (waitMs > 0) return { ok: false, waitMs };
		const counted = withWrongTry(attempts, now);
		await db.settings.put({ key: PIN_ATTEMPTS_KEY, value: counted });
		return { ok: true, attempts: counted };
	});
}

/** Forgets the wrong tries once the right PIN was typed. */
export async function clearPinFailures(): Promise<void> {
	await db.settings.put({ key: PIN_ATTEMPTS_KEY, value: NO_PIN_FAILURES });
}

/** The stored supervisor PIN hash, if a PIN was set. */
export async function getSupervisorPin(): Promise<PinHash | undefined> {
	const parsed = pinHashSchema.safeParse((await db.settings.get(SUPERVISOR_PIN_KEY))?.value);
	return parsed.success ? parsed.data : undefined;
}

/**
 * Sets the supervisor PIN the first time anyone takes the role; refuses to replace one that
 * exists (checked inside the transaction, so two tabs cannot both set it).
 */
export async function setSupervisorPinOnce(hash: PinHash): Promise<boolean> {
	const valid = pinHashSchema.parse(hash);
	return db.transaction('rw', db.settings, async () => {
		if (await db.settings.get(SUPERVISOR_PIN_KEY)) return false;
		await db.settings.put({ key: SUPERVISOR_PIN_KEY, value: valid });
		return true;
	});
}
