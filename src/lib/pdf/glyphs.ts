/** A piece of text going into a PDF and where it appears, in words the user knows. */
export interface PlacedText {
	where: string;
	text: string;
}

/** A character the font has no glyph for, and the places it occurs. */
export interface MissingGlyph {
	char: string;
	/** `U+9F91`, so an invisible character (a direction override) can be named too. */
	codePoint: string;
	places: string[];
}

/** What stands in for a character the font lacks, so nothing vanishes silently. */
export const PLACEHOLDER = '〓';

/** Line breaks and tabs are layout, not glyphs. */
const LAYOUT = new Set([0x0a, 0x0d, 0x09]);

function isDrawable(point: number, codePoints: ReadonlySet<number>): boolean {
	return LAYOUT.has(point) || codePoints.has(point);
}

/** Every character of the texts that the font cannot draw, in order of first appearance. */
export function findMissingGlyphs(
	texts: Iterable<PlacedText>,
	codePoints: ReadonlySet<number>
): MissingGlyph[] {
	const missing = new Map<number, MissingGlyph>();
	for (const { where, text } of texts) {
		for (const char of text) {
			const point = char.codePointAt(0)!;
			if (isDrawable(point, codePoints)) continue;
			const entry = missing.get(point) ?? {
				char,
				codePoint: `U+${point.toString(16).toUpperCase().padStart(4, '0')}`,
				places: []
			};
			if (!entry.places.includes(where)) entry.places.push(where);
			missing.set(point, entry);
		}
	}
	return [...missing.values()];
}

/** The text as it is drawn: each character the font lacks becomes the visible placeholder (〓). */
export function withPlaceholders(text: string, codePoints: ReadonlySet<number>): string {
	let result = '';
	for (const char of text.replace(/\r\n?/g, '\n').replaceAll('\t', ' ')) {
		result += isDrawable(char.codePointAt(0)!, codePoints) ? char : PLACEHOLDER;
	}
	return result;
}

/** Fills `{name}` placeholders of a label. */
export function fill(template: string, params: object): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) =>
		Object.hasOwn(params, name) ? String((params as Record<string, unknown>)[name]) : match
	);
}
