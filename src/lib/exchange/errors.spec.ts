import { describe, expect, it } from 'vitest';
import { format, type Catalogue, type MessageKey, type MessageParams } from '../i18n/catalogue';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { EXCHANGE_ERROR_CODES, describeExchangeError, type ExchangeError } from './errors';
import { MASTER_STATUSES, NOTIFICATION_STATUSES } from './preview';

const catalogues: [string, Catalogue][] = [
	['zh-CN', zhCN],
	['en', en]
];

const placeholders = (message: string) =>
	[...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(catalogues)('exchange messages in %s', (_name, catalogue) => {
	it('has a message for every error code, and no other', () => {
		for (const code of EXCHANGE_ERROR_CODES) {
			expect(catalogue.exchange.error[code], code).toMatch(/\S/);
		}
		expect(Object.keys(catalogue.exchange.error).sort()).toEqual([...EXCHANGE_ERROR_CODES].sort());
	});

	it('has a label for every preview status', () => {
		for (const status of NOTIFICATION_STATUSES)
			expect(catalogue.exchange.status[status]).toMatch(/\S/);
		for (const status of MASTER_STATUSES)
			expect(catalogue.exchange.masterStatus[status]).toMatch(/\S/);
	});
});

it('uses the same placeholders in both languages for every error code', () => {
	for (const code of EXCHANGE_ERROR_CODES) {
		expect(placeholders(en.exchange.error[code]), code).toEqual(
			placeholders(zhCN.exchange.error[code])
		);
	}
});

describe('describeExchangeError', () => {
	const error: ExchangeError = {
		file: 'shouhou-4002-20010309-0800.json',
		record: { kind: 'notification', key: '4002-01-000001' },
		field: 'items.1.materialQuantity',
		code: 'negative',
		params: {}
	};

	it('names file, record and field in the user’s language', () => {
		const zh = (key: MessageKey, params?: MessageParams) => format(zhCN, key, params);
		expect(describeExchangeError(error, zh)).toBe(
			'文件“shouhou-4002-20010309-0800.json”，通知单 4002-01-000001，栏位“文本（物料号,数量） (items.1.materialQuantity)”：数量不能为负数。'
		);
		const english = (key: MessageKey, params?: MessageParams) => format(en, key, params);
		expect(describeExchangeError(error, english)).toContain('notification 4002-01-000001');
	});

	it('fills every placeholder of a whole-file error', () => {
		const english = (key: MessageKey, params?: MessageParams) => format(en, key, params);
		const text = describeExchangeError(
			{ file: 'a.json', code: 'newerVersion', params: { version: 2, supported: 1 } },
			english
		);
		expect(text).toMatch(/^file “a\.json”: .*version 2.*up to 1/);
		expect(text).not.toMatch(/\{\w+\}/);
	});
});
