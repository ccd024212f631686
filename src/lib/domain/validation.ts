import type { z } from './zod';

/** Why a field was refused; the UI turns each into a message that names the field. */
export const VALIDATION_CODES = [
	'required',
	'pattern',
	'tooLong',
	'invalidDate',
	'endBeforeStart',
	'notANumber',
	'negative',
	'unknownCode',
	'routeMismatch',
	'invalid'
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** One refused field: its path in the record (e.g. `items.0.reasonCode`) and why. */
export interface FieldIssue {
	path: string;
	code: ValidationCode;
	params?: Record<string, string | number>;
}

const KNOWN_CODES = new Set<string>(VALIDATION_CODES);

/**
 * Turns zod issues into field issues. Schemas set `error: '<code>'` on each check, so the message
 * of an issue is its code; anything else (a wrong type) becomes `required` or `invalid`.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => {
		const path = issue.path.map(String).join('.');
		let code: ValidationCode;
		if (KNOWN_CODES.has(issue.message)) code = issue.message as ValidationCode;
		else if (issue.code === 'invalid_type' && issue.input === undefined) code = 'required';
		else code = 'invalid';
		const params: Record<string, string | number> = {};
		if (issue.code === 'too_big' && typeof issue.maximum === 'number') params.max = issue.maximum;
		// Limits in characters are refinements that carry their maximum as a param.
		if (issue.code === 'custom' && typeof issue.params?.max === 'number') {
			params.max = issue.params.max;
		}
		return { path, code, params };
	});
}

/** The first issue of each field, keyed by path, as forms show them next to the field. */
export function issuesByPath(issues: readonly FieldIssue[]): Record<string, FieldIssue> {
	const byPath: Record<string, FieldIssue> = {};
	for (const issue of issues) byPath[issue.path] ??= issue;
	return byPath;
}
