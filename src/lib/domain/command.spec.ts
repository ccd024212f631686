import { describe, expect, it } from 'vitest';
import { parseCommand } from './command';

describe('parseCommand', () => {
	it.each([
		['IW51', '/notifications/new'],
		['iw51', '/notifications/new'],
		['/nIW51', '/notifications/new'],
		['IW59', '/notifications'],
		['ZSMR006', '/work-plan'],
		['IW53 4002-01-000021', '/notifications/4002-01-000021'],
		['IW52 4002-01-000021', '/notifications/4002-01-000021?mode=change'],
		['  IW53   1000021 ', '/notifications/1000021'],
		['4002-01-000021', '/notifications/4002-01-000021'],
		['创建通知', '/notifications/new'],
		['工作计划表', '/work-plan'],
		['Work plan', '/work-plan'],
		['设置', '/settings'],
		['导出', '/exchange']
	])('%s leads to %s', (input, path) => {
		expect(parseCommand(input)).toEqual({ kind: 'navigate', path });
	});

	it('asks for a number when IW52 or IW53 has none', () => {
		expect(parseCommand('IW53')).toEqual({ kind: 'needsNumber', code: 'IW53' });
		expect(parseCommand('iw52 ')).toEqual({ kind: 'needsNumber', code: 'IW52' });
		expect(parseCommand('IW53 <script>')).toEqual({ kind: 'needsNumber', code: 'IW53' });
	});

	it('issue 8.2: words like constructor or __proto__ lead nowhere (no prototype lookup)', () => {
		for (const input of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
			expect(parseCommand(input)).toEqual({ kind: 'unknown', input });
		}
	});

	it('reports unknown codes instead of ignoring them', () => {
		expect(parseCommand('VA01')).toEqual({ kind: 'unknown', input: 'VA01' });
		expect(parseCommand('')).toEqual({ kind: 'unknown', input: '' });
	});
});
