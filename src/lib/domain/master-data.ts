import type { NotificationFields } from './notification';
import type { FieldIssue } from './validation';
import { mailAddressSchema } from './mail/message';
import { atMost } from './text';
import { z } from './zod';

/** The kinds of master data a centre keeps (SPEC §3, §9). */
export const MASTER_KINDS = [
	'customer',
	'workCentre',
	'staff',
	'salesOrg',
	'distributionChannel',
	'division',
	'salesOffice',
	'salesGroup',
	'businessArea',
	'productCategory',
	'colourCode',
	'reasonCode',
	'department'
] as const;
export const masterKindSchema = z.enum(MASTER_KINDS);
export type MasterKind = z.infer<typeof masterKindSchema>;

const requiredText = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required', abort: true })
		.refine(atMost(max), { error: 'tooLong', params: { max } });
const optionalText = (max: number) =>
	z.string().trim().refine(atMost(max), { error: 'tooLong', params: { max } }).default('');

/** A second service address of a customer (功能位置); its address becomes the object address. */
export const functionalLocationSchema = z.looseObject({
	code: requiredText(30).regex(/^[0-9A-Za-z_.-]+$/, { error: 'pattern' }),
	description: optionalText(40),
	address: requiredText(120)
});
export type FunctionalLocation = z.infer<typeof functionalLocationSchema>;

/** The most addresses a list (to, cc) of one record may hold. */
export const MAX_ADDRESSES = 20;

const addressList = z.array(mailAddressSchema).max(MAX_ADDRESSES, { error: 'tooLong' }).default([]);

const masterRecordObject = z
	.looseObject({
		kind: masterKindSchema,
		code: requiredText(20).regex(/^[0-9A-Za-z_.-]+$/, { error: 'pattern' }),
		name: requiredText(60),
		parent: optionalText(20),
		address: optionalText(120),
		phone: optionalText(30),
		contact: optionalText(40),
		/** Addresses a message to this department (or person) goes to. */
		emailTo: addressList,
		/** Addresses that get a copy. */
		emailCc: addressList,
		functionalLocations: z.array(functionalLocationSchema).default([]),
		/** Sample data seeded at first run; removable in one step. */
		isSample: z.boolean().default(false)
	})
	.superRefine((record, context) => {
		if (record.kind === 'customer' && !record.address) {
			context.addIssue({ code: 'custom', path: ['address'], message: 'required' });
		}
		if (record.kind === 'department' && record.emailTo.length === 0) {
			context.addIssue({ code: 'custom', path: ['emailTo'], message: 'required' });
		}
	});

/**
 * A record written before departments had address lists (exchange format 2, or stored before)
 * has one `email`: it becomes the only `to` address, and `email` is dropped.
 */
export function withAddressLists(input: unknown): unknown {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
	if (!Object.hasOwn(input, 'email')) return input;
	const { email, ...rest } = input as Record<string, unknown>;
	if (Array.isArray(rest.emailTo)) return rest;
	return { ...rest, emailTo: typeof email === 'string' && email !== '' ? [email] : [] };
}

/**
 * One master-data record. All kinds share code and name; customers add address, phone, contact
 * and functional locations; two-level code lists (product category, colour code) add a parent;
 * departments add the addresses an escalation goes to (to, cc); staff may have a phone and an
 * address for an urgent dispatch. A single legacy `email` is read as the `to` list.
 */
export const masterRecordSchema = z.preprocess(withAddressLists, masterRecordObject);
export type MasterRecord = z.infer<typeof masterRecordObject>;
export type MasterRecordInput = z.input<typeof masterRecordObject>;

/** The to and cc addresses of a record, also of one stored before address lists existed. */
export function addressesOf(record: MasterRecord): { to: string[]; cc: string[] } {
	const upgraded = withAddressLists(record) as Partial<MasterRecord>;
	return { to: upgraded.emailTo ?? [], cc: upgraded.emailCc ?? [] };
}

/** Master data grouped by kind, as forms and rules use it. */
export type MasterData = Record<MasterKind, MasterRecord[]>;

/** Groups records by kind, every kind present. */
export function groupMasterData(records: readonly MasterRecord[]): MasterData {
	const grouped = Object.fromEntries(
		MASTER_KINDS.map((kind) => [kind, [] as MasterRecord[]])
	) as MasterData;
	for (const record of records) grouped[record.kind].push(record);
	for (const kind of MASTER_KINDS) grouped[kind].sort((a, b) => a.code.localeCompare(b.code));
	return grouped;
}

/** The record of a kind with a code. */
export function findMaster(
	data: MasterData,
	kind: MasterKind,
	code: string
): MasterRecord | undefined {
	return data[kind].find((record) => record.code === code);
}

/** "27 申齐保健食品有限公司": code and name together, as SAP shows them. */
export function codeAndName(data: MasterData, kind: MasterKind, code: string): string {
	const record = findMaster(data, kind, code);
	return record ? `${record.code} ${record.name}` : code;
}

/**
 * The object address (对象地址): the functional location's address when one is set, otherwise
 * the ship-to customer's address. It wins everywhere: lists, work plan, e-mail.
 */
export function objectAddress(
	fields: Pick<NotificationFields, 'shipTo' | 'functionalLocation'>,
	data: MasterData
): string {
	const customer = findMaster(data, 'customer', fields.shipTo);
	if (!customer) return '';
	if (fields.functionalLocation) {
		const location = customer.functionalLocations.find((l) => l.code === fields.functionalLocation);
		if (location) return location.address;
	}
	return customer.address;
}

/** Which master-data kind each coded field of a notification refers to. */
const FIELD_KINDS: [keyof NotificationFields, MasterKind][] = [
	['shipTo', 'customer'],
	['soldTo', 'customer'],
	['mainWorkCentre', 'workCentre'],
	['responsible', 'staff'],
	['salesOrg', 'salesOrg'],
	['distributionChannel', 'distributionChannel'],
	['division', 'division'],
	['salesGroup', 'salesGroup'],
	['businessArea', 'businessArea']
];

const ITEM_KINDS: [
	'productCategory' | 'productType' | 'colourMain' | 'colourSecondary' | 'reasonCode',
	MasterKind
][] = [
	['productCategory', 'productCategory'],
	['productType', 'productCategory'],
	['colourMain', 'colourCode'],
	['colourSecondary', 'colourCode'],
	['reasonCode', 'reasonCode']
];

/**
 * The master records `checkReferences` looks up for these fields, as `[kind, code]` keys: a check
 * needs only these, not every customer of a centre (5,000 at a busy one).
 */
export function referencedMasterKeys(fields: NotificationFields): [MasterKind, string][] {
	const keys: [MasterKind, string][] = [];
	for (const [field, kind] of FIELD_KINDS) {
		const value = fields[field];
		if (typeof value === 'string' && value) keys.push([kind, value]);
	}
	if (fields.functionalLocation && fields.shipTo) keys.push(['customer', fields.shipTo]);
	for (const item of fields.items) {
		for (const [field, kind] of ITEM_KINDS) {
			const value = String(item[field] ?? '');
			if (value) keys.push([kind, value]);
		}
	}
	return keys;
}

/**
 * Codes that master data does not know (the sales office is the responsibility centre itself,
 * stamped from the device, so it needs no master record): a report that groups by work centre or person breaks on
 * a typo, so each coded field must name a record that exists.
 */
export function checkReferences(fields: NotificationFields, data: MasterData): FieldIssue[] {
	const issues: FieldIssue[] = [];
	for (const [field, kind] of FIELD_KINDS) {
		const value = fields[field];
		if (typeof value === 'string' && value && !findMaster(data, kind, value)) {
			issues.push({ path: field, code: 'unknownCode', params: { code: value } });
		}
	}
	if (fields.functionalLocation) {
		const customer = findMaster(data, 'customer', fields.shipTo);
		if (!customer?.functionalLocations.some((l) => l.code === fields.functionalLocation)) {
			issues.push({
				path: 'functionalLocation',
				code: 'unknownCode',
				params: { code: fields.functionalLocation }
			});
		}
	}
	fields.items.forEach((item, index) => {
		for (const [field, kind] of ITEM_KINDS) {
			const value = String(item[field] ?? '');
			if (value && !findMaster(data, kind, value)) {
				issues.push({
					path: `items.${index}.${field}`,
					code: 'unknownCode',
					params: { code: value }
				});
			}
		}
		if (item.productType) {
			const type = findMaster(data, 'productCategory', item.productType);
			if (type && type.parent !== item.productCategory) {
				issues.push({
					path: `items.${index}.productType`,
					code: 'unknownCode',
					params: { code: item.productType }
				});
			}
		}
	});
	return issues;
}
