import { createMimeMessage } from 'mimetext/browser';
import {
	crlf,
	isMailAddress,
	oneLine,
	recipientProblems,
	wellFormed,
	type MailAttachment,
	type MailMessage,
	type MailProblem
} from './message';

/** Base64 of bytes in lines of 76 characters (RFC 2045), so no line of the file gets too long. */
export function base64Lines(bytes: Uint8Array): string {
	let binary = '';
	for (let start = 0; start < bytes.length; start += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
	}
	return (btoa(binary).match(/.{1,76}/g) ?? []).join('\r\n');
}

/** A file name that cannot break out of its quoted header parameter. */
export function safeFilename(name: string): string {
	const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
	return safe.slice(0, 100) || 'attachment';
}

const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/** RFC 5322 date, e.g. "Wed, 07 Mar 2001 09:00:00 +0000". */
function mailDate(now: Date): string {
	return now.toUTCString().replace('GMT', '+0000');
}

/** The .eml text, or why it cannot be made. */
export type EmlResult = { ok: true; text: string } | { ok: false; problems: MailProblem[] };

/**
 * An RFC 5322 message built with mimetext: UTF-8, the subject as an encoded word, the body and
 * attachments in base64 (so no text of a notification can start a header or a MIME part), and
 * `X-Unsent: 1` so that Outlook opens it as a draft to send. Urgent messages carry
 * `X-Priority: 1` and `Importance: High`. Needs a sender: mimetext requires `From`.
 */
export function buildEml(
	message: MailMessage,
	options: { now: Date; attachments?: readonly MailAttachment[] }
): EmlResult {
	const problems = recipientProblems(message);
	if (!message.from?.address) problems.push({ code: 'senderMissing' });
	else if (!isMailAddress(message.from.address)) {
		problems.push({ code: 'invalidAddress', address: message.from.address });
	}
	if (problems.length > 0 || !message.from) return { ok: false, problems };
	const mime = createMimeMessage();
	const mailbox = (box: { address: string; name?: string }) =>
		box.name ? { addr: box.address, name: oneLine(box.name) } : { addr: box.address };
	mime.setSender(mailbox(message.from));
	if (message.to.length > 0) mime.setTo(message.to.map(mailbox));
	if (message.cc.length > 0) mime.setCc(message.cc.map(mailbox));
	mime.setSubject(oneLine(message.subject));
	mime.setHeader('Date', mailDate(options.now));
	mime.setHeader('X-Unsent', '1');
	if (message.isUrgent) {
		mime.setHeader('X-Priority', '1');
		mime.setHeader('Importance', 'High');
	}
	mime.addMessage({
		contentType: 'text/plain',
		charset: 'UTF-8',
		encoding: 'base64',
		data: base64Lines(new TextEncoder().encode(crlf(message.body)))
	});
	for (const attachment of options.attachments ?? []) {
		const contentType = CONTENT_TYPE.test(attachment.contentType)
			? attachment.contentType
			: 'application/octet-stream';
		mime.addAttachment({
			filename: safeFilename(wellFormed(attachment.filename)),
			contentType,
			data: base64Lines(attachment.bytes)
		});
	}
	return { ok: true, text: mime.asRaw() };
}
