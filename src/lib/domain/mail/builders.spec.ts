import { describe, expect, it } from 'vitest';
import { buildEml, safeFilename } from './eml';
import { buildMailto, encodeLinkText, MAX_LINK_LENGTH } from './mailto';
import type { MailMessage } from './message';
import { plainText } from './text';
import { parseEml, parseMailto } from './test-mail-readers';

const HOSTILE = [
	'<script>alert(1)</script>',
	'line one\r\nBcc: evil@example.com',
	'a&bcc=x@y.example&subject=hijack',
	'?cc=evil@example.com#frag',
	'%0D%0ABcc:%20evil@example.com',
	'\u202Egnp.exe\u202C right-to-left',
	'emoji 🪑🔧 and 𠀀',
	'lone \uD800 surrogate',
	'活动柜被反锁，抽屉打不开。'
];
const LONG = '长'.repeat(10_000);

function message(overrides: Partial<MailMessage> = {}): MailMessage {
	return {
		from: { address: 'centre4002@example.com', name: '上海责任中心\r\nBcc: x@y.example' },
		to: [{ address: 'logistics@example.com', name: '区物流' }, { address: 'log2@example.com' }],
		cc: [{ address: 'purchasing@example.com', name: '采购部 "x" <y@z>' }],
		subject: `【紧急】4002-01-000001 ${HOSTILE.join(' ')}`.slice(0, 140),
		body: [...HOSTILE, LONG, 'last line'].join('\n'),
		isUrgent: true,
		...overrides
	};
}

const expectedText = (text: string) => text.replace('\uD800', '\uFFFD');
const crlfText = (text: string) => expectedText(text).replace(/\r\n|\r|\n/g, '\r\n');

describe('buildMailto', () => {
	it('carries hostile text as text: exactly the intended recipients, cc, subject and body', () => {
		const short = message({ body: HOSTILE.join('\n') });
		const result = buildMailto(short, { cutMarker: '（全文见附件/复制）' });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.isSummary).toBe(false);
		const parsed = parseMailto(result.href);
		expect(parsed.to).toEqual(['logistics@example.com', 'log2@example.com']);
		expect(Object.keys(parsed.headers).sort()).toEqual(['body', 'cc', 'subject']);
		expect(parsed.headers.cc).toEqual(['purchasing@example.com']);
		expect(parsed.headers.subject).toEqual([expectedText(short.subject).replace(/\r\n/g, ' ')]);
		expect(parsed.headers.body).toEqual([crlfText(HOSTILE.join('\n'))]);
		// URL agrees: one protocol, no fragment, the query fields we wrote and no others.
		const url = new URL(result.href);
		expect(url.protocol).toBe('mailto:');
		expect(url.hash).toBe('');
		expect([...url.searchParams.keys()]).toEqual(['cc', 'subject', 'body']);
	});

	it('keeps the link under 2,000 characters: a summary cut at a whole line, with the marker', () => {
		const full = message();
		const summary = ['通知单：4002-01-000001', '完款状况：已完款', LONG, 'never reached'].join(
			'\n'
		);
		const result = buildMailto({ ...full, summary }, { cutMarker: '（全文见附件/复制）' });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.href.length).toBeLessThan(MAX_LINK_LENGTH);
		expect(result.isSummary).toBe(true);
		const body = parseMailto(result.href).headers.body?.[0];
		expect(body).toBe('通知单：4002-01-000001\r\n完款状况：已完款\r\n（全文见附件/复制）');
	});

	it('fills the budget line by line: as many whole lines as fit', () => {
		const lines = Array.from({ length: 400 }, (_, i) => `第${i}行`);
		const result = buildMailto(message({ body: lines.join('\n') }), { cutMarker: '…' });
		if (!result.ok) throw new Error('refused');
		const body = parseMailto(result.href).headers.body![0]!.split('\r\n');
		expect(body.at(-1)).toBe('…');
		expect(body.slice(0, -1)).toEqual(lines.slice(0, body.length - 1));
		expect(result.href.length).toBeLessThan(MAX_LINK_LENGTH);
		// The next line would not have fitted.
		const nextLine = encodeLinkText(`${lines[body.length - 1]}\r\n`).length;
		expect(result.href.length + nextLine).toBeGreaterThanOrEqual(MAX_LINK_LENGTH);
	});

	it('refuses a recipient list that alone would exceed the link limit', () => {
		const many = Array.from({ length: 120 }, (_, i) => ({ address: `person${i}@example.com` }));
		const result = buildMailto(message({ to: many }), { cutMarker: '…' });
		expect(result).toEqual({ ok: false, problems: [{ code: 'linkTooLong', max: 2000 }] });
	});

	it('refuses an invalid address, including one that tries to add a header', () => {
		for (const address of [
			'x@y.example&bcc=evil@example.com',
			'a@b.example\r\nBcc: c@d.example',
			'no-at',
			'a,b@c.example'
		]) {
			const result = buildMailto(message({ to: [{ address }] }), { cutMarker: '…' });
			expect(result).toEqual({ ok: false, problems: [{ code: 'invalidAddress', address }] });
		}
	});

	it('asks for a subject, and at most 150 characters of it', () => {
		expect(buildMailto(message({ subject: ' \r\n ' }), { cutMarker: '…' })).toEqual({
			ok: false,
			problems: [{ code: 'subjectRequired' }]
		});
		expect(buildMailto(message({ subject: '主'.repeat(151) }), { cutMarker: '…' })).toEqual({
			ok: false,
			problems: [{ code: 'subjectTooLong', max: 150 }]
		});
	});

	it('offers a link without recipients (the user picks them in the mail client)', () => {
		const result = buildMailto(message({ to: [], cc: [], body: 'x' }), { cutMarker: '…' });
		expect(result.ok && parseMailto(result.href)).toEqual({
			to: [],
			headers: { subject: [expect.any(String)], body: ['x'] }
		});
	});
});

describe('buildEml', () => {
	const NOW = new Date('2001-03-07T01:00:00.000Z');

	it('is a draft (X-Unsent: 1) with exactly the intended headers, whatever the text holds', () => {
		const result = buildEml(message(), { now: NOW });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const eml = parseEml(result.text);
		expect(Object.keys(eml.headers).sort()).toEqual(
			[
				'cc',
				'content-transfer-encoding',
				'content-type',
				'date',
				'from',
				'importance',
				'message-id',
				'mime-version',
				'subject',
				'to',
				'x-priority',
				'x-unsent'
			].sort()
		);
		for (const values of Object.values(eml.headers)) expect(values).toHaveLength(1);
		expect(eml.headers['x-unsent']).toEqual(['1']);
		expect(eml.headers['x-priority']).toEqual(['1']);
		expect(eml.headers.importance).toEqual(['High']);
		expect(eml.headers.date).toEqual(['Wed, 07 Mar 2001 01:00:00 +0000']);
		expect(eml.headers.to![0]).toMatch(/<logistics@example\.com>,\s*<log2@example\.com>$/);
		expect(eml.headers.cc![0]).toMatch(/<purchasing@example\.com>$/);
		expect(eml.headers.from![0]).toMatch(
			/^=\?utf-8\?B\?[A-Za-z0-9+/=]+\?= <centre4002@example\.com>$/
		);
		expect(eml.subject).toBe(expectedText(message().subject).replace(/\r\n/g, ' '));
		expect(eml.headers['content-type']![0]).toBe('text/plain; charset=UTF-8');
		expect(eml.text).toBe(crlfText(message().body));
		// Every line within RFC 5322's limit, even with 10,000 characters of text.
		for (const line of result.text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
	});

	it('has no priority headers when not urgent', () => {
		const result = buildEml(message({ isUrgent: false }), { now: NOW });
		const eml = result.ok ? parseEml(result.text) : undefined;
		expect(eml?.headers['x-priority']).toBeUndefined();
		expect(eml?.headers.importance).toBeUndefined();
		expect(eml?.headers['x-unsent']).toEqual(['1']);
	});

	it('carries attachments byte for byte, with a file name that cannot break its header', () => {
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
		const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
		const result = buildEml(message(), {
			now: NOW,
			attachments: [
				{ filename: '4002-01-000001.pdf', contentType: 'application/pdf', bytes: pdf },
				{ filename: 'x"\r\nBcc: y@z.example.bin', contentType: 'bad\r\ntype', bytes }
			]
		});
		if (!result.ok) throw new Error('refused');
		const eml = parseEml(result.text);
		expect(eml.headers['content-type']![0]).toMatch(/^multipart\/mixed;/);
		expect(eml.headers.bcc).toBeUndefined();
		expect(eml.text).toBe(crlfText(message().body));
		expect(eml.attachments.map((a) => [a.filename, a.contentType])).toEqual([
			['4002-01-000001.pdf', 'application/pdf'],
			['x___Bcc__y_z.example.bin', 'application/octet-stream']
		]);
		expect(eml.attachments[0]!.bytes).toEqual(pdf);
		expect(eml.attachments[1]!.bytes).toEqual(bytes);
		for (const line of result.text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
	});

	it('needs a valid sender address and valid recipients', () => {
		expect(buildEml(message({ from: undefined }), { now: NOW })).toEqual({
			ok: false,
			problems: [{ code: 'senderMissing' }]
		});
		expect(buildEml(message({ from: { address: 'a@b\r\nBcc: c@d' } }), { now: NOW })).toEqual({
			ok: false,
			problems: [{ code: 'invalidAddress', address: 'a@b\r\nBcc: c@d' }]
		});
	});

	it('makes safe file names', () => {
		expect(safeFilename('../../etc/passwd')).toBe('_.._etc_passwd');
		expect(safeFilename('通知单.pdf')).toBe('___.pdf');
		expect(safeFilename('')).toBe('attachment');
	});
});

describe('plainText', () => {
	it('carries recipients, subject and the whole body, hostile text included', () => {
		const text = plainText(message(), { to: '收件人：', cc: '抄送：', subject: '主题：' });
		const [to, cc, subject, blank, ...body] = text.split('\n');
		expect(to).toBe('收件人：logistics@example.com, log2@example.com');
		expect(cc).toBe('抄送：purchasing@example.com');
		expect(subject).toBe(`主题：${expectedText(message().subject).replace(/\r\n/g, ' ')}`);
		expect(blank).toBe('');
		expect(body.join('\n')).toBe(crlfText(message().body).replace(/\r\n/g, '\n'));
	});
});
