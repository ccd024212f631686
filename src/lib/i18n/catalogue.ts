import type { zhCN } from './zh-CN';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalogue must have: the zh-CN keys, each a string. */
export type Catalogue = Widen<typeof zhCN>;

type Join<K extends string, P extends string> = `${K}.${P}`;

/** A dotted key of a catalogue leaf, e.g. `nav.list`; a misspelled key fails the type check. */
export type NestedKeyOf<T> = {
	[K in keyof T & string]: T[K] extends string ? K : Join<K, NestedKeyOf<T[K]>>;
}[keyof T & string];

/** Every valid message key. */
export type MessageKey = NestedKeyOf<Catalogue>;

/** Placeholder values for `{name}` in a message. */
export type MessageParams = Record<string, string | number>;

/**
 * The message under a dotted key, or undefined. Keys are often built from data (a field name of an
 * imported file, a typed word), so only the catalogue's own properties count: `constructor` or
 * `__proto__` find nothing instead of the prototype chain.
 */
export function lookup(catalogue: Catalogue, key: string): string | undefined {
	let node: unknown = catalogue;
	for (const part of String(key).split('.')) {
		if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
		node = (node as Record<string, unknown>)[part];
	}
	return typeof node === 'string' ? node : undefined;
}

/** Looks up a dotted key in a catalogue and fills its `{placeholders}`. */
export function format(catalogue: Catalogue, key: MessageKey, params?: MessageParams): string {
	const node = lookup(catalogue, key);
	if (node === undefined) return key;
	if (!params) return node;
	return node.replace(/\{(\w+)\}/g, (match, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : match
	);
}
