import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CHECKSUM_MEMBER, CHECKSUM_TAIL_BYTES } from './format';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MEMBER_BYTES = new TextEncoder().encode(CHECKSUM_MEMBER);
const HASH_STEP = 4 * 1024 * 1024;

/** Keys that could reach an object's prototype if any code ever merged a record into another. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype'
]);

/** SHA-256 of byte parts in order, as lowercase hex; `onProgress` gets the bytes hashed so far. */
export function sha256Hex(
	parts: Iterable<Uint8Array>,
	onProgress?: (hashedBytes: number) => void
): string {
	const hash = sha256.create();
	let hashed = 0;
	for (const part of parts) {
		for (let start = 0; start < part.length; start += HASH_STEP) {
			const piece = part.subarray(start, start + HASH_STEP);
			hash.update(piece);
			hashed += piece.length;
			onProgress?.(hashed);
		}
	}
	return bytesToHex(hash.digest());
}

/**
 * SHA-256 of bytes as lowercase hex, by the platform where it has Web Crypto (a secure context:
 * native, several times faster), else in JS. Web Crypto hashes one buffer, not a stream.
 */
export async function sha256HexOf(bytes: Uint8Array): Promise<string> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) return sha256Hex([bytes]);
	const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
	return bytesToHex(digest);
}

function isWhitespace(byte: number | undefined): boolean {
	return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isLowerHex(byte: number | undefined): boolean {
	return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66));
}

/**
 * Splits a file into the bytes its checksum covers and the checksum, when it ends (after optional
 * whitespace) with `,"checksum":"<64 lowercase hex>"}`; undefined when it does not.
 */
export function splitChecksum(
	bytes: Uint8Array
): { body: Uint8Array; checksum: string } | undefined {
	let end = bytes.length;
	while (end > 0 && isWhitespace(bytes[end - 1])) end -= 1;
	const start = end - CHECKSUM_TAIL_BYTES;
	if (start < 1 || bytes[end - 1] !== CLOSE_BRACE || bytes[end - 2] !== QUOTE) return undefined;
	for (let i = 0; i < MEMBER_BYTES.length; i += 1) {
		if (bytes[start + i] !== MEMBER_BYTES[i]) return undefined;
	}
	const hexStart = start + MEMBER_BYTES.length;
	for (let i = hexStart; i < end - 2; i += 1) if (!isLowerHex(bytes[i])) return undefined;
	const checksum = new TextDecoder().decode(bytes.subarray(hexStart, end - 2));
	return { body: bytes.subarray(0, start), checksum };
}

/**
 * The byte offset where JSON text first nests deeper than `max` arrays/objects, or -1. A plain loop
 * over the bytes (brackets inside strings ignored), so 100,000-deep input never reaches a parser
 * or walk that could overflow the stack. UTF-8 continuation bytes never equal these ASCII bytes.
 */
export function findExcessiveDepth(bytes: Uint8Array, max: number): number {
	let depth = 0;
	let isInString = false;
	for (let i = 0; i < bytes.length; i += 1) {
		const byte = bytes[i];
		if (isInString) {
			if (byte === BACKSLASH) i += 1;
			else if (byte === QUOTE) isInString = false;
		} else if (byte === QUOTE) {
			isInString = true;
		} else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
			depth += 1;
			if (depth > max) return i;
		} else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
			depth -= 1;
		}
	}
	return -1;
}

/**
 * Members whose values the app uses as keys of lookups: a `__proto__`, `constructor` or
 * `prototype` there is refused like such a key (the lookups also read own properties only).
 */
const KEY_VALUED: ReadonlySet<string> = new Set([
	'field',
	'kind',
	'code',
	'type',
	'userStatus',
	'systemStatus',
	'route',
	'demandType',
	'profileId'
]);

/** A value that must not be imported: a forbidden key or an over-long string, with its path. */
export interface UnsafeValue {
	path: (string | number)[];
	problem: 'forbiddenKey' | 'stringTooLong';
	key?: string;
	length?: number;
}

interface Frame {
	value: object;
	parent: Frame | undefined;
	key: string | number;
}

function pathOf(frame: Frame | undefined, last: string | number): (string | number)[] {
	const path = [last];
	for (let f = frame; f?.parent; f = f.parent) path.unshift(f.key);
	return path;
}

/**
 * Every forbidden key and over-long string in a parsed value, up to `limit`. Iterative (an explicit
 * stack), and only containers get a frame, so a 100k-record file costs little more than a walk.
 */
export function findUnsafeValues(root: unknown, maxString: number, limit: number): UnsafeValue[] {
	const found: UnsafeValue[] = [];
	if (root === null || typeof root !== 'object') return found;
	const stack: Frame[] = [{ value: root, parent: undefined, key: '' }];
	while (stack.length > 0 && found.length < limit) {
		const frame = stack.pop() as Frame;
		const isArray = Array.isArray(frame.value);
		const keys = isArray ? undefined : Object.keys(frame.value);
		const size = isArray ? (frame.value as unknown[]).length : (keys as string[]).length;
		for (let i = 0; i < size; i += 1) {
			const key = isArray ? i : (keys as string[])[i]!;
			if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
				found.push({ path: pathOf(frame, key), problem: 'forbiddenKey', key });
				if (found.length >= limit) break;
				continue;
			}
			const child = (frame.value as Record<string | number, unknown>)[key];
			// A value the app looks things up by (a history entry's field, a status code) is a key too.
			if (typeof child === 'string' && KEY_VALUED.has(key as string) && FORBIDDEN_KEYS.has(child)) {
				found.push({ path: pathOf(frame, key), problem: 'forbiddenKey', key: child });
				if (found.length >= limit) break;
				continue;
			}
			if (typeof child === 'string' && child.length > maxString) {
				found.push({ path: pathOf(frame, key), problem: 'stringTooLong', length: child.length });
				if (found.length >= limit) break;
			} else if (child !== null && typeof child === 'object') {
				stack.push({ value: child, parent: frame, key });
			}
		}
	}
	return found;
}

const COMMA = 0x2c;
const COLON = 0x3a;
const NOTIFICATIONS_KEY = new TextEncoder().encode('"notifications"');

/** Where a file's records lie, as `splitRecords` found them in one pass over its bytes. */
export interface RecordLayout {
	/** Offsets of the `[` and `]` of the top-level `notifications` array. */
	open: number;
	close: number;
	/** How many elements the array has. */
	count: number;
	/** Byte ranges [start, end) of consecutive parts of `perPart` elements each (the last may be shorter). */
	parts: [number, number][];
}

function sameBytes(bytes: Uint8Array, start: number, expected: Uint8Array): boolean {
	for (let i = 0; i < expected.length; i += 1) if (bytes[start + i] !== expected[i]) return false;
	return true;
}

/**
 * One loop over a file's body — its bytes before the checksum member, so the envelope without its
 * closing brace — (as `findExcessiveDepth`, strings skipped): finds the top-level
 * `notifications` array and cuts its elements into parts of `perPart`, at the commas between
 * elements, so each part parses on its own (`[` + part + `]`). Undefined for anything the plain
 * reader must judge instead: nesting deeper than `maxDepth`, no such array or two of them, a
 * top-level string with an escape (a key could then spell `notifications` another way).
 */
export function splitRecords(
	bytes: Uint8Array,
	maxDepth: number,
	perPart: number
): RecordLayout | undefined {
	let depth = 0;
	let isInString = false;
	let stringStart = -1;
	let hasEscape = false;
	/** The last top-level string ended here and was `"notifications"` (a key, if a colon follows). */
	let keyEnd = -1;
	let isNotificationsValue = false;
	let layout: RecordLayout | undefined;
	let partStart = -1;
	let elements = 0;
	let inPart = 0;
	let hasElement = false;
	/** A comma between elements was the last thing in the array: `[…,]` is not JSON. */
	let isAfterComma = false;
	const length = bytes.length;
	for (let i = 0; i < length; i += 1) {
		if (isInString) {
			// Most bytes are inside strings, most strings are short: a plain loop to the closing
			// quote (measured: half the time of two native searches per string).
			while (i < length) {
				const inside = bytes[i];
				if (inside === QUOTE) break;
				if (inside === BACKSLASH) {
					if (depth === 1) hasEscape = true;
					i += 1;
				}
				i += 1;
			}
			if (i >= length) break;
		}
		const byte = bytes[i];
		if (isInString) {
			if (byte === QUOTE) {
				isInString = false;
				if (depth === 1) {
					const isKey =
						i + 1 - stringStart === NOTIFICATIONS_KEY.length &&
						sameBytes(bytes, stringStart, NOTIFICATIONS_KEY);
					keyEnd = isKey ? i : -1;
				}
			}
			continue;
		}
		if (byte === QUOTE) {
			isInString = true;
			stringStart = i;
			if (depth === 1) isNotificationsValue = false;
			if (depth === 2 && layout && layout.close < 0) {
				hasElement = true;
				isAfterComma = false;
			}
		} else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
			if (depth === 1 && isNotificationsValue && byte === OPEN_BRACKET) {
				if (layout) return undefined;
				layout = { open: i, close: -1, count: 0, parts: [] };
				partStart = i + 1;
			} else if (depth === 2 && layout && layout.close < 0) {
				hasElement = true;
				isAfterComma = false;
			}
			isNotificationsValue = false;
			depth += 1;
			if (depth > maxDepth) return undefined;
		} else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
			depth -= 1;
			if (depth === 1 && layout && layout.close < 0) {
				if (isAfterComma) return undefined;
				layout.close = i;
				if (hasElement) {
					elements += 1;
					layout.parts.push([partStart, i]);
				}
				layout.count = elements;
			}
		} else if (byte === COLON && depth === 1) {
			isNotificationsValue = keyEnd >= 0;
			keyEnd = -1;
		} else if (byte === COMMA && depth === 2 && layout && layout.close < 0) {
			elements += 1;
			inPart += 1;
			isAfterComma = true;
			if (inPart === perPart) {
				layout.parts.push([partStart, i]);
				partStart = i + 1;
				inPart = 0;
				hasElement = false;
			}
		} else if (depth === 2 && layout && layout.close < 0 && !isWhitespace(byte)) {
			hasElement = true;
			isAfterComma = false;
		} else if (depth === 1 && !isWhitespace(byte) && byte !== COMMA) {
			isNotificationsValue = false;
		}
	}
	// The body ends where the checksum member begins: inside the envelope, one level deep.
	if (!layout || layout.close < 0 || hasEscape || depth !== 1 || isInString) return undefined;
	return layout;
}
