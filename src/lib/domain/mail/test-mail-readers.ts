/**
 * Readers for tests (vitest and Playwright): a small RFC 6068 parser for `mailto:` links and a
 * small RFC 5322/MIME parser for .eml files, written from the RFCs rather than with the builders'
 * code, so a builder's mistake is not read back as correct.
 */

/** A `mailto:` link read back: recipients, header fields and body, decoded. */
export interface ParsedMailto {
	to: string[];
	headers: Record<string, string[]>;
}

/** Reads a `mailto:` link as RFC 6068 §2 defines it. */
export function parseMailto(href: string): ParsedMailto {
	if (!href.startsWith('mailto:')) throw new Error('not a mailto link');
	if (href.includes('#')) throw new Error('a fragment in a mailto link');
	const rest = href.slice('mailto:'.length);
	const question = rest.indexOf('?');
	const path = question === -1 ? rest : rest.slice(0, question);
	const query = question === -1 ? '' : rest.slice(question + 1);
	const to = path === '' ? [] : path.split(',').map(decodeURIComponent);
	const headers: Record<string, string[]> = {};
	for (const field of query === '' ? [] : query.split('&')) {
		const equals = field.indexOf('=');
		if (equals === -1) throw new Error(`a header field without "=": ${field}`);
		const name = decodeURIComponent(field.slice(0, equals)).toLowerCase();
		(headers[name] ??= []).push(decodeURIComponent(field.slice(equals + 1)));
	}
	return { to, headers };
}

/** One MIME part: its headers (names lower-cased, unfolded) and its raw content. */
export interface ParsedPart {
	headers: Record<string, string[]>;
	content: string;
}

/** An .eml read back: top-level headers, the decoded subject, text body and attachments. */
export interface ParsedEml extends ParsedPart {
	subject: string;
	text: string;
	attachments: { filename: string; contentType: string; bytes: Uint8Array }[];
}

function splitHeaders(raw: string): ParsedPart {
	const end = raw.indexOf('\r\n\r\n');
	if (end === -1) throw new Error('no blank line after the headers');
	const head = raw.slice(0, end);
	if (/[^\r]\n|\r[^\n]/.test(head)) throw new Error('a bare CR or LF in the headers');
	const headers: Record<string, string[]> = {};
	for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon <= 0) throw new Error(`not a header line: ${line}`);
		const name = line.slice(0, colon).toLowerCase();
		if (!/^[!-9;-~]+$/.test(name)) throw new Error(`bad header name: ${name}`);
		(headers[name] ??= []).push(line.slice(colon + 1).trim());
	}
	return { headers, content: raw.slice(end + 4) };
}

function base64Bytes(text: string): Uint8Array {
	const binary = atob(text.replace(/\s+/g, ''));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Decodes RFC 2047 encoded words (B and Q) in a header value. */
export function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(
			/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
			(_m, charset: string, kind: string, text: string) => {
				const bytes =
					kind.toUpperCase() === 'B'
						? base64Bytes(text)
						: Uint8Array.from(
								text
									.replace(/_/g, ' ')
									.replace(/=([0-9A-F]{2})/gi, (_q, hex: string) =>
										String.fromCharCode(parseInt(hex, 16))
									),
								(char) => char.charCodeAt(0)
							);
				return new TextDecoder(charset).decode(bytes);
			}
		);
}

function parameter(value: string, name: string): string | undefined {
	return new RegExp(`${name}="?([^";]+)"?`, 'i').exec(value)?.[1];
}

function decodeContent(part: ParsedPart): Uint8Array {
	const encoding = (part.headers['content-transfer-encoding']?.[0] ?? '7bit').toLowerCase();
	if (encoding === 'base64') return base64Bytes(part.content);
	return new TextEncoder().encode(part.content);
}

/** Reads an .eml: headers, multipart/mixed parts, base64 or plain content. */
export function parseEml(raw: string): ParsedEml {
	const top = splitHeaders(raw);
	const subject = decodeWords(top.headers.subject?.[0] ?? '');
	const type = top.headers['content-type']?.[0] ?? 'text/plain';
	let parts: ParsedPart[] = [top];
	if (type.toLowerCase().startsWith('multipart/')) {
		const boundary = parameter(type, 'boundary');
		if (!boundary) throw new Error('multipart without a boundary');
		const sections = top.content.split(`--${boundary}`);
		if (!sections.at(-1)?.startsWith('--')) throw new Error('no closing boundary');
		parts = sections
			.slice(1, -1)
			.map((section) => splitHeaders(section.replace(/^\r\n/, '').replace(/\r\n$/, '')));
	}
	let text = '';
	const attachments: ParsedEml['attachments'] = [];
	for (const part of parts) {
		const partType = part.headers['content-type']?.[0] ?? 'text/plain';
		const disposition = part.headers['content-disposition']?.[0] ?? '';
		if (disposition.startsWith('attachment')) {
			attachments.push({
				filename: parameter(disposition, 'filename') ?? '',
				contentType: partType.split(';')[0]!.trim(),
				bytes: decodeContent(part)
			});
		} else if (partType.toLowerCase().startsWith('text/plain')) {
			text = new TextDecoder('utf-8').decode(decodeContent(part));
		}
	}
	return { ...top, subject, text, attachments };
}
