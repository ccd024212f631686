import { describe, expect, it } from 'vitest';
import { groupMasterData, masterRecordSchema, type MasterRecord } from '../master-data';
import { ROUTES } from '../notification';
import { sampleMasterData } from '../sample-data';
import { makeActor, makeNotification } from '../test-factories';
import {
	departmentRecipients,
	dispatchMessage,
	escalationMessage,
	notificationMailText,
	proposedDepartment,
	telLink,
	type NotificationMailContext
} from './escalation';
import { buildMailto, MAX_LINK_LENGTH } from './mailto';
import { buildEml } from './eml';
import { parseEml, parseMailto } from './test-mail-readers';

const LABELS = {
	urgentMark: '【紧急】',
	number: '通知单',
	type: '通知类型',
	paymentStatus: '完款状况',
	customer: '客户',
	phone: '电话',
	objectAddress: '对象地址',
	description: '通知单描述',
	route: '处理方式',
	requiredStart: '需要的起始',
	requiredEnd: '预期的终止',
	responsible: '负责人',
	items: '项目',
	longText: '通知单长文本',
	separator: '：'
};

const data = groupMasterData(sampleMasterData());

function context(masterData = data): NotificationMailContext {
	return {
		masterData,
		typeText: 'Z1 客户服务通知',
		paymentStatusText: '已完款',
		routeText: '向总部询报价',
		labels: LABELS
	};
}

const entry = (text: string, day = 7) => ({
	at: new Date(2001, 2, day, 10, 0).toISOString(),
	author: makeActor('staff'),
	text
});

describe('proposedDepartment: the route → the department, as the seed has it', () => {
	it('proposes the centre’s regional logistics on all three routes beyond the centre', () => {
		for (const route of ROUTES) {
			expect(proposedDepartment(route, data, 'LOG'), route).toBe(
				route === 'local' ? undefined : 'LOG'
			);
		}
	});

	it('proposes nothing when the centre has not named it, or it is gone from master data', () => {
		expect(proposedDepartment('hqQuote', data, '')).toBeUndefined();
		expect(proposedDepartment('hqQuote', data, 'GONE')).toBeUndefined();
	});
});

describe('departmentRecipients', () => {
	it('takes every to and cc address of the chosen departments, each once', () => {
		const records: MasterRecord[] = [
			...sampleMasterData(),
			masterRecordSchema.parse({
				kind: 'department',
				code: 'LOG2',
				name: '区物流二',
				emailTo: ['a@example.com', 'logistics@example.com'],
				emailCc: ['boss@example.com']
			})
		];
		const result = departmentRecipients(['LOG', 'LOG2'], ['PUR'], groupMasterData(records));
		expect(result.to.map((box) => box.address)).toEqual(['logistics@example.com', 'a@example.com']);
		expect(result.cc.map((box) => box.address)).toEqual([
			'boss@example.com',
			'purchasing@example.com'
		]);
		expect(result.withoutAddress).toEqual([]);
	});

	it('reads a department stored with one legacy `email`, and names one without any', () => {
		const legacy = { ...sampleMasterData()[0]!, kind: 'department', code: 'OLD', name: '旧部门' };
		const stored = [
			{ ...legacy, emailTo: undefined, emailCc: undefined, email: 'old@example.com' },
			{ ...legacy, code: 'NONE', emailTo: [], emailCc: [] }
		] as unknown as MasterRecord[];
		const result = departmentRecipients(['OLD', 'NONE', 'MISSING'], [], groupMasterData(stored));
		expect(result.to).toEqual([{ address: 'old@example.com', name: '旧部门' }]);
		expect(result.withoutAddress).toEqual(['NONE', 'MISSING']);
	});
});

describe('notificationMailText', () => {
	const notification = makeNotification({
		isUrgent: true,
		route: 'hqQuote',
		functionalLocation: '27-01',
		longText: [entry('活动柜被反锁，\n抽屉打不开。'), entry('抽屉锁缺货、请购。', 8)]
	});

	it('has the urgent mark, the number and the description in the subject', () => {
		expect(notificationMailText(notification, context()).subject).toBe(
			'【紧急】通知单 4002-01-000021 活动柜锁坏'
		);
		expect(notificationMailText({ ...notification, isUrgent: false }, context()).subject).toBe(
			'通知单 4002-01-000021 活动柜锁坏'
		);
	});

	it('lays out the body as label：value lines, payment status and every long-text entry included', () => {
		const { body, summary } = notificationMailText(notification, context());
		expect(body.split('\n')).toEqual([
			'通知单：4002-01-000021',
			'通知类型：Z1 客户服务通知',
			'完款状况：已完款',
			'客户：27 申齐保健食品有限公司',
			'电话：021-6488 1234',
			'对象地址：上海市浦东新区张江路 500 号 3 号库',
			'通知单描述：活动柜锁坏',
			'处理方式：向总部询报价',
			'需要的起始：2001/03/07',
			'预期的终止：2001/03/08',
			'负责人：202 王敏 138-0000-0202',
			'项目：',
			'  1. 06 / A / 100056,1 / 1 / OEM厂商',
			'通知单长文本：',
			'  [2001/03/07 10:00 王敏]',
			'  活动柜被反锁，',
			'  抽屉打不开。',
			'  [2001/03/08 10:00 王敏]',
			'  抽屉锁缺货、请购。'
		]);
		// The summary: the head and only the latest long-text entry.
		expect(summary.split('\n').slice(-3)).toEqual([
			'通知单长文本：',
			'  [2001/03/08 10:00 王敏]',
			'  抽屉锁缺货、请购。'
		]);
		expect(summary).toContain('完款状况：已完款');
		expect(summary).not.toContain('需要的起始');
	});

	it('sends hostile long text as text: link under 2,000 with the summary, .eml with all of it', () => {
		const hostile = makeNotification({
			isUrgent: true,
			longText: [
				entry('<script>x</script>\r\nBcc: evil@example.com &bcc=x@y.example %0D%0A ?# \u202E 🪑'),
				entry('长'.repeat(3_900))
			]
		});
		const recipients = departmentRecipients(['LOG'], ['PUR'], data);
		const message = escalationMessage(hostile, context(), {
			...recipients,
			from: { address: 'centre4002@example.com', name: '上海责任中心' }
		});
		const link = buildMailto(message, { cutMarker: '（全文见附件/复制）' });
		if (!link.ok) throw new Error('refused');
		expect(link.href.length).toBeLessThan(MAX_LINK_LENGTH);
		const parsed = parseMailto(link.href);
		expect(parsed.to).toEqual(['logistics@example.com']);
		expect(parsed.headers.cc).toEqual(['purchasing@example.com']);
		expect(parsed.headers.bcc).toBeUndefined();
		expect(parsed.headers.subject).toEqual(['【紧急】通知单 4002-01-000021 活动柜锁坏']);
		const body = parsed.headers.body![0]!;
		expect(body).toContain('完款状况：已完款');
		expect(body.endsWith('（全文见附件/复制）')).toBe(true);
		const eml = buildEml(message, { now: new Date('2001-03-09T02:30:00Z') });
		if (!eml.ok) throw new Error('refused');
		const read = parseEml(eml.text);
		expect(read.headers.bcc).toBeUndefined();
		expect(read.text).toContain('长'.repeat(3_900));
		expect(read.text).toContain('  Bcc: evil@example.com &bcc=x@y.example %0D%0A ?# \u202E 🪑');
	});
});

describe('dispatchMessage and telLink', () => {
	it('writes a short message to the person responsible, urgent', () => {
		const staff = masterRecordSchema.parse({
			kind: 'staff',
			code: '202',
			name: '王敏',
			phone: '138-0000-0202',
			emailTo: ['wangmin@example.com']
		});
		const masterData = groupMasterData([
			...sampleMasterData().filter((r) => r.kind !== 'staff'),
			staff
		]);
		const message = dispatchMessage(makeNotification({ isUrgent: true }), context(masterData));
		expect(message.to).toEqual([{ address: 'wangmin@example.com', name: '王敏' }]);
		expect(message.isUrgent).toBe(true);
		expect(message.body.split('\n')).toEqual([
			'通知单：4002-01-000021',
			'客户：27 申齐保健食品有限公司',
			'电话：021-6488 1234',
			'对象地址：上海市徐汇区漕溪北路 88 号 12 楼',
			'通知单描述：活动柜锁坏'
		]);
	});

	it('makes tel: links of phone numbers as master data writes them', () => {
		expect(telLink('021-6488 1234')).toBe('tel:02164881234');
		expect(telLink('+86 138 0000 0202')).toBe('tel:+8613800000202');
		expect(telLink('')).toBeUndefined();
		expect(telLink('call me')).toBeUndefined();
	});
});
