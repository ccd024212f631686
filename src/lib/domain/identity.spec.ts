import { describe, expect, it } from 'vitest';
import { deviceIdentitySchema } from './identity';
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
