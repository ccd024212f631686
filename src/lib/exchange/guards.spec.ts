import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	findExcessiveDepth,
	findUnsafeValues,
	sha256Hex,
	splitChecksum,
	splitRecords
} from './guards';
import { sealText } from './test-files';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('sha256Hex', () => {
	it('hashes parts incrementally exactly as one buffer', () => {
		const text = '{"a":"售后"}'.repeat(1000);
		const expected = createHash('sha256').update(text).digest('hex');
		const bytes = bytesOf(text);
		expect(sha256Hex([bytes.subarray(0, 7), bytes.subarray(7, 5000), bytes.subarray(5000)])).toBe(
			expected
		);
	});
});

describe('splitChecksum', () => {
	it('finds the body and checksum of a sealed file, with or without a trailing newline', () => {
		const sealed = sealText('{"format":"x"}');
		const text = new TextDecoder().decode(sealed);
		const body = text.slice(0, text.indexOf(',"checksum"'));
		for (const bytes of [sealed, bytesOf(`${text}\n`)]) {
			const split = splitChecksum(bytes);
			expect(new TextDecoder().decode(split?.body)).toBe(body);
			expect(split?.checksum).toBe(createHash('sha256').update(body).digest('hex'));
		}
	});

	it('finds nothing in a file without the checksum member or with a cut-off one', () => {
		const text = new TextDecoder().decode(sealText('{"format":"x"}'));
		expect(splitChecksum(bytesOf('{"format":"x"}'))).toBeUndefined();
		expect(splitChecksum(bytesOf(text.slice(0, -1)))).toBeUndefined();
		expect(splitChecksum(bytesOf(text.replace(/"checksum":"[0-9a-f]/, '"checksum":"Z')))).toBe(
			undefined
		);
	});
});

describe('findExcessiveDepth', () => {
	it('refuses 100,000-deep nesting with a loop, no stack overflow', () => {
		const deep = bytesOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
		expect(findExcessiveDepth(deep, 64)).toBe(64);
	});

	it('ignores brackets inside strings, escaped quotes included', () => {
		const text = `{"a":"[[[[\\"[[[[","b":[[1]]}`;
		expect(findExcessiveDepth(bytesOf(text), 3)).toBe(-1);
		expect(findExcessiveDepth(bytesOf(text), 2)).toBe(text.indexOf('[[1') + 1);
	});
});

describe('findUnsafeValues', () => {
	it('finds forbidden keys and over-long strings with their paths', () => {
		const parsed = JSON.parse(
			'{"list":[{"ok":"x"},{"__proto__":{"polluted":1}}],"deep":{"constructor":{}},"long":"xxxxxx"}'
		);
		expect(findUnsafeValues(parsed, 5, 10)).toEqual(
			expect.arrayContaining([
				{ path: ['list', 1, '__proto__'], problem: 'forbiddenKey', key: '__proto__' },
				{ path: ['deep', 'constructor'], problem: 'forbiddenKey', key: 'constructor' },
				{ path: ['long'], problem: 'stringTooLong', length: 6 }
			])
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('issue 8.2: checks values the app looks things up by, not only keys', () => {
		const parsed = {
			notifications: [
				{ history: [{ kind: 'field', field: 'constructor' }], userStatus: '__proto__' },
				{ history: [{ kind: 'prototype', field: 'description', to: 'constructor' }] }
			]
		};
		expect(findUnsafeValues(parsed, 100, 10)).toEqual([
			{
				path: ['notifications', 1, 'history', 0, 'kind'],
				problem: 'forbiddenKey',
				key: 'prototype'
			},
			{ path: ['notifications', 0, 'userStatus'], problem: 'forbiddenKey', key: '__proto__' },
			{
				path: ['notifications', 0, 'history', 0, 'field'],
				problem: 'forbiddenKey',
				key: 'constructor'
			}
		]);
	});

	it('stops at the limit', () => {
		const parsed = { a: 'xx', b: 'xx', c: 'xx' };
		expect(findUnsafeValues(parsed, 1, 2)).toHaveLength(2);
	});
});

describe('splitRecords', () => {
	/** The parts of a file whose body is `text` without its closing brace. */
	const partsOf = (text: string, perPart = 2) => {
		const bytes = bytesOf(text.slice(0, -1));
		const layout = splitRecords(bytes, 64, perPart);
		if (!layout) return undefined;
		const decode = (start: number, end: number) =>
			new TextDecoder().decode(bytes.subarray(start, end));
		return {
			count: layout.count,
			parts: layout.parts.map(([start, end]) => JSON.parse(`[${decode(start, end)}]`)),
			outside: decode(0, layout.open + 1) + decode(layout.close, bytes.length) + '}'
		};
	};

	it('cuts the notifications into parts that parse alone, leaving the rest of the envelope', () => {
		const text =
			'{"format":"x","masterData":[{"a":[1,2]}],"notifications":[ {"n":"a,]}"}, {"n":[1,{"b":2}]},' +
			'\n{"n":"\\"]"} ,{"n":4},{"n":5}],"counts":{"notifications":5}}';
		const split = partsOf(text);
		expect(split?.count).toBe(5);
		expect(split?.parts).toEqual([
			[{ n: 'a,]}' }, { n: [1, { b: 2 }] }],
			[{ n: '"]' }, { n: 4 }],
			[{ n: 5 }]
		]);
		expect(JSON.parse(split?.outside ?? '')).toEqual({
			format: 'x',
			masterData: [{ a: [1, 2] }],
			notifications: [],
			counts: { notifications: 5 }
		});
	});

	it('counts an empty list and a list of exactly one part', () => {
		expect(partsOf('{"notifications":[ ]}')).toEqual({
			count: 0,
			parts: [],
			outside: '{"notifications":[]}'
		});
		expect(partsOf('{"notifications":[1,2]}')?.parts).toEqual([[1, 2]]);
	});

	it('leaves to the whole-file reader what it cannot cut safely', () => {
		// no list, two lists, a list under another name or spelled with an escape, not a list
		expect(partsOf('{"format":"x"}')).toBeUndefined();
		expect(partsOf('{"notifications":[1],"notifications":[2]}')).toBeUndefined();
		expect(partsOf('{"notif\\u0069cations":[1]}')).toBeUndefined();
		expect(partsOf('{"notifications":{"0":1}}')).toBeUndefined();
		expect(partsOf('{"x":{"notifications":[1]}}')).toBeUndefined();
		// a trailing comma (JSON.parse refuses it; the parts alone would not see it), cut files
		expect(partsOf('{"notifications":[1,2,]}')).toBeUndefined();
		expect(partsOf('{"notifications":[1,2,3,4,]}', 2)).toBeUndefined();
		expect(partsOf('{"notifications":[1,2}')).toBeUndefined();
		expect(partsOf('{"notifications":["a]}}')).toBeUndefined();
		expect(partsOf('{"notifications":[1]}}')).toBeUndefined();
		// deeper than allowed
		expect(splitRecords(bytesOf(`{"notifications":[${'['.repeat(70)}]`), 64, 2)).toBeUndefined();
	});

	it('finds the list whatever the value before it', () => {
		expect(partsOf('{"a":"notifications","notifications":[7]}')?.parts).toEqual([[7]]);
		expect(partsOf('{"a":["notifications"],"notifications":[7]}')?.parts).toEqual([[7]]);
	});
});
