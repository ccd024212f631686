import { db } from './db';
import {
	addVariant,
	listVariantsSchema,
	variantNameProblem,
	type ListVariant,
	type VariantNameProblem
} from '../domain/list-variant';

const VARIANTS_KEY = 'listVariants';

/** The list variants saved on this device; unreadable ones are left out, never fatal. */
export async function getListVariants(): Promise<ListVariant[]> {
	const parsed = listVariantsSchema.safeParse((await db.settings.get(VARIANTS_KEY))?.value);
	return parsed.success ? parsed.data : [];
}

/** Saves a variant under a new name, checked inside the transaction against those stored. */
export async function saveListVariant(
	variant: ListVariant
): Promise<{ ok: true; variants: ListVariant[] } | { ok: false; problem: VariantNameProblem }> {
	return db.transaction('rw', db.settings, async () => {
		const existing = await getListVariants();
		const problem = variantNameProblem(variant.name, existing);
		if (problem) return { ok: false as const, problem };
		const variants = listVariantsSchema.parse(addVariant(existing, variant));
		await db.settings.put({ key: VARIANTS_KEY, value: variants });
		return { ok: true as const, variants };
	});
}

/** Deletes a variant by name. */
export async function deleteListVariant(name: string): Promise<ListVariant[]> {
	return db.transaction('rw', db.settings, async () => {
		const variants = (await getListVariants()).filter((variant) => variant.name !== name);
		await db.settings.put({ key: VARIANTS_KEY, value: variants });
		return variants;
	});
}
