import { db } from './db';
import { actorSchema, type Actor } from '../domain/actor';
import { pinHashSchema, type PinHash } from '../domain/pin';

const CURRENT_USER_KEY = 'currentUser';
const SUPERVISOR_PIN_KEY = 'supervisorPin';

/** The person using this device now, or undefined before anyone said who they are. */
export async function getCurrentUser(): Promise<Actor | undefined> {
	const parsed = actorSchema.safeParse((await db.settings.get(CURRENT_USER_KEY))?.value);
	return parsed.success ? parsed.data : undefined;
}

/** Records who uses the device now. */
export async function setCurrentUser(actor: Actor): Promise<Actor> {
	const valid = actorSchema.parse(actor);
	await db.settings.put({ key: CURRENT_USER_KEY, value: valid });
	return valid;
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
