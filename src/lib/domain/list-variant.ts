import { characterCount } from './text';
import { z } from './zod';

/** The longest name of a list variant, in characters. */
export const MAX_VARIANT_NAME = 40;

/**
 * A saved list variant: a named selection with its sort and column layout, kept as the list URL's
 * query. Variants belong to the device (a person's habit), never to the exported data.
 */
export const listVariantSchema = z.object({
	name: z
		.string()
		.min(1)
		.refine((name) => characterCount(name) <= MAX_VARIANT_NAME),
	query: z.string().max(10_000),
	isDefault: z.boolean()
});
export type ListVariant = z.infer<typeof listVariantSchema>;

export const listVariantsSchema = z.array(listVariantSchema).max(100);

/** Why a variant name cannot be saved, or undefined when it can. */
export type VariantNameProblem =
	{ code: 'required' } | { code: 'tooLong'; max: number } | { code: 'taken'; name: string };

export function variantNameProblem(
	name: string,
	existing: readonly ListVariant[]
): VariantNameProblem | undefined {
	const trimmed = name.trim();
	if (!trimmed) return { code: 'required' };
	if (characterCount(trimmed) > MAX_VARIANT_NAME) return { code: 'tooLong', max: MAX_VARIANT_NAME };
	if (existing.some((variant) => variant.name === trimmed)) return { code: 'taken', name: trimmed };
	return undefined;
}

/** The variants with one more; a new default takes the mark from the old one. */
export function addVariant(existing: readonly ListVariant[], variant: ListVariant): ListVariant[] {
	const others = variant.isDefault
		? existing.map((other) => ({ ...other, isDefault: false }))
		: [...existing];
	return [...others, { ...variant, name: variant.name.trim() }];
}

/** The default variant, if one is marked. */
export function defaultVariant(variants: readonly ListVariant[]): ListVariant | undefined {
	return variants.find((variant) => variant.isDefault);
}
