import { roleSchema } from '../actor';
import { notificationTypeCodeSchema } from '../notification';
import { z } from '../zod';

const nonEmpty = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required', abort: true })
		.max(max, { error: 'tooLong' });

/** A label in both languages of the app; configuration carries its own words, not catalogue keys. */
export const localizedLabelSchema = z.object({ zh: nonEmpty(40), en: nonEmpty(60) });
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;

/** A user-status code as SAP writes them: 2–8 capitals or digits (TZJL, KCJS, BPZ). */
export const USER_STATUS_CODE_PATTERN = /^[0-9A-Z]{2,8}$/;
export const userStatusCodeSchema = z
	.string({ error: 'required' })
	.regex(USER_STATUS_CODE_PATTERN, { error: 'pattern' });

const statusNumberSchema = z
	.number({ error: 'required' })
	.int({ error: 'invalid' })
	.min(1, { error: 'invalid' })
	.max(999, { error: 'invalid' });

/**
 * One row of a status profile, as in SAP (BS02): from this status, any status whose number lies in
 * [lowest, highest] may be set next. `role` restricts who may set it (absent: anyone); `aliases`
 * are other spellings accepted on input and on import (the seed writes KCWB for KCJS).
 */
export const profileStatusSchema = z.object({
	number: statusNumberSchema,
	code: userStatusCodeSchema,
	label: localizedLabelSchema,
	isInitial: z.boolean(),
	lowest: statusNumberSchema,
	highest: statusNumberSchema,
	role: roleSchema.optional(),
	aliases: z.array(userStatusCodeSchema).optional(),
	/** Setting it asks when it happened (HWSD: when the goods reached the customer). */
	recordsTime: z.boolean().optional()
});
export type ProfileStatus = z.infer<typeof profileStatusSchema>;

/**
 * The statuses that carry a meaning for the rules, so the engine never names a code:
 * `approval` (ZGPZ) opens escalation to head office, `rejection` (BPZ) forbids escalation and asks
 * a reason to complete, `reply` (ZBHF) may only follow the approval and is needed to complete a
 * head-office route, `completionRequires` (HWSD, HWTH) lists the statuses a notification must be in
 * to be completed, `completionRequiresAcceptance` asks for the linked records' acceptance (and a
 * paid service's invoice). Every one is optional: a trade without approvals simply leaves it out.
 */
export const profileRulesSchema = z.object({
	approval: userStatusCodeSchema.optional(),
	rejection: userStatusCodeSchema.optional(),
	reply: userStatusCodeSchema.optional(),
	completionRequires: z.array(userStatusCodeSchema).min(1, { error: 'required' }).optional(),
	/**
	 * Completing needs the customer's SM09 acceptance on a service form (Z1), and a paid service
	 * also its invoice (ZFW): the linked records' guards (domain/records/guards.ts). A trade that
	 * records acceptance as a user status (YS 验收) leaves it out.
	 */
	completionRequiresAcceptance: z.boolean().optional()
});
export type ProfileRules = z.infer<typeof profileRulesSchema>;

/** Why a configuration is inconsistent; structural problems come as `required`/`pattern`/`invalid`. */
export const CONFIGURATION_ISSUE_CODES = [
	'required',
	'pattern',
	'tooLong',
	'invalid',
	'noInitialStatus',
	'severalInitialStatuses',
	'duplicateNumber',
	'duplicateCode',
	'rangeReversed',
	'rangeNotAStatus',
	'unknownRuleStatus',
	'duplicateProfile',
	'duplicateType',
	'unknownProfile'
] as const;
export type ConfigurationIssueCode = (typeof CONFIGURATION_ISSUE_CODES)[number];

/** One problem of a configuration: where (`profiles.0.statuses.2.lowest`) and what. */
export interface ConfigurationIssue {
	path: string;
	code: ConfigurationIssueCode;
	params?: Record<string, string | number>;
}

function issue(
	context: z.RefinementCtx,
	path: (string | number)[],
	code: ConfigurationIssueCode,
	params: Record<string, string | number>
): void {
	context.addIssue({ code: 'custom', path, message: code, params });
}

function checkProfile(
	profile: { statuses: ProfileStatus[]; rules?: ProfileRules | undefined },
	context: z.RefinementCtx
): void {
	const { statuses } = profile;
	const initials = statuses.flatMap((status, index) => (status.isInitial ? [index] : []));
	if (initials.length === 0) issue(context, ['statuses'], 'noInitialStatus', {});
	for (const index of initials.slice(1)) {
		issue(context, ['statuses', index, 'isInitial'], 'severalInitialStatuses', {
			code: statuses[index]?.code ?? ''
		});
	}
	const numbers = new Set<number>();
	const codes = new Set<string>();
	statuses.forEach((status, index) => {
		if (numbers.has(status.number)) {
			issue(context, ['statuses', index, 'number'], 'duplicateNumber', { number: status.number });
		}
		numbers.add(status.number);
		[status.code, ...(status.aliases ?? [])].forEach((code, position) => {
			if (codes.has(code)) {
				const path = position === 0 ? ['code'] : ['aliases', position - 1];
				issue(context, ['statuses', index, ...path], 'duplicateCode', { code });
			}
			codes.add(code);
		});
	});
	statuses.forEach((status, index) => {
		if (status.lowest > status.highest) {
			issue(context, ['statuses', index, 'lowest'], 'rangeReversed', {
				code: status.code,
				lowest: status.lowest,
				highest: status.highest
			});
		}
		for (const bound of ['lowest', 'highest'] as const) {
			if (!numbers.has(status[bound])) {
				issue(context, ['statuses', index, bound], 'rangeNotAStatus', {
					code: status.code,
					number: status[bound]
				});
			}
		}
	});
	const canonical = new Set(statuses.map((status) => status.code));
	const rules = profile.rules ?? {};
	for (const rule of ['approval', 'rejection', 'reply'] as const) {
		const code = rules[rule];
		if (code !== undefined && !canonical.has(code)) {
			issue(context, ['rules', rule], 'unknownRuleStatus', { rule, code });
		}
	}
	(rules.completionRequires ?? []).forEach((code, index) => {
		if (!canonical.has(code)) {
			issue(context, ['rules', 'completionRequires', index], 'unknownRuleStatus', {
				rule: 'completionRequires',
				code
			});
		}
	});
}

/** A user-status profile (用户状态参数文件): a table of numbered statuses and the rules' statuses. */
export const statusProfileSchema = z
	.object({
		id: z
			.string({ error: 'required' })
			.regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,29}$/, { error: 'pattern' }),
		label: localizedLabelSchema,
		statuses: z.array(profileStatusSchema).min(1, { error: 'required' }),
		rules: profileRulesSchema.optional()
	})
	.superRefine(checkProfile);
export type StatusProfile = z.infer<typeof statusProfileSchema>;

/** 完款状况: Z1 is created after full payment (已完款), Z2 before (未完款). */
export const PAYMENT_STATUSES = ['paid', 'unpaid'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** A notification type (通知类型): its payment status and the status profile it uses. */
export const notificationTypeSchema = z.object({
	code: notificationTypeCodeSchema,
	label: localizedLabelSchema,
	paymentStatus: paymentStatusSchema,
	profileId: z.string({ error: 'required' }).min(1, { error: 'required' })
});
export type NotificationType = z.infer<typeof notificationTypeSchema>;

function checkConfiguration(
	configuration: { types: NotificationType[]; profiles: StatusProfile[] },
	context: z.RefinementCtx
): void {
	const profileIds = new Set<string>();
	configuration.profiles.forEach((profile, index) => {
		if (profileIds.has(profile.id)) {
			issue(context, ['profiles', index, 'id'], 'duplicateProfile', { id: profile.id });
		}
		profileIds.add(profile.id);
	});
	const typeCodes = new Set<string>();
	configuration.types.forEach((type, index) => {
		if (typeCodes.has(type.code)) {
			issue(context, ['types', index, 'code'], 'duplicateType', { type: type.code });
		}
		typeCodes.add(type.code);
		if (!profileIds.has(type.profileId)) {
			issue(context, ['types', index, 'profileId'], 'unknownProfile', {
				type: type.code,
				id: type.profileId
			});
		}
	});
}

/** The types and status profiles of a trade: configuration, carried in the export (SPEC §9). */
export const configurationSchema = z
	.object({
		types: z.array(notificationTypeSchema).min(1, { error: 'required' }),
		profiles: z.array(statusProfileSchema).min(1, { error: 'required' })
	})
	.superRefine(checkConfiguration);
export type Configuration = z.infer<typeof configurationSchema>;

const KNOWN_ISSUE_CODES = new Set<string>(CONFIGURATION_ISSUE_CODES);

/** Turns zod issues of a configuration into configuration issues with their codes and params. */
export function toConfigurationIssues(error: z.ZodError): ConfigurationIssue[] {
	return error.issues.map((zodIssue) => {
		const path = zodIssue.path.map(String).join('.');
		let code: ConfigurationIssueCode;
		if (KNOWN_ISSUE_CODES.has(zodIssue.message)) code = zodIssue.message as ConfigurationIssueCode;
		else if (zodIssue.code === 'invalid_type' && zodIssue.input === undefined) code = 'required';
		else code = 'invalid';
		const params =
			zodIssue.code === 'custom' && zodIssue.params
				? (zodIssue.params as Record<string, string | number>)
				: {};
		return { path, code, params };
	});
}

/** Validates a configuration (e.g. from a file) and says every inconsistency it finds. */
export function parseConfiguration(
	input: unknown
): { ok: true; configuration: Configuration } | { ok: false; issues: ConfigurationIssue[] } {
	const result = configurationSchema.safeParse(input);
	if (result.success) return { ok: true, configuration: result.data };
	return { ok: false, issues: toConfigurationIssues(result.error) };
}

/** The status of a profile named by its code or one of its aliases (case and spaces ignored). */
export function statusOf(profile: StatusProfile, code: string): ProfileStatus | undefined {
	const wanted = code.trim().toUpperCase();
	return (
		profile.statuses.find((status) => status.code === wanted) ??
		profile.statuses.find((status) => status.aliases?.includes(wanted))
	);
}

/** The canonical code for a code or alias (KCWB → KCJS); undefined when the profile lacks it. */
export function resolveStatusCode(profile: StatusProfile, code: string): string | undefined {
	return statusOf(profile, code)?.code;
}

/** The status a new notification of this profile starts in. */
export function initialStatusOf(profile: StatusProfile): ProfileStatus {
	const initial = profile.statuses.find((status) => status.isInitial);
	if (!initial) throw new Error(`status profile ${profile.id} has no initial status`);
	return initial;
}

/** Whether `to` may follow `from`: its number lies in from's range (and it is another status). */
export function isInRange(from: ProfileStatus, to: ProfileStatus): boolean {
	return to.code !== from.code && to.number >= from.lowest && to.number <= from.highest;
}

/** The statuses that may be set next from `code`, in the profile's order. */
export function nextStatusesOf(profile: StatusProfile, code: string): ProfileStatus[] {
	const from = statusOf(profile, code);
	if (!from) return [];
	return profile.statuses.filter((status) => isInRange(from, status));
}

/** Every status reachable from `code` in one or more steps (not `code` itself unless it loops). */
export function reachableFrom(profile: StatusProfile, code: string): Set<string> {
	const reached = new Set<string>();
	const queue = nextStatusesOf(profile, code);
	for (let next = queue.shift(); next; next = queue.shift()) {
		if (reached.has(next.code)) continue;
		reached.add(next.code);
		queue.push(...nextStatusesOf(profile, next.code));
	}
	return reached;
}

/**
 * The statuses in which a notification counts as approved: the approval status and every status
 * that can only come after it (for Z1: ZGPZ and ZBHF), never the rejection. Empty when the profile
 * has no approval step.
 */
export function approvedStatusesOf(profile: StatusProfile): Set<string> {
	const { approval, rejection } = profile.rules ?? {};
	if (!approval) return new Set();
	const approved = new Set([approval, ...reachableFrom(profile, approval)]);
	if (rejection) approved.delete(rejection);
	return approved;
}

/** The configured type with this code. */
export function typeOf(
	configuration: Configuration,
	typeCode: string
): NotificationType | undefined {
	return configuration.types.find((type) => type.code === typeCode);
}

/** The status profile a type uses. */
export function profileOfType(
	configuration: Configuration,
	typeCode: string
): StatusProfile | undefined {
	const type = typeOf(configuration, typeCode);
	return type && configuration.profiles.find((profile) => profile.id === type.profileId);
}

/** 完款状况 of a type: derived, never typed (Z1 paid, Z2 unpaid). */
export function paymentStatusOf(
	configuration: Configuration,
	typeCode: string
): PaymentStatus | undefined {
	return typeOf(configuration, typeCode)?.paymentStatus;
}

/** The user status a new notification of this type starts in (TZJL), for `createNotification`. */
export function initialUserStatusOf(
	configuration: Configuration,
	typeCode: string
): string | undefined {
	const profile = profileOfType(configuration, typeCode);
	return profile && initialStatusOf(profile).code;
}
