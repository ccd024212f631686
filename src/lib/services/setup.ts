import { setIdentity } from '$lib/data/settings';
import { setSupervisorPinOnce } from '$lib/data/users';
import { hashPin, pinSchema } from '$lib/domain/pin';
import { deviceIdentitySchema, type DeviceIdentity } from '$lib/domain/identity';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';
import { deleteDraft } from '$lib/data/drafts';
import { seedSampleMasterData } from '$lib/data/master-data';
import { setAppIdentity } from './app-state.svelte';

/** The draft key of the first-run form. */
export const SETUP_DRAFT_KEY = 'setup';

/** The supervisor PIN typed at first run, twice. */
export interface SetupPin {
	pin: string;
	pinConfirmation: string;
}

/**
 * Saves the first-run identity and the supervisor PIN (set here, so the role is not given to
 * whoever picks it first), or returns the field issues that stop it.
 */
export async function completeSetup(
	input: Record<'centreCode' | 'centreName' | 'deviceCode', string>,
	{ pin, pinConfirmation }: SetupPin
): Promise<{ ok: true; identity: DeviceIdentity } | { ok: false; issues: FieldIssue[] }> {
	const parsed = deviceIdentitySchema.safeParse({
		...input,
		centreCode: input.centreCode.toUpperCase(),
		deviceCode: input.deviceCode.toUpperCase()
	});
	const issues = parsed.success ? [] : toFieldIssues(parsed.error);
	const pinCheck = pinSchema.safeParse(pin);
	if (!pinCheck.success) {
		issues.push(...toFieldIssues(pinCheck.error).map((issue) => ({ ...issue, path: 'pin' })));
	} else if (pin !== pinConfirmation) {
		issues.push({ path: 'pinConfirmation', code: 'invalid' });
	}
	if (!parsed.success || issues.length > 0) return { ok: false, issues };
	const pinHash = await hashPin(pin);
	const identity = await setIdentity(parsed.data);
	await setSupervisorPinOnce(pinHash);
	await seedSampleMasterData();
	await deleteDraft(SETUP_DRAFT_KEY);
	setAppIdentity(identity);
	return { ok: true, identity };
}
