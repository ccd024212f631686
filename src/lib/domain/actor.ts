import { atMost } from './text';
import { z } from './zod';

/** The roles of a responsibility centre (SPEC §1). */
export const ROLES = ['assistant', 'staff', 'supervisor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Who does something on this device: a person of the centre in one role. */
export const actorSchema = z.looseObject({
	code: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required', abort: true })
		.refine(atMost(12), { error: 'tooLong', params: { max: 12 } }),
	name: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required', abort: true })
		.refine(atMost(40), { error: 'tooLong', params: { max: 40 } }),
	role: roleSchema
});
export type Actor = z.infer<typeof actorSchema>;

/** Someone not yet named on this device: may look, and the rules say what they could do. */
export const ANONYMOUS_ACTOR: Actor = { code: '-', name: '-', role: 'assistant' };
