import { VALIDATION_CODES, type ValidationCode } from '../validation';
import type { z } from '../zod';
import { RECORD_VALIDATION_CODES, type RecordValidationCode } from './record';

/** A refused field of a linked record's form: its path, and a code of `validation.*` or `records.validation.*`. */
export interface RecordFieldIssue {
	path: string;
	code: ValidationCode | RecordValidationCode;
	params?: Record<string, string | number>;
}

const GENERAL = new Set<string>(VALIDATION_CODES);
const OWN = new Set<string>(RECORD_VALIDATION_CODES);

/** Whether an issue's message is one of the records' own (`records.validation.<code>`). */
export function isRecordValidationCode(code: string): code is RecordValidationCode {
	return OWN.has(code) && !GENERAL.has(code);
}

/** zod issues of a record's form as field issues; each schema check names its code as its message. */
export function toRecordIssues(error: z.ZodError): RecordFieldIssue[] {
	return error.issues.map((issue) => {
		const path = issue.path.map(String).join('.');
		let code: RecordFieldIssue['code'];
		if (GENERAL.has(issue.message) || OWN.has(issue.message)) {
			code = issue.message as RecordFieldIssue['code'];
		} else if (issue.code === 'invalid_type' && issue.input === undefined) code = 'required';
		else if (issue.code === 'invalid_type') code = 'notANumber';
		else code = 'invalid';
		const params: Record<string, string | number> = {};
		const source = issue as { maximum?: unknown; minimum?: unknown; params?: unknown };
		if (typeof source.maximum === 'number') params.max = source.maximum;
		if (typeof source.minimum === 'number') params.min = source.minimum;
		const custom = source.params as Record<string, unknown> | undefined;
		if (typeof custom?.max === 'number') params.max = custom.max;
		return { path, code, params };
	});
}

/** The first issue of each field, keyed by path. */
export function recordIssuesByPath(
	issues: readonly RecordFieldIssue[]
): Record<string, RecordFieldIssue> {
	const byPath: Record<string, RecordFieldIssue> = {};
	for (const issue of issues) byPath[issue.path] ??= issue;
	return byPath;
}
