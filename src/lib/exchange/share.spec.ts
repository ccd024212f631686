import { describe, expect, it } from 'vitest';
import { makeNumbered } from './test-files';
import { shareActors } from './share';

describe('shareActors', () => {
	it('makes equal actors one object, and leaves the records equal to what they were', () => {
		const records = [1, 2, 3].map((sequence) =>
			makeNumbered(sequence, {
				longText: [
					{
						at: '2001-03-07T08:00:00.000Z',
						author: { code: '101', name: '李娜', role: 'assistant' },
						text: '锁坏了'
					}
				]
			})
		);
		const before = structuredClone(records);
		shareActors(records);
		expect(records).toEqual(before);
		const [first, second] = records;
		expect(second!.createdBy).toBe(first!.createdBy);
		expect(second!.history[0]!.actor).toBe(first!.history[0]!.actor);
		expect(second!.longText[0]!.author).toBe(first!.longText[0]!.author);
		// The structured clone between threads keeps them shared.
		const [cloned] = [structuredClone(records)];
		expect(cloned[1]!.history[0]!.actor).toBe(cloned[0]!.history[0]!.actor);
	});

	it('keeps apart actors that differ, or carry members of a newer app', () => {
		const records = [
			makeNumbered(1, { createdBy: { code: '101', name: '李娜', role: 'assistant' } }),
			makeNumbered(2, { createdBy: { code: '101', name: '李娜', role: 'staff' } }),
			makeNumbered(3, {
				createdBy: { code: '101', name: '李娜', role: 'assistant', phone: '1380' } as never
			}),
			makeNumbered(4, {
				createdBy: { code: '101', name: '李娜', role: 'assistant', phone: '1380' } as never
			})
		];
		shareActors(records);
		expect(records[1]!.createdBy).not.toBe(records[0]!.createdBy);
		expect(records[2]!.createdBy).not.toBe(records[0]!.createdBy);
		expect(records[3]!.createdBy).not.toBe(records[2]!.createdBy);
		expect(records[2]!.createdBy).toEqual({
			code: '101',
			name: '李娜',
			role: 'assistant',
			phone: '1380'
		});
	});
});
