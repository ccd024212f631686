import { describe, expect, it } from 'vitest';
import {
	addressesOf,
	checkReferences,
	codeAndName,
	groupMasterData,
	masterRecordSchema,
	objectAddress,
	referencedMasterKeys,
	withAddressLists,
	type MasterRecord
} from './master-data';
import { sampleMasterData } from './sample-data';
import { makeFields, makeItem } from './test-factories';
import { toFieldIssues } from './validation';

const data = groupMasterData(sampleMasterData());

describe('object address (对象地址)', () => {
	it('is the ship-to customer’s address without a functional location', () => {
		expect(objectAddress({ shipTo: '27', functionalLocation: '' }, data)).toBe(
			'上海市徐汇区漕溪北路 88 号 12 楼'
		);
	});

	it('is the functional location’s address when one is set: it wins everywhere', () => {
		expect(objectAddress({ shipTo: '27', functionalLocation: '27-01' }, data)).toBe(
			'上海市浦东新区张江路 500 号 3 号库'
		);
	});

	it('falls back to the customer when the location is not the customer’s, and is empty for an unknown customer', () => {
		expect(objectAddress({ shipTo: '31', functionalLocation: '27-01' }, data)).toBe(
			'上海市静安区石门二路 258 号'
		);
		expect(objectAddress({ shipTo: '999', functionalLocation: '' }, data)).toBe('');
	});
});

describe('checkReferences: every code names a master record', () => {
	it('accepts the seed’s example', () => {
		expect(checkReferences(makeFields(), data)).toEqual([]);
	});

	it('names each unknown code with its field path', () => {
		const fields = makeFields({
			shipTo: '999',
			responsible: '999',
			mainWorkCentre: 'X1',
			functionalLocation: 'nowhere',
			items: [makeItem({ productCategory: '99', reasonCode: '9' })]
		});
		expect(checkReferences(fields, data).map((issue) => [issue.path, issue.code])).toEqual([
			['shipTo', 'unknownCode'],
			['mainWorkCentre', 'unknownCode'],
			['responsible', 'unknownCode'],
			['functionalLocation', 'unknownCode'],
			['items.0.productCategory', 'unknownCode'],
			['items.0.reasonCode', 'unknownCode']
		]);
	});

	it('refuses a product type that is not under the chosen category (two levels)', () => {
		const fields = makeFields({
			items: [makeItem({ productCategory: '06', productType: '0701' })]
		});
		expect(checkReferences(fields, data)).toEqual([
			{ path: 'items.0.productType', code: 'unknownCode', params: { code: '0701' } }
		]);
		const fitting = makeFields({
			items: [makeItem({ productCategory: '06', productType: '0601' })]
		});
		expect(checkReferences(fitting, data)).toEqual([]);
	});
});

describe('referencedMasterKeys: what a check of references reads', () => {
	/** The master data of only the records these fields name. */
	const referenced = (fields: Parameters<typeof referencedMasterKeys>[0]) => {
		const keys = new Set(referencedMasterKeys(fields).map(([kind, code]) => `${kind}:${code}`));
		return groupMasterData(
			sampleMasterData().filter((record) => keys.has(`${record.kind}:${record.code}`))
		);
	};

	it('names every record the check looks up: the same issues as against all master data', () => {
		const cases = [
			makeFields(),
			makeFields({ functionalLocation: '27-01' }),
			makeFields({ shipTo: '31', functionalLocation: '27-01' }),
			makeFields({
				shipTo: '999',
				responsible: '999',
				mainWorkCentre: 'X1',
				functionalLocation: 'nowhere',
				items: [makeItem({ productCategory: '99', reasonCode: '9' })]
			}),
			makeFields({ items: [makeItem({ productCategory: '06', productType: '0701' })] }),
			makeFields({ items: [makeItem({ productCategory: '06', productType: '0601' }), makeItem()] })
		];
		for (const fields of cases) {
			expect(checkReferences(fields, referenced(fields))).toEqual(checkReferences(fields, data));
		}
	});
});

describe('master records', () => {
	it('shows a code with its name, as SAP does', () => {
		expect(codeAndName(data, 'customer', '27')).toBe('27 申齐保健食品有限公司');
		expect(codeAndName(data, 'staff', '999')).toBe('999');
	});

	it('needs an address for a customer and an e-mail for a department', () => {
		const customer = masterRecordSchema.safeParse({ kind: 'customer', code: '50', name: '客户' });
		expect(customer.success ? [] : toFieldIssues(customer.error)).toEqual([
			{ path: 'address', code: 'required', params: {} }
		]);
		const department = masterRecordSchema.safeParse({
			kind: 'department',
			code: 'X',
			name: '部门',
			emailTo: ['not-mail']
		});
		expect(department.success ? [] : toFieldIssues(department.error).map((i) => i.code)).toEqual([
			'pattern'
		]);
	});

	it('gives a department several to and cc addresses, each checked, at most 20 of each', () => {
		const department = masterRecordSchema.parse({
			kind: 'department',
			code: 'LOG',
			name: '区物流',
			emailTo: ['a@example.com', 'b@example.com'],
			emailCc: ['c@example.com']
		});
		expect(addressesOf(department)).toEqual({
			to: ['a@example.com', 'b@example.com'],
			cc: ['c@example.com']
		});
		const bad = masterRecordSchema.safeParse({
			kind: 'department',
			code: 'LOG',
			name: '区物流',
			emailTo: ['a@example.com', 'x@y.example&bcc=z@w.example'],
			emailCc: Array.from({ length: 21 }, (_, i) => `p${i}@example.com`)
		});
		expect(bad.success ? [] : toFieldIssues(bad.error)).toEqual([
			{ path: 'emailTo.1', code: 'pattern', params: expect.anything() },
			{ path: 'emailCc', code: 'tooLong', params: expect.anything() }
		]);
		const none = masterRecordSchema.safeParse({ kind: 'department', code: 'X', name: '部门' });
		expect(none.success ? [] : toFieldIssues(none.error).map((i) => i.path)).toEqual(['emailTo']);
	});

	it('reads a record with the single `email` of format 2 as its only `to` address', () => {
		const legacy = { kind: 'department', code: 'LOG', name: '区物流', email: 'log@example.com' };
		const record = masterRecordSchema.parse(legacy);
		expect(record).toMatchObject({ emailTo: ['log@example.com'], emailCc: [] });
		expect(record).not.toHaveProperty('email');
		expect(withAddressLists({ ...legacy, email: '' })).toEqual({
			kind: 'department',
			code: 'LOG',
			name: '区物流',
			emailTo: []
		});
		expect(addressesOf(legacy as unknown as MasterRecord)).toEqual({
			to: ['log@example.com'],
			cc: []
		});
	});

	it('marks the seeded sample data as sample, so it can be removed in one step', () => {
		expect(sampleMasterData().every((record) => record.isSample)).toBe(true);
		expect(data.customer.map((record) => record.code)).toEqual(['27', '31', '45']);
	});
});
