import { crlf, oneLine, type MailMessage } from './message';

/**
 * The message as plain text to paste into any mail client or chat: recipients, subject and the
 * whole body, line breaks as the platform's clipboard takes them (LF).
 */
export function plainText(
	message: MailMessage,
	labels: { to: string; cc: string; subject: string }
): string {
	const lines = [`${labels.to}${message.to.map((box) => box.address).join(', ')}`];
	if (message.cc.length > 0)
		lines.push(`${labels.cc}${message.cc.map((b) => b.address).join(', ')}`);
	lines.push(
		`${labels.subject}${oneLine(message.subject)}`,
		'',
		crlf(message.body).replace(/\r\n/g, '\n')
	);
	return lines.join('\n');
}
