import { describe, expect, it } from 'vitest';
import { deviceIdentitySchema } from './identity';
import { actorSchema } from './actor';
import { masterRecordSchema } from './master-data';
import { toFieldIssues } from './validation';

function issuesOf(input: unknown) {
	const result = deviceIdentitySchema.safeParse(input);
	return result.success ? [] : toFieldIssues(result.error);
}

describe('device identity', () => {
	it('accepts the seed centre 4002 with device 01', () => {
		expect(
			deviceIdentitySchema.parse({
				centreCode: '4002',
				centreName: '上海服务中心',
				deviceCode: '01'
			})
		).toEqual({
			centreCode: '4002',
			centreName: '上海服务中心',
			deviceCode: '01'
		});
	});

	it('names every missing field as required', () => {
		expect(
			issuesOf({ centreCode: '', centreName: '', deviceCode: '' }).map((i) => [i.path, i.code])
		).toEqual([
			['centreCode', 'required'],
			['centreName', 'required'],
			['deviceCode', 'required']
		]);
		expect(issuesOf({}).map((i) => i.code)).toEqual(['required', 'required', 'required']);
	});

	it('refuses codes of the wrong shape with a pattern issue', () => {
		expect(issuesOf({ centreCode: '40021', centreName: 'x', deviceCode: '1' })).toEqual([
			{ path: 'centreCode', code: 'pattern', params: {} },
			{ path: 'deviceCode', code: 'pattern', params: {} }
		]);
	});

	it('limits the centre name to 40 characters', () => {
		expect(issuesOf({ centreCode: '4002', centreName: '中'.repeat(41), deviceCode: '01' })).toEqual(
			[{ path: 'centreName', code: 'tooLong', params: { max: 40 } }]
		);
	});
});

describe('issue 8.7: names count characters, not UTF-16 units', () => {
	it('a centre name, a person and a customer of 40 rare characters pass; 41 do not', () => {
		const forty = '𠀀'.repeat(40);
		expect(
			deviceIdentitySchema.safeParse({ centreCode: '4002', centreName: forty, deviceCode: '01' })
				.success
		).toBe(true);
		expect(actorSchema.safeParse({ code: '202', name: forty, role: 'staff' }).success).toBe(true);
		expect(actorSchema.safeParse({ code: '202', name: `${forty}𪚥`, role: 'staff' }).success).toBe(
			false
		);
		const customer = { kind: 'customer', code: '27', name: forty, address: '上海' };
		expect(masterRecordSchema.safeParse(customer).success).toBe(true);
	});
});
