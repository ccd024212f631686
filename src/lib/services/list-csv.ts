/** The byte order mark that makes Excel and WPS read a CSV file as UTF-8 (Chinese intact). */
export const UTF8_BOM = '\uFEFF';

/**
 * A CSV file of rows: a header line, then one line per row, UTF-8 with a BOM. A cell that starts
 * with = + - @, a tab or a carriage return is neutralised (PapaParse's `escapeFormulae` puts a quote
 * mark before it), so a spreadsheet shows it as text and never runs it as a formula. PapaParse
 * loads on first use, not with the list.
 */
export async function buildCsv(
	header: readonly string[],
	rows: readonly (readonly string[])[]
): Promise<string> {
	const { default: Papa } = await import('papaparse');
	return (
		UTF8_BOM +
		Papa.unparse([header as string[], ...(rows as string[][])], {
			escapeFormulae: true,
			newline: '\r\n',
			quotes: false
		})
	);
}
