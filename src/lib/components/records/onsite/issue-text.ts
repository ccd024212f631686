import { isRecordValidationCode, type RecordFieldIssue } from '$lib/domain/records/issues';
import { t, type MessageKey } from '$lib/i18n';

/** The message of a refused field of an on-site form, naming the field. */
export function issueText(issue: RecordFieldIssue, field: string): string {
	const key = isRecordValidationCode(issue.code)
		? `records.validation.${issue.code}`
		: `validation.${issue.code}`;
	return t(key as MessageKey, { field, hint: '', ...issue.params });
}
