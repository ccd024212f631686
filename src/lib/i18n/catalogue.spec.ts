import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/actor';
import { DEMAND_TYPES, ROUTES, SYSTEM_STATUSES } from '../domain/notification';
import { ACTION_KINDS, ESCALATION_TARGETS, REFUSAL_CODES } from '../domain/status/engine';
import { PAYMENT_STATUSES } from '../domain/status/profile';
import { VALIDATION_CODES } from '../domain/validation';
import { format, type Catalogue, type MessageKey } from './catalogue';
import { en } from './en';
import { zhCN } from './zh-CN';

const catalogues: [string, Catalogue][] = [
	['zh-CN', zhCN],
	['en', en]
];

const placeholders = (message: string) =>
	[...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(catalogues)('catalogue %s', (_name, catalogue) => {
	it('has a message naming the field for every validation code', () => {
		for (const code of VALIDATION_CODES) {
			expect(catalogue.validation[code], code).toContain('{field}');
		}
	});

	it('has a message for every refusal code', () => {
		for (const code of REFUSAL_CODES) {
			const message = catalogue.refusal[code];
			expect(message, code).toBeTypeOf('string');
			expect(message.trim(), code).not.toBe('');
		}
		expect(Object.keys(catalogue.refusal).sort()).toEqual([...REFUSAL_CODES].sort());
	});

	it('has a label for every action, system status, role, demand type, route, payment status and escalation target', () => {
		const sections: [Record<string, string>, readonly string[]][] = [
			[catalogue.action, [...ACTION_KINDS, 'print', 'sendMail']],
			[catalogue.systemStatus, [...SYSTEM_STATUSES, 'NOPT']],
			[catalogue.role, ROLES],
			[catalogue.demandType, DEMAND_TYPES],
			[catalogue.route, ROUTES],
			[catalogue.paymentStatus, PAYMENT_STATUSES],
			[catalogue.escalationTarget, ESCALATION_TARGETS]
		];
		for (const [section, keys] of sections) {
			for (const key of keys) expect(section[key], key).toMatch(/\S/);
		}
	});

	it('fills the params of a refusal', () => {
		const key = 'refusal.userStatusRoleRequired' as MessageKey;
		const text = format(catalogue, key, { status: 'ZGPZ', role: 'X' });
		expect(text).toContain('ZGPZ');
		expect(text).not.toMatch(/\{\w+\}/);
	});
});

it('uses the same placeholders in both languages for every refusal', () => {
	for (const code of REFUSAL_CODES) {
		expect(placeholders(en.refusal[code]), code).toEqual(placeholders(zhCN.refusal[code]));
	}
});

it('uses the SAP words of SPEC §11 for the actions', () => {
	expect(zhCN.action).toMatchObject({
		putInProcess: '进行处理',
		postpone: '延期',
		complete: '完成通知',
		reopen: '重新处理',
		print: '打印',
		sendMail: '发送邮件'
	});
	expect(zhCN.systemStatus).toEqual({
		OSNO: '未结',
		NOPR: '正在处理',
		NOPO: '延期',
		NOCO: '已完成',
		NOPT: '已打印'
	});
});
