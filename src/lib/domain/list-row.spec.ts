import { describe, expect, it } from 'vitest';
import { searchable, toListRow, toListRowLoosely, TEXT_SEPARATOR } from './list-row';
import type { Notification } from './notification';
import { makeActor, makeNotification, TEST_CREATED_AT } from './test-factories';

describe('list projection', () => {
	it('keeps the lean columns and the searchable text, never the history', () => {
		const notification = makeNotification({
			isUrgent: true,
			longText: [
				{ at: TEST_CREATED_AT.toISOString(), author: makeActor(), text: '抽屉锁缺货、请购。' }
			]
		});
		const row = toListRow(notification);
		expect(row).toMatchObject({
			number: notification.number,
			description: '活动柜锁坏',
			systemStatus: 'OSNO',
			urgent: 1,
			printed: 0,
			dispatched: 0,
			completedAt: ''
		});
		expect(row.text.split(TEXT_SEPARATOR)).toContain('抽屉锁缺货、请购。');
		expect(row).not.toHaveProperty('history');
	});

	it('marks a dispatched urgent notification and a completion date', () => {
		const base = makeNotification();
		const row = toListRow({
			...base,
			systemStatus: 'NOCO',
			completion: { at: '2001-03-09T08:00:00.000Z' },
			history: [...base.history, { ...base.history[0]!, kind: 'dispatched' }]
		});
		expect(row.dispatched).toBe(1);
		expect(row.completedAt).toBe('2001-03-09T08:00:00.000Z');
	});

	it('normalises full-width Latin and case, keeps rare characters, drops lone surrogates', () => {
		expect(searchable('ＡＢＣ Lock')).toBe('abc lock');
		expect(searchable('𠀀𪚥')).toBe('𠀀𪚥');
		expect(searchable('a\uD800b\uDC00c')).toBe('abc');
	});

	it('projects a record that is not whole instead of failing an upgrade', () => {
		const odd = { number: '4002-01-000001', centre: '4002' } as unknown as Notification;
		expect(toListRowLoosely(odd)).toMatchObject({ number: '4002-01-000001', text: '' });
	});
});
