import { crlf, oneLine, recipientProblems, type MailMessage, type MailProblem } from './message';

/** The longest link offered: some mail clients and browsers cut or refuse longer `mailto:` URLs. */
export const MAX_LINK_LENGTH = 2000;

/**
 * Percent-encodes everything but RFC 3986's unreserved characters, so no text can end the
 * subject, start a header (`&bcc=`), a fragment (`#`) or a second query (`?`).
 */
export function encodeLinkText(text: string): string {
	return encodeURIComponent(text).replace(
		/[!'()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

function encodeAddresses(message: MailMessage, kind: 'to' | 'cc'): string {
	// The "@" stays readable (RFC 6068 §2); everything else of a checked address is encoded anyway.
	return message[kind].map((box) => encodeLinkText(box.address).replace('%40', '@')).join(',');
}

/** The link, the body it carries, and whether that body is the summary rather than the full text. */
export type MailtoResult =
	{ ok: true; href: string; isSummary: boolean } | { ok: false; problems: MailProblem[] };

function linkWith(message: MailMessage, encodedBody: string): string {
	const fields: string[] = [];
	const cc = encodeAddresses(message, 'cc');
	if (cc) fields.push(`cc=${cc}`);
	fields.push(`subject=${encodeLinkText(oneLine(message.subject))}`);
	if (encodedBody) fields.push(`body=${encodedBody}`);
	return `mailto:${encodeAddresses(message, 'to')}?${fields.join('&')}`;
}

const LINE_BREAK = encodeLinkText('\r\n');

/**
 * A `mailto:` link per RFC 6068: recipients in the path, cc, subject and body as encoded header
 * fields. The whole body when the link stays under `maxLength`; otherwise the summary (or the
 * body), cut after the last whole line that fits, ending with `cutMarker`. Refused when even the
 * recipients and subject make the link too long; the other ways out still carry everything.
 */
export function buildMailto(
	message: MailMessage,
	options: { cutMarker: string; maxLength?: number }
): MailtoResult {
	const max = options.maxLength ?? MAX_LINK_LENGTH;
	const problems = recipientProblems(message);
	if (problems.length > 0) return { ok: false, problems };
	const full = linkWith(message, encodeLinkText(crlf(message.body)));
	if (full.length < max) return { ok: true, href: full, isSummary: false };
	const marker = encodeLinkText(crlf(options.cutMarker));
	if (linkWith(message, marker).length >= max) {
		return { ok: false, problems: [{ code: 'linkTooLong', max }] };
	}
	const lines = crlf(message.summary ?? message.body).split('\r\n');
	let budget = max - 1 - linkWith(message, marker).length;
	const kept: string[] = [];
	for (const line of lines) {
		const cost = encodeLinkText(line).length + LINE_BREAK.length;
		if (cost > budget) break;
		kept.push(encodeLinkText(line));
		budget -= cost;
	}
	const body = [...kept, marker].join(LINE_BREAK);
	return { ok: true, href: linkWith(message, body), isSummary: true };
}
