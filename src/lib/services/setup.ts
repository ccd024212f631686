import { setIdentity } from '$lib/data/settings';
import { deviceIdentitySchema, type DeviceIdentity } from '$lib/domain/identity';
import { toFieldIssues, type FieldIssue } from '$lib/domain/validation';
import { deleteDraft } from '$lib/data/drafts';
import { seedSampleMasterData } from '$lib/data/master-data';
import { setAppIdentity } from './app-state.svelte';

/** The draft key of the first-run form. */
export const SETUP_DRAFT_KEY = 'setup';

/** Saves the first-run identity, or returns the field issues that stop it. */
export async function completeSetup(
	input: Record<'centreCode' | 'centreName' | 'deviceCode', string>
): Promise<{ ok: true; identity: DeviceIdentity } | { ok: false; issues: FieldIssue[] }> {
	const parsed = deviceIdentitySchema.safeParse({
		...input,
		centreCode: input.centreCode.toUpperCase(),
		deviceCode: input.deviceCode.toUpperCase()
	});
	if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
	const identity = await setIdentity(parsed.data);
	await seedSampleMasterData();
	await deleteDraft(SETUP_DRAFT_KEY);
	setAppIdentity(identity);
	return { ok: true, identity };
}
