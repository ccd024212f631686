import type { FieldIssue } from '../validation';
import type { Actor, Role } from '../actor';
import {
	formatSeedDate,
	formatSeedDateTime,
	isValidIsoDate,
	isValidIsoDateTime,
	toIsoDate
} from '../dates';
import {
	applyFieldChanges,
	recordChange,
	type HistoryChange,
	type Notification,
	type NotificationFields,
	type Route,
	type SystemStatus
} from '../notification';
import { DISPATCH_KIND } from '../list-row';
import { characterCount } from '../text';
import {
	approvedStatusesOf,
	initialStatusOf,
	isInRange,
	profileOfType,
	statusOf,
	typeOf,
	type Configuration,
	type NotificationType,
	type PaymentStatus,
	type StatusProfile
} from './profile';

/** Where an escalation goes (SBWP mail): head office for a quote or support, or regional logistics. */
export const ESCALATION_TARGETS = ['hqQuote', 'hqSupport', 'logistics'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** How a message left the app: a `mailto:` link, an .eml file, copied text, or a phone call. */
export const MESSAGE_CHANNELS = ['link', 'eml', 'copy', 'phone'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** What is recorded of a message sent from a notification: to whom, the subject and how. */
export interface SentMessage {
	/** Codes of the departments (or the staff member) it went to. */
	departments: string[];
	to: string[];
	cc: string[];
	subject: string;
	channel: MessageChannel;
}

/** Something a user asks of a notification; `transition` says yes (the new notification) or why not. */
export type NotificationAction =
	| { kind: 'putInProcess' }
	| { kind: 'postpone'; reason: string; until: string }
	| { kind: 'complete'; at: string; reason?: string }
	| { kind: 'reopen'; reason: string }
	/** `at`: when it happened, for a status that records its time (HWSD); otherwise now. */
	| { kind: 'setUserStatus'; code: string; at?: string }
	| { kind: 'changeType'; type: string }
	/** Without `fields` a check only; with them the edited form is applied (a new type included). */
	| { kind: 'edit'; fields?: NotificationFields }
	/** `workPlan`: the range of the work plan it was printed in, as the seed writes dates. */
	| { kind: 'markPrinted'; workPlan?: string }
	/** `message`: the e-mail that went out (SBWP), recorded in the history entry. */
	| { kind: 'escalate'; target: EscalationTarget; message?: SentMessage }
	/** Urgent dispatch: the person responsible was told at once (SPEC §2.3). */
	| { kind: 'dispatch'; message: SentMessage };
export type ActionKind = NotificationAction['kind'];

/** Every action kind, in the order `allowedActions` lists them. */
export const ACTION_KINDS = [
	'putInProcess',
	'postpone',
	'complete',
	'reopen',
	'setUserStatus',
	'changeType',
	'escalate',
	'edit',
	'markPrinted',
	'dispatch'
] as const satisfies readonly ActionKind[];

/** Why an action was refused; each has a message `refusal.<code>` in the catalogues. */
export const REFUSAL_CODES = [
	'completed',
	'alreadyInProcess',
	'inProcessCannotBePostponed',
	'notCompleted',
	'roleRequired',
	'reasonRequired',
	'reasonTooLong',
	'invalidDate',
	'dateInPast',
	'invalidDateTime',
	'completionBeforeCreation',
	'completionInFuture',
	'timeBeforeCreation',
	'timeInFuture',
	'rejectedNeedsReason',
	'completionNeedsUserStatus',
	'completionNeedsReply',
	'typeChangeOnlyOutstanding',
	'unknownType',
	'typeUnchanged',
	'noOtherType',
	'unknownUserStatus',
	'unknownCurrentUserStatus',
	'userStatusAlreadySet',
	'userStatusNotAllowed',
	'userStatusRoleRequired',
	'replyNeedsApproval',
	'escalationRouteMismatch',
	'routeNotForPaymentStatus',
	'rejectedCannotBeEscalated',
	'escalationNeedsApproval',
	'notUrgent',
	'completionNeedsAcceptance',
	'completionNeedsInvoice',
	'quoteRejectedNeedsReason'
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * A "no" with its reason. Params are codes, not words: `role` a Role, `route` a Route, `target` an
 * EscalationTarget, `paymentStatus` a PaymentStatus, `systemStatus` a system status, `type` a type
 * code; `status`, `from`, `approval` are user-status codes and `statuses` a comma-separated list of
 * them. The UI turns each into its label. Dates come as the seed writes them (2001/03/07).
 */
export interface Refusal {
	code: RefusalCode;
	params?: Record<string, string | number>;
}

export type TransitionResult =
	{ ok: true; notification: Notification } | { ok: false; refusal: Refusal };

/** The most characters (code points) a reason may have (as the notification schema stores it). */
export const MAX_REASON_LENGTH = 200;

/** What a completion guard looks at. `isRejected`: the user status is the profile's rejection. */
export interface CompletionGuardContext {
	notification: Notification;
	type: NotificationType;
	profile: StatusProfile;
	actor: Actor;
	isRejected: boolean;
	/**
	 * Whether the completion gives a reason; undefined when only availability is asked (no input
	 * yet). A guard that lets a notification close with a reason refuses only on `false`.
	 */
	hasReason?: boolean | undefined;
}

/**
 * A condition for completing a notification, given its state (not the completion's input).
 * Linked records add theirs here (SM09 acceptance, ZFW invoice) by closing over those records;
 * a rejected notification is closed with a reason, so guards of the normal end let it pass.
 */
export type CompletionGuard = (context: CompletionGuardContext) => Refusal | undefined;

/** Z2: the user status must be one of the profile's `completionRequires` (HWSD, HWTH). */
export const requiredUserStatusGuard: CompletionGuard = ({ notification, profile, isRejected }) => {
	const required = profile.rules?.completionRequires;
	if (isRejected || !required || required.includes(notification.userStatus)) return undefined;
	return { code: 'completionNeedsUserStatus', params: { statuses: required.join(', ') } };
};

/** A head-office route is finished only when the department has replied (ZBHF). */
export const headOfficeReplyGuard: CompletionGuard = ({ notification, profile, isRejected }) => {
	const reply = profile.rules?.reply;
	if (isRejected || !reply || !isHeadOfficeRoute(notification.route)) return undefined;
	if (notification.userStatus === reply) return undefined;
	return { code: 'completionNeedsReply', params: { status: reply } };
};

/** The guards `transition` and `allowedActions` use unless given others. */
export const COMPLETION_GUARDS: readonly CompletionGuard[] = [
	requiredUserStatusGuard,
	headOfficeReplyGuard
];

/** Options beyond the core arguments. */
export interface TransitionOptions {
	/** Replaces COMPLETION_GUARDS, e.g. `[...COMPLETION_GUARDS, acceptanceGuard(serviceForms)]`. */
	completionGuards?: readonly CompletionGuard[];
}

/** The routes that go to head office and need the supervisor's approval first (SPEC §2.7). */
export const HEAD_OFFICE_ROUTES: readonly Route[] = ['hqQuote', 'hqSupport'];

/** Whether a route goes to head office. */
export function isHeadOfficeRoute(route: Route): boolean {
	return HEAD_OFFICE_ROUTES.includes(route);
}

/** The route an escalation target belongs to: the pre-payment complaint goes to logistics. */
export const ROUTE_OF_TARGET: Readonly<Record<EscalationTarget, Route>> = {
	hqQuote: 'hqQuote',
	hqSupport: 'hqSupport',
	logistics: 'prePayment'
};

/** Head-office routes are for fully paid notifications (Z1), the pre-payment complaint for Z2. */
const PAYMENT_STATUS_OF_ROUTE: Readonly<Partial<Record<Route, PaymentStatus>>> = {
	hqQuote: 'paid',
	hqSupport: 'paid',
	prePayment: 'unpaid'
};

/**
 * Whether the form's route fits its type's payment status (a Z2 cannot go to head office for a
 * quote; a Z1 is no pre-payment complaint). Checked when saving, not only at escalation.
 */
export function routeIssues(
	fields: { type: string; route: Route },
	configuration: Configuration
): FieldIssue[] {
	const required = PAYMENT_STATUS_OF_ROUTE[fields.route];
	const actual = configuration.types.find((type) => type.code === fields.type)?.paymentStatus;
	if (!required || !actual || required === actual) return [];
	return [{ path: 'route', code: 'routeMismatch', params: { paymentStatus: actual } }];
}

/** Reopening a completed notification is the supervisor's call (SPEC §4). */
const REOPEN_ROLE: Role = 'supervisor';

interface Context {
	notification: Notification;
	actor: Actor;
	configuration: Configuration;
	type: NotificationType | undefined;
	profile: StatusProfile | undefined;
	completionGuards: readonly CompletionGuard[];
}

function contextOf(
	notification: Notification,
	actor: Actor,
	configuration: Configuration,
	options: TransitionOptions
): Context {
	return {
		notification,
		actor,
		configuration,
		type: typeOf(configuration, notification.type),
		profile: profileOfType(configuration, notification.type),
		completionGuards: options.completionGuards ?? COMPLETION_GUARDS
	};
}

function refuse(code: RefusalCode, params?: Record<string, string | number>): Refusal {
	return params ? { code, params } : { code };
}

const isCompleted = (notification: Notification) => notification.systemStatus === 'NOCO';

function isRejected(notification: Notification, profile: StatusProfile): boolean {
	const rejection = profile.rules?.rejection;
	return rejection !== undefined && notification.userStatus === rejection;
}

function unknownType(context: Context): Refusal {
	return refuse('unknownType', { type: context.notification.type });
}

function completeRefusal(context: Context, hasReason?: boolean): Refusal | undefined {
	const { notification, type, profile, actor } = context;
	if (isCompleted(notification)) return refuse('completed');
	if (!type || !profile) return unknownType(context);
	const guardContext: CompletionGuardContext = {
		notification,
		type,
		profile,
		actor,
		isRejected: isRejected(notification, profile),
		hasReason
	};
	for (const guard of context.completionGuards) {
		const refusal = guard(guardContext);
		if (refusal) return refusal;
	}
	return undefined;
}

function userStatusRefusal(context: Context, code: string): Refusal | undefined {
	const { notification, profile, actor } = context;
	if (isCompleted(notification)) return refuse('completed');
	if (!profile) return unknownType(context);
	const target = statusOf(profile, code);
	if (!target) return refuse('unknownUserStatus', { code });
	const current = statusOf(profile, notification.userStatus);
	if (!current) return refuse('unknownCurrentUserStatus', { status: notification.userStatus });
	if (current.code === target.code) return refuse('userStatusAlreadySet', { status: target.code });
	const { approval, reply } = profile.rules ?? {};
	if (approval && target.code === reply && !approvedStatusesOf(profile).has(current.code)) {
		return refuse('replyNeedsApproval', { status: target.code, approval });
	}
	if (!isInRange(current, target)) {
		return refuse('userStatusNotAllowed', { status: target.code, from: current.code });
	}
	if (target.role && target.role !== actor.role) {
		return refuse('userStatusRoleRequired', { status: target.code, role: target.role });
	}
	return undefined;
}

function changeTypeRefusal(context: Context): Refusal | undefined {
	const { notification } = context;
	if (isCompleted(notification)) return refuse('completed');
	if (notification.systemStatus !== 'OSNO') {
		return refuse('typeChangeOnlyOutstanding', { systemStatus: notification.systemStatus });
	}
	return undefined;
}

function newTypeRefusal(context: Context, typeCode: string): Refusal | undefined {
	if (typeCode === context.notification.type) return refuse('typeUnchanged', { type: typeCode });
	if (!profileOfType(context.configuration, typeCode)) {
		return refuse('unknownType', { type: typeCode });
	}
	return undefined;
}

function escalateRefusal(context: Context, target: EscalationTarget): Refusal | undefined {
	const { notification, type, profile } = context;
	if (isCompleted(notification)) return refuse('completed');
	if (!type || !profile) return unknownType(context);
	const route = notification.route;
	if (ROUTE_OF_TARGET[target] !== route) {
		return refuse('escalationRouteMismatch', { target, route });
	}
	const paymentStatus = PAYMENT_STATUS_OF_ROUTE[route];
	if (paymentStatus && paymentStatus !== type.paymentStatus) {
		return refuse('routeNotForPaymentStatus', { route, paymentStatus: type.paymentStatus });
	}
	if (isRejected(notification, profile)) {
		return refuse('rejectedCannotBeEscalated', { status: notification.userStatus });
	}
	const approval = profile.rules?.approval;
	if (
		isHeadOfficeRoute(route) &&
		approval &&
		!approvedStatusesOf(profile).has(notification.userStatus)
	) {
		return refuse('escalationNeedsApproval', { status: approval });
	}
	return undefined;
}

/** Refusals that depend on the notification, the actor and the configuration only. */
function stateRefusal(context: Context, action: NotificationAction): Refusal | undefined {
	const { notification, actor } = context;
	switch (action.kind) {
		case 'putInProcess':
			if (isCompleted(notification)) return refuse('completed');
			if (notification.systemStatus === 'NOPR') return refuse('alreadyInProcess');
			return undefined;
		case 'postpone':
			if (isCompleted(notification)) return refuse('completed');
			if (notification.systemStatus === 'NOPR') return refuse('inProcessCannotBePostponed');
			return undefined;
		case 'complete':
			return completeRefusal(context);
		case 'reopen':
			if (!isCompleted(notification)) return refuse('notCompleted');
			if (actor.role !== REOPEN_ROLE) return refuse('roleRequired', { role: REOPEN_ROLE });
			return undefined;
		case 'setUserStatus':
			return userStatusRefusal(context, action.code);
		case 'changeType':
			return changeTypeRefusal(context);
		case 'edit':
			if (isCompleted(notification)) return refuse('completed');
			if (action.fields && action.fields.type !== notification.type) {
				return changeTypeRefusal(context) ?? newTypeRefusal(context, action.fields.type);
			}
			return undefined;
		case 'markPrinted':
			return undefined;
		case 'escalate':
			return escalateRefusal(context, action.target);
		case 'dispatch':
			if (isCompleted(notification)) return refuse('completed');
			if (!notification.isUrgent) return refuse('notUrgent');
			return undefined;
	}
}

function reasonRefusal(reason: string | undefined, isRequired: boolean): Refusal | undefined {
	const trimmed = reason?.trim() ?? '';
	if (isRequired && trimmed === '') return refuse('reasonRequired');
	if (characterCount(trimmed) > MAX_REASON_LENGTH) {
		return refuse('reasonTooLong', { max: MAX_REASON_LENGTH });
	}
	return undefined;
}

const MINUTE = 60_000;

/** Refusals that depend on what the user typed for the action (reason, dates). */
function inputRefusal(
	context: Context,
	action: NotificationAction,
	now: Date
): Refusal | undefined {
	const { notification, profile } = context;
	switch (action.kind) {
		case 'postpone': {
			const refusal = reasonRefusal(action.reason, true);
			if (refusal) return refusal;
			if (!isValidIsoDate(action.until)) return refuse('invalidDate', { date: action.until });
			const today = toIsoDate(now);
			if (action.until < today) {
				return refuse('dateInPast', {
					date: formatSeedDate(action.until),
					today: formatSeedDate(today)
				});
			}
			return undefined;
		}
		case 'complete': {
			if (!isValidIsoDateTime(action.at)) return refuse('invalidDateTime', { at: action.at });
			const at = Date.parse(action.at);
			// The form proposes the time to the minute, so a completion in the minute of creation is fine.
			const created = Math.floor(Date.parse(notification.createdAt) / MINUTE) * MINUTE;
			if (at < created) {
				return refuse('completionBeforeCreation', {
					at: formatSeedDateTime(action.at),
					createdAt: formatSeedDateTime(notification.createdAt)
				});
			}
			if (at > now.getTime()) {
				return refuse('completionInFuture', { at: formatSeedDateTime(action.at) });
			}
			const rejected = profile !== undefined && isRejected(notification, profile);
			if (rejected && !action.reason?.trim()) {
				return refuse('rejectedNeedsReason', { status: notification.userStatus });
			}
			return reasonRefusal(action.reason, false);
		}
		case 'reopen':
			return reasonRefusal(action.reason, true);
		case 'changeType':
			return newTypeRefusal(context, action.type);
		case 'setUserStatus':
			return action.at === undefined ? undefined : statusTimeRefusal(notification, action.at, now);
		default:
			return undefined;
	}
}

/** A status time must be a real moment between the notification's creation and now. */
function statusTimeRefusal(notification: Notification, at: string, now: Date): Refusal | undefined {
	if (!isValidIsoDateTime(at)) return refuse('invalidDateTime', { at });
	const created = Math.floor(Date.parse(notification.createdAt) / MINUTE) * MINUTE;
	const formatted = formatSeedDateTime(at);
	if (Date.parse(at) < created) {
		return refuse('timeBeforeCreation', {
			at: formatted,
			createdAt: formatSeedDateTime(notification.createdAt)
		});
	}
	if (Date.parse(at) > now.getTime()) return refuse('timeInFuture', { at: formatted });
	return undefined;
}

function systemStatusEntry(from: SystemStatus, to: SystemStatus, reason?: string): HistoryChange {
	return reason === undefined
		? { kind: 'systemStatus', from, to }
		: { kind: 'systemStatus', from, to, reason };
}

/** The notification without the optional parts a status change ends (postponement, completion). */
function without(notification: Notification, key: 'postponement' | 'completion'): Notification {
	const copy = { ...notification };
	delete copy[key];
	return copy;
}

function changeType(context: Context, typeCode: string, now: Date): Notification {
	const { notification, actor, configuration } = context;
	const profile = profileOfType(configuration, typeCode);
	if (!profile) throw new Error(`unknown type ${typeCode}`);
	const initial = initialStatusOf(profile).code;
	const at = now.toISOString();
	return recordChange(
		notification,
		// The old profile's statuses mean nothing in the new one, so their dates go too (history keeps them).
		{ type: typeCode, userStatus: initial, userStatusDates: { [initial]: at } },
		[
			{ kind: 'field', field: 'type', from: notification.type, to: typeCode },
			{ kind: 'userStatus', from: notification.userStatus, to: initial }
		],
		actor,
		now
	);
}

/** The members a history entry keeps of a sent message (text on one line, as it went out). */
function messageMembers(message: SentMessage): Partial<HistoryChange> {
	return {
		departments: [...message.departments],
		recipients: [...message.to],
		cc: [...message.cc],
		subject: message.subject.replace(/[\r\n]+/g, ' '),
		channel: message.channel
	};
}

function apply(context: Context, action: NotificationAction, now: Date): Notification {
	const { notification, actor } = context;
	const from = notification.systemStatus;
	const record = (base: Notification, changes: Partial<Notification>, entries: HistoryChange[]) =>
		recordChange(base, changes, entries, actor, now);
	switch (action.kind) {
		case 'putInProcess':
			return record(without(notification, 'postponement'), { systemStatus: 'NOPR' }, [
				systemStatusEntry(from, 'NOPR')
			]);
		case 'postpone': {
			const reason = action.reason.trim();
			return record(
				notification,
				{ systemStatus: 'NOPO', postponement: { reason, until: action.until } },
				[
					systemStatusEntry(from, 'NOPO', reason),
					{
						kind: 'field',
						field: 'postponement.until',
						from: notification.postponement?.until ?? '',
						to: action.until
					}
				]
			);
		}
		case 'complete': {
			const reason = action.reason?.trim() || undefined;
			const completion = reason ? { at: action.at, reason } : { at: action.at };
			return record(without(notification, 'postponement'), { systemStatus: 'NOCO', completion }, [
				systemStatusEntry(from, 'NOCO', reason),
				{ kind: 'field', field: 'completion.at', from: '', to: action.at }
			]);
		}
		case 'reopen':
			return record(without(notification, 'completion'), { systemStatus: 'NOPR' }, [
				systemStatusEntry(from, 'NOPR', action.reason.trim())
			]);
		case 'setUserStatus': {
			// The state check found the status, so an alias (KCWB) resolves to its code (KCJS) here.
			const to = (context.profile && statusOf(context.profile, action.code)?.code) ?? action.code;
			return record(
				notification,
				{
					userStatus: to,
					userStatusDates: {
						...notification.userStatusDates,
						[to]: action.at ? new Date(action.at).toISOString() : now.toISOString()
					}
				},
				[{ kind: 'userStatus', from: notification.userStatus, to }]
			);
		}
		case 'changeType':
			return changeType(context, action.type, now);
		case 'edit': {
			if (!action.fields) return notification;
			const retyped =
				action.fields.type === notification.type
					? notification
					: changeType(context, action.fields.type, now);
			return applyFieldChanges(retyped, action.fields, actor, now);
		}
		case 'markPrinted':
			return record(notification, { isPrinted: true }, [
				{
					kind: 'printed',
					from: notification.isPrinted ? 'NOPT' : '',
					to: 'NOPT',
					...(action.workPlan ? { field: 'workPlan', reason: action.workPlan } : {})
				}
			]);
		case 'escalate':
			return record(notification, {}, [
				{
					kind: 'escalation',
					field: 'route',
					from: notification.route,
					to: action.target,
					...(action.message ? messageMembers(action.message) : {})
				}
			]);
		case 'dispatch':
			return record(notification, {}, [
				{ kind: DISPATCH_KIND, to: notification.responsible, ...messageMembers(action.message) }
			]);
	}
}

/**
 * Applies an action to a notification, or says why not. Every change goes through `recordChange`,
 * so it comes with its history entries and a new revision; the input is never modified.
 * `edit` without fields only asks whether editing is allowed and returns the notification as is.
 */
export function transition(
	notification: Notification,
	action: NotificationAction,
	actor: Actor,
	configuration: Configuration,
	now: Date,
	options: TransitionOptions = {}
): TransitionResult {
	const context = contextOf(notification, actor, configuration, options);
	const refusal =
		stateRefusal(context, action) ??
		inputRefusal(context, action, now) ??
		(action.kind === 'complete'
			? completeRefusal(context, Boolean(action.reason?.trim()))
			: undefined);
	if (refusal) return { ok: false, refusal };
	return { ok: true, notification: apply(context, action, now) };
}

/** What the user must give for an action: `reason`, `until` (postpone) or `at` (complete). */
export interface ActionInput {
	name: 'reason' | 'until' | 'at' | 'type';
	isRequired: boolean;
	/** Why an input that is usually optional is required now, in the words of the refusal it avoids. */
	because?: Refusal;
}

/** One line of the "transaction analysis": an action, whether it is allowed now, and if not why. */
export interface ActionAvailability {
	action: ActionKind;
	/** The user status a `setUserStatus` line sets. */
	code?: string;
	/** The target of an `escalate` line. */
	target?: EscalationTarget;
	allowed: boolean;
	refusal?: Refusal;
	/** What the dialog of an allowed action must ask for. */
	inputs?: ActionInput[];
}

function availability(
	context: Context,
	action: NotificationAction,
	line: Omit<ActionAvailability, 'allowed' | 'refusal'>
): ActionAvailability {
	const refusal = stateRefusal(context, action);
	return refusal ? { ...line, allowed: false, refusal } : { ...line, allowed: true };
}

/**
 * Every action with whether it is allowed now and, if not, why (SAP's transaction analysis).
 * The UI builds its buttons from this and never looks at status codes itself. Inputs (reason,
 * dates) are not known yet, so `transition` may still refuse them; `inputs` says what to ask.
 */
export function allowedActions(
	notification: Notification,
	actor: Actor,
	configuration: Configuration,
	options: TransitionOptions = {}
): ActionAvailability[] {
	const context = contextOf(notification, actor, configuration, options);
	const { profile } = context;
	const rejected = profile !== undefined && isRejected(notification, profile);
	const reason = (isRequired: boolean): ActionInput => ({ name: 'reason', isRequired });
	// A guard that lets the notification close only with a reason (a rejected quote) makes the
	// reason required, with that guard's words.
	const withoutReason = rejected ? undefined : completeRefusal(context, false);
	const reasonBecause = withoutReason && !completeRefusal(context) ? withoutReason : undefined;
	const lines: ActionAvailability[] = [
		availability(context, { kind: 'putInProcess' }, { action: 'putInProcess' }),
		availability(
			context,
			{ kind: 'postpone', reason: '', until: '' },
			{ action: 'postpone', inputs: [reason(true), { name: 'until', isRequired: true }] }
		),
		availability(
			context,
			{ kind: 'complete', at: '' },
			{
				action: 'complete',
				inputs: [
					{ name: 'at', isRequired: true },
					// The same refusal `transition` gives a rejected notification completed without a reason.
					rejected
						? {
								...reason(true),
								because: refuse('rejectedNeedsReason', { status: notification.userStatus })
							}
						: reasonBecause
							? { ...reason(true), because: reasonBecause }
							: reason(false)
				]
			}
		),
		availability(
			context,
			{ kind: 'reopen', reason: '' },
			{ action: 'reopen', inputs: [reason(true)] }
		)
	];
	for (const status of profile?.statuses ?? []) {
		lines.push(
			availability(
				context,
				{ kind: 'setUserStatus', code: status.code },
				{
					action: 'setUserStatus',
					code: status.code,
					...(status.recordsTime ? { inputs: [{ name: 'at' as const, isRequired: true }] } : {})
				}
			)
		);
	}
	const otherTypes = configuration.types.filter((type) => type.code !== notification.type);
	const typeLine = availability(
		context,
		{ kind: 'changeType', type: '' },
		{ action: 'changeType', inputs: [{ name: 'type', isRequired: true }] }
	);
	lines.push(
		typeLine.allowed && otherTypes.length === 0
			? { ...typeLine, allowed: false, refusal: refuse('noOtherType') }
			: typeLine
	);
	for (const target of ESCALATION_TARGETS) {
		lines.push(availability(context, { kind: 'escalate', target }, { action: 'escalate', target }));
	}
	lines.push(availability(context, { kind: 'edit' }, { action: 'edit' }));
	lines.push(availability(context, { kind: 'markPrinted' }, { action: 'markPrinted' }));
	const dispatch: NotificationAction = {
		kind: 'dispatch',
		message: { departments: [], to: [], cc: [], subject: '', channel: 'phone' }
	};
	lines.push(availability(context, dispatch, { action: 'dispatch' }));
	return lines;
}

/**
 * Whether a record, as a whole, is one the engine could have produced: its user status belongs to
 * its type's profile, its route fits the type's payment status, a postponement only while
 * postponed and a completion only when completed. A merge of two copies is asked about when its
 * result fails this (the desk completed while the tablet changed the user status, say).
 */
export function isConsistent(notification: Notification, configuration: Configuration): boolean {
	const profile = profileOfType(configuration, notification.type);
	if (!profile || !statusOf(profile, notification.userStatus)) return false;
	if (routeIssues(notification, configuration).length > 0) return false;
	if ((notification.systemStatus === 'NOPO') !== (notification.postponement !== undefined))
		return false;
	return (notification.systemStatus === 'NOCO') === (notification.completion !== undefined);
}
