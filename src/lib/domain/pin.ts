import { z } from './zod';

/** A supervisor PIN as stored: a salted PBKDF2-SHA-256 hash, never the PIN itself. */
export const pinHashSchema = z.object({
	algorithm: z.literal('PBKDF2-SHA-256'),
	iterations: z.number().int().min(10_000),
	salt: z.string().min(16),
	hash: z.string().min(32)
});
export type PinHash = z.infer<typeof pinHashSchema>;

/** A PIN is 4 to 8 digits. */
export const pinSchema = z
	.string({ error: 'required' })
	.min(1, { error: 'required', abort: true })
	.regex(/^\d{4,8}$/, { error: 'pattern' });

const ITERATIONS = 210_000;

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

async function derive(
	pin: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		256
	);
	return new Uint8Array(bits);
}

/** Hashes a new PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = ITERATIONS): Promise<PinHash> {
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const hash = await derive(pin, salt, iterations);
	return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Whether a PIN matches the stored hash (compared in constant time). */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
	const hash = await derive(pin, fromBase64(stored.salt), stored.iterations);
	const expected = fromBase64(stored.hash);
	if (hash.length !== expected.length) return false;
	let difference = 0;
	for (let i = 0; i < hash.length; i++) difference |= (hash[i] ?? 0) ^ (expected[i] ?? 0);
	return difference === 0;
}
