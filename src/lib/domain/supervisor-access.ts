import { isoDateTimeSchema } from './dates';
import { roleSchema, type Actor } from './actor';
import { z } from './zod';

/** Wrong PIN tries allowed in a row before the PIN must wait. */
export const PIN_FREE_TRIES = 3;
/** The wait after the third wrong try in a row; each further wrong try doubles it. */
export const PIN_FIRST_DELAY_MS = 30_000;
/** The longest wait between two tries. */
export const PIN_MAX_DELAY_MS = 15 * 60_000;

/** The wrong PIN tries in a row, kept in settings so a reload does not reset them. */
export const pinAttemptsSchema = z.object({
	failures: z.number().int().min(0),
	lastFailureAt: isoDateTimeSchema.optional()
});
export type PinAttempts = z.infer<typeof pinAttemptsSchema>;

/** No wrong try yet (or the right PIN was typed since). */
export const NO_PIN_FAILURES: PinAttempts = { failures: 0 };

/** The wait after `failures` wrong tries in a row: none for the first two, 30 s, 60 s, … 15 min. */
export function pinDelayMs(failures: number): number {
	if (failures < PIN_FREE_TRIES) return 0;
	return Math.min(PIN_FIRST_DELAY_MS * 2 ** (failures - PIN_FREE_TRIES), PIN_MAX_DELAY_MS);
}

/**
 * How long the next try must still wait (0: it may go now). A last failure stamped in the future
 * (the clock was set back) waits the full delay from now, never less.
 */
export function pinWaitMs(attempts: PinAttempts, now: Date): number {
	const delay = pinDelayMs(attempts.failures);
	if (delay === 0 || !attempts.lastFailureAt) return 0;
	const wait = Date.parse(attempts.lastFailureAt) + delay - now.getTime();
	return Math.min(Math.max(wait, 0), delay);
}

/** The attempts after one more wrong try at `now`. */
export function withWrongTry(attempts: PinAttempts, now: Date): PinAttempts {
	return { failures: attempts.failures + 1, lastFailureAt: now.toISOString() };
}

/** The supervisor role lapses after this long without use. */
export const SUPERVISOR_IDLE_MS = 10 * 60_000;

/**
 * The supervisor role taken with the PIN: in which browser session, when it was last used, and
 * the role to fall back to when it lapses.
 */
export const elevationSchema = z.object({
	browserSession: z.string().min(1),
	lastUsedAt: isoDateTimeSchema,
	baseRole: roleSchema.exclude(['supervisor'])
});
export type Elevation = z.infer<typeof elevationSchema>;

/**
 * Whether the supervisor role last used at `lastUsedAt` has lapsed at `now`: after 10 minutes
 * without use, or when the last use lies more than a minute ahead (a clock set back cannot
 * stretch the role).
 */
export function hasElevationLapsed(lastUsedAt: string, now: Date): boolean {
	const idle = now.getTime() - Date.parse(lastUsedAt);
	if (Number.isNaN(idle)) return true;
	return idle >= SUPERVISOR_IDLE_MS || idle < -60_000;
}

/** Whether an elevation still holds in this browser session at `now` (a restart starts anew). */
export function isElevationValid(
	elevation: Elevation | undefined,
	browserSession: string,
	now: Date
): boolean {
	return (
		elevation !== undefined &&
		elevation.browserSession === browserSession &&
		!hasElevationLapsed(elevation.lastUsedAt, now)
	);
}

/**
 * The person as the app acts for them now: a supervisor whose elevation does not hold (lapsed,
 * another browser session, none stored) is back at the role they had before, else an assistant.
 */
export function effectiveActor(
	stored: Actor | undefined,
	elevation: Elevation | undefined,
	browserSession: string,
	now: Date
): Actor | undefined {
	if (stored?.role !== 'supervisor') return stored;
	if (isElevationValid(elevation, browserSession, now)) return stored;
	return { ...stored, role: elevation?.baseRole ?? 'assistant' };
}

/** The role to fall back to when `next` takes the supervisor role after `current`. */
export function baseRoleFor(current: Actor | undefined, next: Actor): Elevation['baseRole'] {
	if (current && current.code === next.code && current.role !== 'supervisor') return current.role;
	return 'assistant';
}
