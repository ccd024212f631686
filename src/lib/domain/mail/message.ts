import { z } from '../zod';

/**
 * One e-mail address as the app accepts it (zod's e-mail rule: no spaces, quotes, commas, angle
 * brackets or line breaks), so an address can never carry a second recipient or a header.
 */
export const mailAddressSchema = z.email({ error: 'pattern' }).max(254, { error: 'tooLong' });

/** Whether a text is one acceptable e-mail address. */
export function isMailAddress(text: string): boolean {
	return mailAddressSchema.safeParse(text).success;
}

/** A recipient or sender: the address and, for the .eml, a display name. */
export interface Mailbox {
	address: string;
	name?: string;
}

/** A file that travels with the .eml (the notification sheet PDF, photos later). */
export interface MailAttachment {
	filename: string;
	contentType: string;
	bytes: Uint8Array;
}

/**
 * A message before it leaves the app: the model every builder (mailto link, .eml file, plain text)
 * takes, whatever the message is about (an escalation, an urgent dispatch, a follow-up later).
 * `summary` is what the link carries when the whole body would make it too long.
 */
export interface MailMessage {
	from?: Mailbox;
	to: Mailbox[];
	cc: Mailbox[];
	subject: string;
	body: string;
	summary?: string;
	isUrgent: boolean;
}

/** The most characters a subject may have: its encoded line stays within RFC 5322's 998. */
export const MAX_SUBJECT_LENGTH = 150;

/** Why a message cannot go out one way; each has a message `mail.problem.<code>`. */
export type MailProblem =
	| { code: 'noRecipient' }
	| { code: 'invalidAddress'; address: string }
	| { code: 'subjectRequired' }
	| { code: 'subjectTooLong'; max: number }
	| { code: 'senderMissing' }
	| { code: 'linkTooLong'; max: number };

/** Lone UTF-16 surrogates (which no encoder accepts) become U+FFFD; everything else stays. */
export function wellFormed(text: string): string {
	return text.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD'
	);
}

/** A subject on one line: every line break or other control character becomes a space. */
export function oneLine(text: string): string {
	// Control characters are what the subject must lose, so the pattern names them on purpose.
	// eslint-disable-next-line no-control-regex
	const controls = /[\u0000-\u001F\u007F\u2028\u2029]+/g;
	return wellFormed(text).replace(controls, ' ').trim();
}

/** Line breaks as CRLF, as RFC 5322 and RFC 6068 want them in a body. */
export function crlf(text: string): string {
	return wellFormed(text).replace(/\r\n|\r|\n/g, '\r\n');
}

/** Problems common to every way out: recipients and subject. */
export function recipientProblems(message: MailMessage): MailProblem[] {
	const problems: MailProblem[] = [];
	const subject = oneLine(message.subject);
	if (subject === '') problems.push({ code: 'subjectRequired' });
	if ([...subject].length > MAX_SUBJECT_LENGTH) {
		problems.push({ code: 'subjectTooLong', max: MAX_SUBJECT_LENGTH });
	}
	for (const box of [...message.to, ...message.cc]) {
		if (!isMailAddress(box.address))
			problems.push({ code: 'invalidAddress', address: box.address });
	}
	return problems;
}
