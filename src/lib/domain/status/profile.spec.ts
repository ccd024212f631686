import { describe, expect, it } from 'vitest';
import { defaultConfiguration } from '../configuration';
import {
	CONFIGURATION_ISSUE_CODES,
	approvedStatusesOf,
	initialStatusOf,
	initialUserStatusOf,
	nextStatusesOf,
	parseConfiguration,
	paymentStatusOf,
	profileOfType,
	reachableFrom,
	resolveStatusCode,
	statusProfileSchema,
	typeOf,
	type ConfigurationIssue,
	type StatusProfile
} from './profile';
import z1Json from './profiles/z1.json';

const z1 = profileOfType(defaultConfiguration, 'Z1') as StatusProfile;
const z2 = profileOfType(defaultConfiguration, 'Z2') as StatusProfile;

const codes = (statuses: { code: string }[]) => statuses.map((status) => status.code);

describe('default configuration (SM01)', () => {
	it('has Z1 客户服务通知 (paid) and Z2 交货异常 (unpaid), each with its profile', () => {
		expect(
			defaultConfiguration.types.map((type) => [type.code, type.label.zh, type.paymentStatus])
		).toEqual([
			['Z1', '客户服务通知', 'paid'],
			['Z2', '交货异常', 'unpaid']
		]);
		expect(z1.id).toBe('sm01-z1');
		expect(z2.id).toBe('sm01-z2');
		expect(codes(z1.statuses)).toEqual(['TZJL', 'KCJS', 'ZGPZ', 'BPZ', 'ZBHF']);
		expect(codes(z2.statuses)).toEqual(['TZJL', 'HFYY', 'HWSD', 'HWTH']);
	});

	it('derives the payment status from the type', () => {
		expect(paymentStatusOf(defaultConfiguration, 'Z1')).toBe('paid');
		expect(paymentStatusOf(defaultConfiguration, 'Z2')).toBe('unpaid');
		expect(paymentStatusOf(defaultConfiguration, 'Z9')).toBeUndefined();
	});

	it('finds types and profiles, or nothing for an unknown type', () => {
		expect(typeOf(defaultConfiguration, 'Z2')?.label.en).toBe('Delivery exception');
		expect(typeOf(defaultConfiguration, 'Z9')).toBeUndefined();
		expect(profileOfType(defaultConfiguration, 'Z9')).toBeUndefined();
	});

	it('starts both types in TZJL 通知建立', () => {
		expect(initialStatusOf(z1).label.zh).toBe('通知建立');
		expect(initialUserStatusOf(defaultConfiguration, 'Z1')).toBe('TZJL');
		expect(initialUserStatusOf(defaultConfiguration, 'Z2')).toBe('TZJL');
		expect(initialUserStatusOf(defaultConfiguration, 'Z9')).toBeUndefined();
	});

	it('gives ZGPZ and BPZ to the supervisor only', () => {
		expect(z1.statuses.filter((status) => status.role).map((s) => [s.code, s.role])).toEqual([
			['ZGPZ', 'supervisor'],
			['BPZ', 'supervisor']
		]);
		expect(z2.statuses.some((status) => status.role)).toBe(false);
	});
});

describe('status codes and ranges', () => {
	it('resolves the seed spelling KCWB to KCJS, ignoring case and spaces', () => {
		expect(resolveStatusCode(z1, 'KCWB')).toBe('KCJS');
		expect(resolveStatusCode(z1, ' kcwb ')).toBe('KCJS');
		expect(resolveStatusCode(z1, 'KCJS')).toBe('KCJS');
		expect(resolveStatusCode(z1, 'HWSD')).toBeUndefined();
		expect(resolveStatusCode(z2, 'KCWB')).toBeUndefined();
	});

	it('lists the next statuses from each status by its range', () => {
		const next = (profile: StatusProfile, code: string) => codes(nextStatusesOf(profile, code));
		expect(next(z1, 'TZJL')).toEqual(['KCJS']);
		expect(next(z1, 'KCWB')).toEqual(['ZGPZ', 'BPZ']);
		expect(next(z1, 'ZGPZ')).toEqual(['ZBHF']);
		expect(next(z1, 'BPZ')).toEqual(['KCJS', 'ZGPZ']);
		expect(next(z1, 'ZBHF')).toEqual([]);
		expect(next(z1, 'NONE')).toEqual([]);
		expect(next(z2, 'HFYY')).toEqual(['HWSD', 'HWTH']);
		expect(next(z2, 'HWSD')).toEqual(['HWTH']);
		expect(next(z2, 'HWTH')).toEqual(['HWSD']);
	});

	it('knows what can follow the approval, and so what counts as approved', () => {
		expect([...reachableFrom(z1, 'ZGPZ')]).toEqual(['ZBHF']);
		expect([...reachableFrom(z1, 'BPZ')].sort()).toEqual(['BPZ', 'KCJS', 'ZBHF', 'ZGPZ']);
		expect([...approvedStatusesOf(z1)].sort()).toEqual(['ZBHF', 'ZGPZ']);
		expect(approvedStatusesOf(z2).size).toBe(0);
	});

	it('throws for a profile without an initial status that skipped validation', () => {
		expect(() => initialStatusOf({ ...z1, statuses: [] })).toThrow(/no initial status/);
	});
});

function issuesOf(input: unknown): ConfigurationIssue[] {
	const result = parseConfiguration(input);
	return result.ok ? [] : result.issues;
}

const status = (number: number, code: string, lowest: number, highest: number, extra = {}) => ({
	number,
	code,
	label: { zh: code, en: code },
	isInitial: false,
	lowest,
	highest,
	...extra
});

const profile = (statuses: unknown[], extra = {}) => ({
	id: 'p1',
	label: { zh: '状态', en: 'Statuses' },
	statuses,
	...extra
});

const type = (code: string, profileId = 'p1') => ({
	code,
	label: { zh: code, en: code },
	paymentStatus: 'paid',
	profileId
});

const configuration = (profiles: unknown[], types: unknown[] = [type('A1')]) => ({
	types,
	profiles
});

const seen = new Set<string>();
function expectIssues(input: unknown, expected: ConfigurationIssue[]) {
	const issues = issuesOf(input);
	expect(issues).toEqual(expected);
	for (const found of issues) seen.add(found.code);
}

describe('configuration consistency', () => {
	const initial = status(10, 'AA', 20, 20, { isInitial: true });

	it('accepts the default and a minimal configuration', () => {
		expect(parseConfiguration(defaultConfiguration)).toEqual({
			ok: true,
			configuration: defaultConfiguration
		});
		expect(issuesOf(configuration([profile([initial, status(20, 'BB', 20, 20)])]))).toEqual([]);
	});

	it('needs exactly one initial status', () => {
		expectIssues(configuration([profile([status(10, 'AA', 10, 10)])]), [
			{ path: 'profiles.0.statuses', code: 'noInitialStatus', params: {} }
		]);
		expectIssues(
			configuration([profile([initial, status(20, 'BB', 10, 10, { isInitial: true })])]),
			[
				{
					path: 'profiles.0.statuses.1.isInitial',
					code: 'severalInitialStatuses',
					params: { code: 'BB' }
				}
			]
		);
	});

	it('needs unique numbers and unique codes, aliases included', () => {
		expectIssues(configuration([profile([initial, status(10, 'BB', 10, 10)])]), [
			{ path: 'profiles.0.statuses.1.number', code: 'duplicateNumber', params: { number: 10 } },
			{
				path: 'profiles.0.statuses.0.lowest',
				code: 'rangeNotAStatus',
				params: { code: 'AA', number: 20 }
			},
			{
				path: 'profiles.0.statuses.0.highest',
				code: 'rangeNotAStatus',
				params: { code: 'AA', number: 20 }
			}
		]);
		expectIssues(
			configuration([
				profile([
					{ ...initial, aliases: ['XX'] },
					status(20, 'AA', 20, 20),
					status(30, 'CC', 20, 20, { aliases: ['XX'] })
				])
			]),
			[
				{ path: 'profiles.0.statuses.1.code', code: 'duplicateCode', params: { code: 'AA' } },
				{ path: 'profiles.0.statuses.2.aliases.0', code: 'duplicateCode', params: { code: 'XX' } }
			]
		);
	});

	it('needs ranges that run forward between existing numbers', () => {
		expectIssues(
			configuration([profile([initial, status(20, 'BB', 30, 10), status(30, 'CC', 30, 99)])]),
			[
				{
					path: 'profiles.0.statuses.1.lowest',
					code: 'rangeReversed',
					params: { code: 'BB', lowest: 30, highest: 10 }
				},
				{
					path: 'profiles.0.statuses.2.highest',
					code: 'rangeNotAStatus',
					params: { code: 'CC', number: 99 }
				}
			]
		);
	});

	it('needs the rules to name statuses of the profile', () => {
		expectIssues(
			configuration([
				profile([initial, status(20, 'BB', 20, 20)], {
					rules: { approval: 'ZZ', completionRequires: ['BB', 'YY'] }
				})
			]),
			[
				{
					path: 'profiles.0.rules.approval',
					code: 'unknownRuleStatus',
					params: { rule: 'approval', code: 'ZZ' }
				},
				{
					path: 'profiles.0.rules.completionRequires.1',
					code: 'unknownRuleStatus',
					params: { rule: 'completionRequires', code: 'YY' }
				}
			]
		);
	});

	it('needs unique profiles and types, and types that name an existing profile', () => {
		const good = profile([initial, status(20, 'BB', 20, 20)]);
		expectIssues(configuration([good, good], [type('A1'), type('A1'), type('A2', 'nope')]), [
			{ path: 'profiles.1.id', code: 'duplicateProfile', params: { id: 'p1' } },
			{ path: 'types.1.code', code: 'duplicateType', params: { type: 'A1' } },
			{ path: 'types.2.profileId', code: 'unknownProfile', params: { type: 'A2', id: 'nope' } }
		]);
	});

	it('reports structural problems by path', () => {
		expectIssues(
			configuration(
				[
					profile([
						{ ...initial, code: 'a', role: 'boss', label: { zh: '长'.repeat(41), en: 'x' } },
						{ number: 20, code: 'BB', isInitial: false, lowest: 1.5, highest: 20 }
					])
				],
				[{ ...type('A1'), paymentStatus: 'maybe' }]
			),
			[
				{ path: 'types.0.paymentStatus', code: 'invalid', params: {} },
				{ path: 'profiles.0.statuses.0.code', code: 'pattern', params: {} },
				{ path: 'profiles.0.statuses.0.label.zh', code: 'tooLong', params: {} },
				{ path: 'profiles.0.statuses.0.role', code: 'invalid', params: {} },
				{ path: 'profiles.0.statuses.1.label', code: 'required', params: {} },
				{ path: 'profiles.0.statuses.1.lowest', code: 'invalid', params: {} }
			]
		);
	});

	it('has tried every issue code', () => {
		expect(CONFIGURATION_ISSUE_CODES.filter((code) => !seen.has(code))).toEqual([]);
	});

	it('parses the Z1 profile file as it is stored', () => {
		expect(statusProfileSchema.parse(z1Json)).toEqual(z1);
	});
});
