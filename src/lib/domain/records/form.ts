import type { RecordFieldIssue } from './issues';
import { fenToInput, parseFen } from './money';
import type {
	EvaluationFields,
	InvoiceFields,
	PartsFields,
	QuoteFields,
	QuoteState
} from './record';

// The forms of the desk's records hold what was typed, as text; these turn it into fields, with
// the typed amounts parsed exactly (fen) and a typed quantity read as a whole number or refused.

/** A typed whole number, or NaN for anything else (the schema then says `notANumber`). */
export function parseWholeNumber(text: string): number {
	const trimmed = text.trim();
	if (trimmed === '') return Number.NaN;
	return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What a form turns into: the fields to validate and save, and the typing issues found already. */
export interface FormResult<F> {
	fields: F;
	issues: RecordFieldIssue[];
}

function moneyIssue(path: string, text: string): { fen: number; issue?: RecordFieldIssue } {
	const parsed = parseFen(text);
	if (parsed.ok) return { fen: parsed.fen };
	const { code } = parsed.issue;
	const params = 'params' in parsed.issue ? parsed.issue.params : {};
	return { fen: Number.NaN, issue: { path, code, params } };
}

/** The parts form as typed. */
export interface PartsForm {
	lines: { material: string; quantity: string; note: string }[];
	isDrawn: boolean;
}

/** Parts fields from the form. */
export function partsFromForm(form: PartsForm): FormResult<PartsFields> {
	return {
		fields: {
			lines: form.lines.map((line) => ({
				material: line.material,
				quantity: parseWholeNumber(line.quantity),
				note: line.note
			})),
			isDrawn: form.isDrawn
		},
		issues: []
	};
}

/** The parts form of stored fields. */
export function partsToForm(fields: PartsFields): PartsForm {
	return {
		lines: fields.lines.map((line) => ({ ...line, quantity: String(line.quantity) })),
		isDrawn: fields.isDrawn
	};
}

/** The quote form as typed: unit prices in yuan ("45.50"). */
export interface QuoteForm {
	lines: { item: string; quantity: string; unitPrice: string }[];
	state: QuoteState;
	sentOn: string;
	decidedOn: string;
	rejectionReason: string;
}

/** Quote fields from the form; a unit price that is no amount is refused at its line. */
export function quoteFromForm(form: QuoteForm): FormResult<QuoteFields> {
	const issues: RecordFieldIssue[] = [];
	const lines = form.lines.map((line, index) => {
		const price = moneyIssue(`lines.${index}.unitPriceFen`, line.unitPrice);
		if (price.issue) issues.push(price.issue);
		return {
			item: line.item,
			quantity: parseWholeNumber(line.quantity),
			unitPriceFen: price.fen
		};
	});
	return {
		fields: {
			lines,
			state: form.state,
			sentOn: form.sentOn,
			decidedOn: form.decidedOn,
			rejectionReason: form.rejectionReason
		},
		issues
	};
}

/** The quote form of stored fields. */
export function quoteToForm(fields: QuoteFields): QuoteForm {
	return {
		...fields,
		lines: fields.lines.map((line) => ({
			item: line.item,
			quantity: String(line.quantity),
			unitPrice: fenToInput(line.unitPriceFen)
		}))
	};
}

/** The invoice form as typed. */
export interface InvoiceForm {
	number: string;
	amount: string;
	date: string;
	mismatchReason: string;
}

/**
 * Invoice fields from the form. When the amount differs from the accepted quote's total
 * (`expectedFen`), a reason is asked (warn, allow with a reason); a matching amount keeps none.
 */
export function invoiceFromForm(
	form: InvoiceForm,
	expectedFen: number | undefined
): FormResult<InvoiceFields> {
	const amount = moneyIssue('amountFen', form.amount);
	const issues = amount.issue ? [amount.issue] : [];
	const isMismatch = !amount.issue && expectedFen !== undefined && amount.fen !== expectedFen;
	const reason = form.mismatchReason.trim();
	if (isMismatch && !reason) issues.push({ path: 'mismatchReason', code: 'amountMismatch' });
	return {
		fields: {
			number: form.number,
			amountFen: amount.fen,
			date: form.date,
			...(isMismatch ? { mismatchReason: reason } : {})
		},
		issues
	};
}

/** Whether an amount typed differs from the accepted quote's total (the form's warning). */
export function isAmountMismatch(amountText: string, expectedFen: number | undefined): boolean {
	const parsed = parseFen(amountText);
	return parsed.ok && expectedFen !== undefined && parsed.fen !== expectedFen;
}

/** The invoice form of stored fields. */
export function invoiceToForm(fields: InvoiceFields): InvoiceForm {
	return {
		number: fields.number,
		amount: fenToInput(fields.amountFen),
		date: fields.date,
		mismatchReason: fields.mismatchReason ?? ''
	};
}

/** The evaluation form as typed. */
export interface EvaluationForm {
	rating: string;
	comment: string;
	followUpDate: string;
	followedUpAt: string;
}

/** Evaluation fields from the form; empty follow-up fields are left out. */
export function evaluationFromForm(form: EvaluationForm): FormResult<EvaluationFields> {
	return {
		fields: {
			rating: parseWholeNumber(form.rating),
			comment: form.comment,
			...(form.followUpDate ? { followUpDate: form.followUpDate } : {}),
			...(form.followedUpAt ? { followedUpAt: form.followedUpAt } : {})
		},
		issues: []
	};
}

/** The evaluation form of stored fields. */
export function evaluationToForm(fields: EvaluationFields): EvaluationForm {
	return {
		rating: String(fields.rating),
		comment: fields.comment,
		followUpDate: fields.followUpDate ?? '',
		followedUpAt: fields.followedUpAt ?? ''
	};
}
