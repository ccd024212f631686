import type { Notification } from '../notification';
import {
	COMPLETION_GUARDS,
	isHeadOfficeRoute,
	type CompletionGuard,
	type CompletionGuardContext,
	type Refusal,
	type RefusalCode
} from '../status/engine';
import { approvedStatusesOf, type Configuration } from '../status/profile';
import { totalFen } from './money';
import type { InvoiceRecord, LinkedRecord, QuoteRecord, ServiceFormRecord } from './record';

/** The refusals the linked records' guards give (the engine's own are tested in its spec). */
export const RECORD_REFUSAL_CODES = [
	'completionNeedsAcceptance',
	'completionNeedsInvoice',
	'quoteRejectedNeedsReason'
] as const satisfies readonly RefusalCode[];

/** The records of one kind among a notification's records. */
function ofKind<K extends LinkedRecord['kind']>(
	records: readonly LinkedRecord[],
	kind: K
): Extract<LinkedRecord, { kind: K }>[] {
	return records.filter(
		(record): record is Extract<LinkedRecord, { kind: K }> => record.kind === kind
	);
}

/** The quote the customer accepted (the latest, if several were), or undefined. */
export function acceptedQuote(records: readonly LinkedRecord[]): QuoteRecord | undefined {
	return ofKind(records, 'quote')
		.filter((quote) => quote.state === 'accepted')
		.sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0))[0];
}

/** Whether the customer rejected a quote and accepted none: the paid work will not be done. */
export function isQuoteRejected(records: readonly LinkedRecord[]): boolean {
	const quotes = ofKind(records, 'quote');
	return quotes.some((q) => q.state === 'rejected') && !quotes.some((q) => q.state === 'accepted');
}

/** The service form carrying the customer's SM09 acceptance, if one does. */
export function acceptedServiceForm(
	records: readonly LinkedRecord[]
): ServiceFormRecord | undefined {
	return ofKind(records, 'serviceForm').find((form) => form.acceptance !== null);
}

/** The invoices of a notification. */
export function invoicesOf(records: readonly LinkedRecord[]): InvoiceRecord[] {
	return ofKind(records, 'invoice');
}

/** The accepted quote's total in fen, the amount an invoice is expected to match. */
export function expectedInvoiceFen(records: readonly LinkedRecord[]): number | undefined {
	const quote = acceptedQuote(records);
	return quote ? totalFen(quote.lines) : undefined;
}

/**
 * A paid service whose quote the customer rejected is closed without work: it needs no acceptance
 * or invoice, but a reason (as a rejected BPZ notification).
 */
export function quoteRejectedGuard(records: readonly LinkedRecord[]): CompletionGuard {
	return ({ notification, isRejected, hasReason }) => {
		if (isRejected || notification.demandType !== 'paid' || !isQuoteRejected(records))
			return undefined;
		return hasReason === false ? { code: 'quoteRejectedNeedsReason' } : undefined;
	};
}

/** Whether the quote-rejected exception applies: no acceptance or invoice is asked then. */
function closesWithoutWork(
	context: CompletionGuardContext,
	records: readonly LinkedRecord[]
): boolean {
	return (
		context.isRejected || (context.notification.demandType === 'paid' && isQuoteRejected(records))
	);
}

/** Whether the type's profile asks for the linked records' acceptance (Z1: SM09). */
function requiresAcceptance(context: CompletionGuardContext): boolean {
	return context.profile.rules?.completionRequiresAcceptance === true;
}

/** A fully paid (Z1) notification is completed only with the customer's SM09 acceptance. */
export function acceptanceGuard(records: readonly LinkedRecord[]): CompletionGuard {
	return (context) => {
		if (!requiresAcceptance(context) || closesWithoutWork(context, records)) return undefined;
		return acceptedServiceForm(records) ? undefined : { code: 'completionNeedsAcceptance' };
	};
}

/** A paid service (有费服务) is completed only with its service invoice (ZFW). */
export function invoiceGuard(records: readonly LinkedRecord[]): CompletionGuard {
	return (context) => {
		const isPaid = context.notification.demandType === 'paid';
		if (!isPaid || !requiresAcceptance(context) || closesWithoutWork(context, records)) {
			return undefined;
		}
		return invoicesOf(records).length > 0 ? undefined : { code: 'completionNeedsInvoice' };
	};
}

/**
 * The completion guards of a notification with its linked records (SPEC §4): the engine's own
 * (Z2 needs HWSD or HWTH; a head-office route needs ZBHF), then the records' (quote rejected needs
 * a reason; Z1 needs the SM09 acceptance; a paid service its invoice).
 */
export function recordCompletionGuards(records: readonly LinkedRecord[]): CompletionGuard[] {
	return [
		...COMPLETION_GUARDS,
		quoteRejectedGuard(records),
		acceptanceGuard(records),
		invoiceGuard(records)
	];
}

/** The steps of a notification's route, in the seed's order (SM01). */
export const ROUTE_STEPS = [
	'survey',
	'parts',
	'quote',
	'quoteDecision',
	'approval',
	'escalation',
	'reply',
	'complaint',
	'delivery',
	'serviceForm',
	'acceptance',
	'invoice',
	'complete',
	'evaluation'
] as const;
export type RouteStep = (typeof ROUTE_STEPS)[number];

/** What the object page shows in the transaction analysis: the next step and what is missing. */
export interface NextStep {
	/** The first step of the route not done yet; undefined when nothing is left. */
	next: RouteStep | undefined;
	/** Why completing is refused now: every guard's refusal, not only the first. */
	missing: Refusal[];
}

function hasEscalation(notification: Notification): boolean {
	return notification.history.some((entry) => entry.kind === 'escalation');
}

/**
 * The next step of a notification's route and everything completion still lacks. The route
 * follows the seed: survey; for a paid service a quote the customer decides; head-office routes
 * need approval, the escalation and the reply; a pre-payment complaint (Z2) a complaint form, the
 * escalation to logistics and the delivery; then the service form, its acceptance, the invoice of
 * a paid service, completion and, after it, the evaluation.
 */
export function nextStep(
	notification: Notification,
	records: readonly LinkedRecord[],
	configuration: Configuration,
	context: Omit<CompletionGuardContext, 'notification' | 'hasReason'>
): NextStep {
	const guardContext: CompletionGuardContext = { ...context, notification, hasReason: false };
	const missing = recordCompletionGuards(records)
		.map((guard) => guard(guardContext))
		.filter((refusal): refusal is Refusal => refusal !== undefined);
	if (notification.systemStatus === 'NOCO') {
		return {
			next: ofKind(records, 'evaluation').length === 0 ? 'evaluation' : undefined,
			missing: []
		};
	}
	const { profile, type } = context;
	const initial = profile.statuses.find((status) => status.isInitial)?.code;
	const forms = ofKind(records, 'serviceForm');
	const isPaid = notification.demandType === 'paid';
	const steps: [RouteStep, boolean][] = [];
	if (type.paymentStatus === 'paid') {
		steps.push(['survey', notification.userStatus !== initial || forms.some((f) => f.surveyDone)]);
	}
	const quotes = ofKind(records, 'quote');
	const quoteSteps: [RouteStep, boolean][] =
		isPaid && !context.isRejected
			? [
					['quote', quotes.length > 0],
					['quoteDecision', quotes.some((q) => q.state === 'accepted' || q.state === 'rejected')]
				]
			: [];
	const rejectedWork = context.isRejected || (isPaid && isQuoteRejected(records));
	// A head-office quote is made after the approval and the department's reply (SPEC §2.7); a
	// local quote right after the survey.
	if (notification.route !== 'hqQuote') steps.push(...quoteSteps);
	if (notification.route === 'hqSupport') {
		steps.push(['complaint', ofKind(records, 'complaint').length > 0]);
	}
	if (isHeadOfficeRoute(notification.route) && !rejectedWork) {
		const approved = approvedStatusesOf(profile);
		steps.push(['approval', approved.has(notification.userStatus)]);
		steps.push(['escalation', hasEscalation(notification)]);
		const reply = profile.rules?.reply;
		steps.push(['reply', !reply || notification.userStatus === reply]);
	}
	if (notification.route === 'hqQuote') steps.push(...quoteSteps);
	if (notification.route === 'prePayment' || type.paymentStatus === 'unpaid') {
		steps.push(['complaint', ofKind(records, 'complaint').length > 0]);
		if (notification.route === 'prePayment')
			steps.push(['escalation', hasEscalation(notification)]);
		const required = profile.rules?.completionRequires ?? [];
		steps.push(['delivery', required.length === 0 || required.includes(notification.userStatus)]);
	}
	if (profile.rules?.completionRequiresAcceptance && !rejectedWork) {
		steps.push(['serviceForm', forms.length > 0]);
		steps.push(['acceptance', acceptedServiceForm(records) !== undefined]);
	}
	if (isPaid && !rejectedWork) steps.push(['invoice', invoicesOf(records).length > 0]);
	steps.push(['complete', false]);
	return { next: steps.find(([, done]) => !done)?.[0], missing };
}
