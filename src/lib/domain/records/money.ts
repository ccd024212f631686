/**
 * Money as integer fen (分): 12.34 CNY is 1234. Sums and products are integer arithmetic, never
 * floating point, so a total is exact to the fen.
 */

/** The largest unit price or amount a record takes: 10,000,000.00 CNY. */
export const MAX_FEN = 1_000_000_000;

/** The largest quantity of one line. */
export const MAX_QUANTITY = 9999;

/** Why a typed amount was refused. */
export type MoneyIssue =
	| { code: 'required' }
	| { code: 'notANumber' }
	| { code: 'negative' }
	| { code: 'tooPrecise' }
	| { code: 'tooLarge'; params: { max: string } };

/** What parsing a typed amount gives: fen, or why not. */
export type MoneyParse = { ok: true; fen: number } | { ok: false; issue: MoneyIssue };

const AMOUNT = /^(\d+)(?:\.(\d*))?$/;

/**
 * Parses an amount as a person types it ("12.34", "12.3", "12", "¥ 1,234.50") into fen, exactly:
 * the digits are read as text, never through a float. More than two decimals, a negative amount or
 * more than MAX_FEN are refused with the reason.
 */
export function parseFen(text: string): MoneyParse {
	const cleaned = text
		.trim()
		.replace(/^[¥￥]\s*/, '')
		.replaceAll(',', '')
		.replaceAll('，', '');
	if (cleaned === '') return { ok: false, issue: { code: 'required' } };
	if (/^-\s*\d/.test(cleaned)) return { ok: false, issue: { code: 'negative' } };
	const match = AMOUNT.exec(cleaned);
	if (!match) return { ok: false, issue: { code: 'notANumber' } };
	const whole = match[1]!.replace(/^0+(?=\d)/, '');
	const decimals = match[2] ?? '';
	if (decimals.length > 2) return { ok: false, issue: { code: 'tooPrecise' } };
	const tooLarge: MoneyParse = {
		ok: false,
		issue: { code: 'tooLarge', params: { max: formatFen(MAX_FEN) } }
	};
	// More digits than MAX_FEN's yuan could ever have: refuse before Number() loses precision.
	if (whole.length > 8) return tooLarge;
	const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
	return fen > MAX_FEN ? tooLarge : { ok: true, fen };
}

/** Fen as yuan with two decimals and thousands separators: 123456 → "1,234.56". */
export function formatFen(fen: number): string {
	const sign = fen < 0 ? '-' : '';
	const abs = Math.abs(fen);
	const yuan = Math.floor(abs / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as a form field shows it for editing, without separators: 123456 → "1234.56". */
export function fenToInput(fen: number): string {
	return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** One priced line: quantity × unit price in fen, an exact integer. */
export function lineTotalFen(line: { quantity: number; unitPriceFen: number }): number {
	return line.quantity * line.unitPriceFen;
}

/** The total of priced lines in fen: an integer sum of integer products (exact below 2^53). */
export function totalFen(lines: readonly { quantity: number; unitPriceFen: number }[]): number {
	return lines.reduce((sum, line) => sum + lineTotalFen(line), 0);
}
