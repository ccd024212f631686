import { getConnection } from '$lib/data/connection.svelte';
import {
	clearPinFailures,
	getCurrentUser,
	getElevation,
	getPinAttempts,
	getSupervisorPin,
	reservePinTry,
	setCurrentUser,
	setSupervisorPinOnce,
	touchElevation
} from '$lib/data/users';
import { actorSchema, type Actor } from '$lib/domain/actor';
import { hashPin, pinSchema, verifyPin } from '$lib/domain/pin';
import { baseRoleFor, effectiveActor, pinWaitMs } from '$lib/domain/supervisor-access';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';
import { t } from '$lib/i18n';
import { browserSessionId } from './browser-session';
import { currentTime } from './clock';
import { handleError } from './handle-error';
import { showToast } from './toast.svelte';

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

/**
 * Loads the current user and whether a supervisor PIN exists. The supervisor role counts only
 * while its elevation holds: taken in this browser session and used within the last 10 minutes.
 */
export async function loadSession(now = currentTime()): Promise<void> {
	const [stored, elevation, pin] = await Promise.all([
		getCurrentUser(),
		getElevation(),
		getSupervisorPin()
	]);
	const wasSupervisor = session.user?.role === 'supervisor';
	session.user = effectiveActor(stored, elevation, browserSessionId(), now);
	session.hasSupervisorPin = pin !== undefined;
	if (wasSupervisor && session.user?.role !== 'supervisor') {
		showToast('info', t('user.supervisorLapsed'));
	}
}

/** Why the supervisor PIN was not accepted. */
export type PinProblem =
	{ kind: 'wrong' } | { kind: 'mismatch' } | { kind: 'locked'; waitMs: number };

/** Why a user switch was refused. */
export type SwitchResult =
	{ ok: true; user: Actor } | { ok: false; issues: FieldIssue[]; pin?: PinProblem };

/**
 * Switches the current user. Taking the supervisor role needs the PIN (set at first run, or by
 * the first supervisor with a confirmation); wrong tries make the next ones wait, and the role
 * lapses after 10 minutes without use and when the browser closes.
 */
export async function switchUser(
	input: Actor,
	pin: string,
	pinConfirmation = '',
	now = currentTime()
): Promise<SwitchResult> {
	const parsed = actorSchema.safeParse(input);
	if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
	const actor = parsed.data;
	if (actor.role !== 'supervisor') {
		session.user = await setCurrentUser(actor);
		return { ok: true, user: actor };
	}
	const pinCheck = pinSchema.safeParse(pin);
	if (!pinCheck.success) {
		return { ok: false, issues: toFieldIssues(pinCheck.error).map((i) => ({ ...i, path: 'pin' })) };
	}
	const problem = await checkPin(pin, pinConfirmation, now);
	if (problem) return { ok: false, issues: [], pin: problem };
	const elevation = {
		browserSession: browserSessionId(),
		lastUsedAt: now.toISOString(),
		baseRole: baseRoleFor(session.user, actor)
	};
	session.user = await setCurrentUser(actor, elevation);
	return { ok: true, user: actor };
}

async function checkPin(
	pin: string,
	pinConfirmation: string,
	now: Date
): Promise<PinProblem | undefined> {
	const stored = await getSupervisorPin();
	if (!stored) {
		if (pin !== pinConfirmation) return { kind: 'mismatch' };
		const isSet = await setSupervisorPinOnce(await hashPin(pin));
		session.hasSupervisorPin = true;
		// Another tab set a PIN meanwhile: this one must match it like any later try.
		if (!isSet) return checkPin(pin, pinConfirmation, now);
		return undefined;
	}
	const reserved = await reservePinTry(now);
	if (!reserved.ok) return { kind: 'locked', waitMs: reserved.waitMs };
	if (await verifyPin(pin, stored)) {
		await clearPinFailures();
		return undefined;
	}
	const waitMs = pinWaitMs(await getPinAttempts(), now);
	return waitMs > 0 ? { kind: 'locked', waitMs } : { kind: 'wrong' };
}

/** A PIN refusal in the user's words, with how long to wait when the PIN is locked for now. */
export function pinProblemText(problem: PinProblem): string {
	if (problem.kind === 'wrong') return t('user.wrongPin');
	if (problem.kind === 'mismatch') return t('user.pinMismatch');
	const seconds = Math.ceil(problem.waitMs / 1000);
	const wait =
		seconds < 60
			? t('user.waitSeconds', { count: seconds })
			: t('user.waitMinutes', { count: Math.ceil(seconds / 60) });
	return t('user.pinLocked', { wait });
}

const TOUCH_INTERVAL_MS = 60_000;
const CHECK_INTERVAL_MS = 30_000;

/**
 * Keeps the supervisor role honest in a running tab: any key or pointer use notes a use (at most
 * once a minute, shared by all tabs through the database), and every 30 s and whenever the tab
 * shows again the session is read anew, so a lapsed role (or another tab's switch) shows here.
 */
export function watchSession(): () => void {
	let lastTouch = 0;
	const use = () => {
		if (session.user?.role !== 'supervisor') return;
		const now = currentTime();
		if (now.getTime() - lastTouch < TOUCH_INTERVAL_MS) return;
		lastTouch = now.getTime();
		touchElevation(browserSessionId(), now).catch(handleError);
	};
	const check = () => {
		// A closed connection has its banner; reading again would only repeat its message.
		if (getConnection().kind === 'open') loadSession().catch(handleError);
	};
	const onVisible = () => {
		if (document.visibilityState === 'visible') check();
	};
	window.addEventListener('pointerdown', use, { capture: true });
	window.addEventListener('keydown', use, { capture: true });
	document.addEventListener('visibilitychange', onVisible);
	const timer = setInterval(check, CHECK_INTERVAL_MS);
	return () => {
		window.removeEventListener('pointerdown', use, { capture: true });
		window.removeEventListener('keydown', use, { capture: true });
		document.removeEventListener('visibilitychange', onVisible);
		clearInterval(timer);
	};
}
