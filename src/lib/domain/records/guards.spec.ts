import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../configuration';
import type { Notification } from '../notification';
import { allowedActions, transition } from '../status/engine';
import { profileOfType, typeOf } from '../status/profile';
import { TEST_NOW, makeActor, makeNotification } from '../test-factories';
import { expectedInvoiceFen, nextStep, recordCompletionGuards } from './guards';
import type { LinkedRecord } from './record';
import { proposeSurveyDone } from './survey';
import { makeImageRef, makeRecord } from './test-records';

const assistant = makeActor('assistant');
const at = new Date(TEST_NOW.getTime() - 60_000).toISOString();

function complete(notification: Notification, records: LinkedRecord[], reason?: string) {
	return transition(
		notification,
		{ kind: 'complete', at, ...(reason ? { reason } : {}) },
		assistant,
		defaultConfiguration,
		TEST_NOW,
		{ completionGuards: recordCompletionGuards(records) }
	);
}

const accepted = makeRecord('serviceForm', {
	acceptance: {
		customerName: '王先生',
		signature: makeImageRef({ type: 'image/png', name: `${'a'.repeat(64)}.png` }),
		acceptedAt: at
	}
});
const unsigned = makeRecord('serviceForm', {}, 2);
const invoice = makeRecord('invoice');
const acceptedQuote = makeRecord('quote', {
	state: 'accepted',
	sentOn: '2001-03-08',
	decidedOn: '2001-03-08'
});
const rejectedQuote = makeRecord(
	'quote',
	{ state: 'rejected', sentOn: '2001-03-08', decidedOn: '2001-03-08', rejectionReason: '太贵' },
	2
);

describe('completion guards with linked records (SPEC §4)', () => {
	it('a Z1 needs the SM09 acceptance: a service form without a signature is not enough', () => {
		const z1 = makeNotification({ systemStatus: 'NOPR' });
		expect(complete(z1, [])).toEqual({ ok: false, refusal: { code: 'completionNeedsAcceptance' } });
		expect(complete(z1, [unsigned])).toEqual({
			ok: false,
			refusal: { code: 'completionNeedsAcceptance' }
		});
		expect(complete(z1, [unsigned, accepted]).ok).toBe(true);
	});

	it('a paid service also needs its invoice', () => {
		const paid = makeNotification({ demandType: 'paid', systemStatus: 'NOPR' });
		expect(complete(paid, [acceptedQuote, accepted])).toEqual({
			ok: false,
			refusal: { code: 'completionNeedsInvoice' }
		});
		expect(complete(paid, [acceptedQuote, accepted, invoice]).ok).toBe(true);
	});

	it('a head-office route also needs ZBHF, whatever the records', () => {
		const hq = makeNotification({ route: 'hqQuote', userStatus: 'ZGPZ', demandType: 'paid' });
		expect(complete(hq, [accepted, invoice])).toEqual({
			ok: false,
			refusal: { code: 'completionNeedsReply', params: { status: 'ZBHF' } }
		});
		expect(complete({ ...hq, userStatus: 'ZBHF' }, [accepted, invoice]).ok).toBe(true);
	});

	it('a Z2 needs HWSD or HWTH and no acceptance', () => {
		const z2 = makeNotification({ type: 'Z2', route: 'prePayment', userStatus: 'HFYY' });
		expect(complete(z2, [])).toEqual({
			ok: false,
			refusal: { code: 'completionNeedsUserStatus', params: { statuses: 'HWSD, HWTH' } }
		});
		expect(complete({ ...z2, userStatus: 'HWSD' }, []).ok).toBe(true);
	});

	it('a rejected (BPZ) notification completes with a reason and no acceptance or invoice', () => {
		const bpz = makeNotification({ route: 'hqQuote', userStatus: 'BPZ', demandType: 'paid' });
		expect(complete(bpz, [])).toMatchObject({
			ok: false,
			refusal: { code: 'rejectedNeedsReason' }
		});
		expect(complete(bpz, [], '主管不批准，客户放弃').ok).toBe(true);
	});

	it('a paid service whose quote the customer rejected completes with a reason only', () => {
		const paid = makeNotification({ demandType: 'paid', systemStatus: 'NOPR' });
		expect(complete(paid, [rejectedQuote])).toEqual({
			ok: false,
			refusal: { code: 'quoteRejectedNeedsReason' }
		});
		expect(complete(paid, [rejectedQuote], '客户不接受报价').ok).toBe(true);
		// The transaction analysis allows completing, and asks for the reason with the guard's words.
		const line = allowedActions(paid, assistant, defaultConfiguration, {
			completionGuards: recordCompletionGuards([rejectedQuote])
		}).find((action) => action.action === 'complete');
		expect(line?.allowed).toBe(true);
		expect(line?.inputs?.find((input) => input.name === 'reason')).toEqual({
			name: 'reason',
			isRequired: true,
			because: { code: 'quoteRejectedNeedsReason' }
		});
		// A new quote the customer accepts puts the work (acceptance, invoice) back on the route.
		expect(complete(paid, [rejectedQuote, acceptedQuote], 'x')).toEqual({
			ok: false,
			refusal: { code: 'completionNeedsAcceptance' }
		});
	});

	it('expects the invoice to match the accepted quote total, in fen', () => {
		expect(expectedInvoiceFen([acceptedQuote])).toBe(7550);
		expect(expectedInvoiceFen([rejectedQuote])).toBeUndefined();
	});
});

describe('next step and what is missing', () => {
	function stepOf(notification: Notification, records: LinkedRecord[]) {
		const profile = profileOfType(defaultConfiguration, notification.type)!;
		const type = typeOf(defaultConfiguration, notification.type)!;
		return nextStep(notification, records, defaultConfiguration, {
			profile,
			type,
			actor: assistant,
			isRejected: notification.userStatus === profile.rules?.rejection
		});
	}

	it('walks the local paid route: survey, quote, decision, service form, acceptance, invoice', () => {
		const paid = makeNotification({ demandType: 'paid' });
		expect(stepOf(paid, [])).toEqual({
			next: 'survey',
			missing: [{ code: 'completionNeedsAcceptance' }, { code: 'completionNeedsInvoice' }]
		});
		const surveyed = { ...paid, userStatus: 'KCJS' };
		expect(stepOf(surveyed, []).next).toBe('quote');
		expect(stepOf(surveyed, [makeRecord('quote')]).next).toBe('quoteDecision');
		expect(stepOf(surveyed, [acceptedQuote]).next).toBe('serviceForm');
		expect(stepOf(surveyed, [acceptedQuote, unsigned]).next).toBe('acceptance');
		expect(stepOf(surveyed, [acceptedQuote, accepted]).next).toBe('invoice');
		expect(stepOf(surveyed, [acceptedQuote, accepted, invoice])).toEqual({
			next: 'complete',
			missing: []
		});
		const done = { ...surveyed, systemStatus: 'NOCO' as const };
		expect(stepOf(done, [accepted]).next).toBe('evaluation');
		expect(stepOf(done, [accepted, makeRecord('evaluation')]).next).toBeUndefined();
	});

	it('on a head-office route asks for approval, escalation and the reply', () => {
		const hq = makeNotification({ route: 'hqQuote', demandType: 'paid', userStatus: 'KCJS' });
		// The head-office quote comes after the approval, the escalation and the reply.
		expect(stepOf(hq, []).next).toBe('approval');
		expect(stepOf({ ...hq, userStatus: 'ZBHF' }, []).next).toBe('escalation');
		expect(stepOf(hq, [acceptedQuote]).next).toBe('approval');
		expect(stepOf({ ...hq, userStatus: 'ZGPZ' }, [acceptedQuote]).next).toBe('escalation');
		const missing = stepOf({ ...hq, userStatus: 'ZGPZ' }, [acceptedQuote]).missing;
		expect(missing[0]).toEqual({ code: 'completionNeedsReply', params: { status: 'ZBHF' } });
	});

	it('on the pre-payment complaint (Z2) asks for the complaint form and the delivery', () => {
		const z2 = makeNotification({ type: 'Z2', route: 'prePayment' });
		expect(stepOf(z2, []).next).toBe('complaint');
		expect(stepOf(z2, [makeRecord('complaint', { paymentStatus: 'unpaid' })]).next).toBe(
			'escalation'
		);
	});
});

describe('point 4: a service form with the survey done proposes KCJS', () => {
	it('proposes KCJS from TZJL, and nothing when the survey is not done or KCJS is set', () => {
		const z1 = makeNotification();
		expect(proposeSurveyDone(z1, { surveyDone: true }, assistant, defaultConfiguration)).toEqual({
			code: 'KCJS'
		});
		expect(
			proposeSurveyDone(z1, { surveyDone: false }, assistant, defaultConfiguration)
		).toBeUndefined();
		const surveyed = { ...z1, userStatus: 'KCJS' };
		expect(
			proposeSurveyDone(surveyed, { surveyDone: true }, assistant, defaultConfiguration)
		).toBeUndefined();
		const z2 = makeNotification({ type: 'Z2', route: 'prePayment' });
		expect(
			proposeSurveyDone(z2, { surveyDone: true }, assistant, defaultConfiguration)
		).toBeUndefined();
	});
});
