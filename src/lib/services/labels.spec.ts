import { inLocale } from '$lib/i18n';
import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '$lib/domain/configuration';
import { makeItem } from '$lib/domain/test-factories';
import { fieldLabel, fieldValueText, historyText } from './labels';

const text = (entry: Parameters<typeof historyText>[0]) =>
	historyText(entry, defaultConfiguration, 'Z1');

describe('history in words (issue 8.12): labels and values in the user’s language, never JSON', () => {
	it('issue 13: a saved linked record is named by its kind and id', () => {
		const id = '4002-01-000021-S1-01';
		expect(text({ kind: 'record', field: 'serviceForm', from: '', to: id })).toBe(
			`家具服务单 ${id} 已建立`
		);
		expect(text({ kind: 'record', field: 'serviceForm', from: id, to: id })).toBe(
			`家具服务单 ${id} 已保存`
		);
		expect(inLocale('en', () => text({ kind: 'record', field: 'invoice', from: '', to: id }))).toBe(
			`Service invoice (ZFW) ${id} created`
		);
		expect(text({ kind: 'record', field: 'newerKind', to: id })).toBe('其他变更（record）');
	});

	it('an item change reads as the items’ fields with their labels', () => {
		const line = text({
			kind: 'field',
			field: 'items',
			from: '[]',
			to: JSON.stringify([makeItem(), makeItem({ materialQuantity: '100057,2', reasonText: '' })])
		});
		expect(line).toBe(
			'项目：没有项目。 → 项目 1：产品大类 06，主色码 A，文本（物料号,数量） 100056,1，原因代码 1，原因正文 OEM厂商；项目 2：产品大类 06，主色码 A，文本（物料号,数量） 100057,2，原因代码 1'
		);
		expect(line).not.toMatch(/[{}"]/);
	});

	it('dates read as 2001/03/07, flags as yes/no, codes with their labels', () => {
		expect(
			text({ kind: 'field', field: 'requiredEnd', from: '2001-03-08', to: '2001-03-20' })
		).toBe('预期的终止：2001/03/08 → 2001/03/20');
		expect(text({ kind: 'field', field: 'isUrgent', from: 'false', to: 'true' })).toBe(
			'紧急：否 → 是'
		);
		expect(text({ kind: 'field', field: 'route', from: 'local', to: 'hqQuote' })).toContain('→');
		expect(text({ kind: 'field', field: 'route', from: 'local', to: 'hqQuote' })).not.toContain(
			'hqQuote'
		);
	});

	it('a settled conflict names the field, the value kept and the value not kept', () => {
		expect(
			text({ kind: 'conflict', field: 'requiredEnd', from: '2001-03-08', to: '2001-03-20' })
		).toBe('导入冲突（预期的终止）：采用 2001/03/20，未采用 2001/03/08');
		const status = JSON.stringify({
			systemStatus: 'NOPR',
			userStatus: 'KCJS',
			userStatusDates: {}
		});
		const lost = JSON.stringify({ systemStatus: 'NOCO', userStatus: 'TZJL', userStatusDates: {} });
		const line = text({ kind: 'conflict', field: 'status', from: lost, to: status });
		expect(line).toContain('KCJS 勘察结束');
		expect(line).toContain('NOCO');
		expect(line).not.toMatch(/[{}"]/);
	});

	it('a merge lists the fields taken from the other device; a renumbering names both numbers', () => {
		expect(text({ kind: 'merge', field: 'status,requiredEnd' })).toBe(
			'合并了两个设备的修改（状态（系统状态和用户状态）、预期的终止）'
		);
		expect(text({ kind: 'renumbered', from: '4002-01-000001', to: '4002-03-000001' })).toBe(
			'编号冲突：通知单编号由 4002-01-000001 改为 4002-03-000001'
		);
	});

	it('a kind written by a newer app reads as another change', () => {
		expect(text({ kind: 'signature', field: 'x', to: 'y' })).toBe('其他变更（signature）');
	});
});

describe('lookups by keys from data follow no prototype (issue 8.2)', () => {
	it('a history field named constructor, toString or __proto__ is shown as it is', () => {
		for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
			expect(fieldLabel(field)).toBe(field);
			expect(text({ kind: 'field', field, from: 'a', to: 'b' })).toBe(`${field}：a → b`);
		}
		expect(text({ kind: 'constructor' })).toBe('其他变更（constructor）');
		expect(text({ kind: 'escalation', to: 'constructor' })).toBe('上报：constructor');
	});

	it('values read with labels only for the catalogue’s own keys', () => {
		expect(fieldValueText('route', 'constructor', defaultConfiguration, 'Z1')).toBe('constructor');
		expect(fieldValueText('systemStatus', 'toString', defaultConfiguration, 'Z1')).toBe('toString');
	});
});

describe('printing in the history', () => {
	it('names the work plan a notification was printed in, in the language asked for', () => {
		const entry = {
			kind: 'printed',
			field: 'workPlan',
			from: '',
			to: 'NOPT',
			reason: '2001/03/07–2001/03/08'
		};
		expect(text(entry)).toBe('已在工作计划表 2001/03/07–2001/03/08 中打印');
		expect(inLocale('en', () => text(entry))).toBe('Printed in work plan 2001/03/07–2001/03/08');
		expect(text({ kind: 'printed', from: '', to: 'NOPT' })).toBe('已打印');
	});
});
