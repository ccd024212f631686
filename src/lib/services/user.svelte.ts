import {
	getCurrentUser,
	getSupervisorPin,
	setCurrentUser,
	setSupervisorPinOnce
} from '$lib/data/users';
import { actorSchema, type Actor } from '$lib/domain/actor';
import { hashPin, pinSchema, verifyPin } from '$lib/domain/pin';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';

const session = $state<{ user: Actor | undefined; hasSupervisorPin: boolean }>({
	user: undefined,
	hasSupervisorPin: false
});

/** The person using the device now (reactive). */
export function getSession(): {
	readonly user: Actor | undefined;
	readonly hasSupervisorPin: boolean;
} {
	return session;
}

/** Loads the current user and whether a supervisor PIN exists. */
export async function loadSession(): Promise<void> {
	session.user = await getCurrentUser();
	session.hasSupervisorPin = (await getSupervisorPin()) !== undefined;
}

/** Why a user switch was refused. */
export type SwitchResult = { ok: true; user: Actor } | { ok: false; issues: FieldIssue[] };

/**
 * Switches the current user. Taking the supervisor role needs the PIN: set the first time anyone
 * takes the role, checked at every later switch. A wrong PIN is refused.
 */
export async function switchUser(input: Actor, pin: string): Promise<SwitchResult> {
	const parsed = actorSchema.safeParse(input);
	if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
	const actor = parsed.data;
	if (actor.role === 'supervisor') {
		const pinCheck = pinSchema.safeParse(pin);
		if (!pinCheck.success) {
			return {
				ok: false,
				issues: toFieldIssues(pinCheck.error).map((i) => ({ ...i, path: 'pin' }))
			};
		}
		const stored = await getSupervisorPin();
		if (stored) {
			if (!(await verifyPin(pin, stored)))
				return { ok: false, issues: [{ path: 'pin', code: 'invalid' }] };
		} else {
			const isSet = await setSupervisorPinOnce(await hashPin(pin));
			// Another tab set a PIN meanwhile: check against that one instead.
			const current = await getSupervisorPin();
			if (!isSet && (!current || !(await verifyPin(pin, current)))) {
				return { ok: false, issues: [{ path: 'pin', code: 'invalid' }] };
			}
			session.hasSupervisorPin = true;
		}
	}
	session.user = await setCurrentUser(actor);
	return { ok: true, user: actor };
}
