import { makeActor, TEST_CREATED_AT } from '../test-factories';
import {
	createRecord,
	formatRecordId,
	type FieldsOfKind,
	type ImageRef,
	type RecordKind,
	type RecordOfKind
} from './record';

/** A valid image reference (a 300 KB JPEG's). */
export function makeImageRef(overrides: Partial<ImageRef> = {}): ImageRef {
	const sha256 = overrides.sha256 ?? 'a'.repeat(64);
	return {
		name: `${sha256}.jpg`,
		sha256,
		type: 'image/jpeg',
		bytes: 300_000,
		width: 1600,
		height: 1200,
		...overrides
	};
}

/** Valid fields of each kind, as the seed's example 1 would fill them. */
export function makeRecordFields<K extends RecordKind>(
	kind: K,
	overrides: Partial<FieldsOfKind[K]> = {}
): FieldsOfKind[K] {
	const base: { [Kind in RecordKind]: FieldsOfKind[Kind] } = {
		parts: { lines: [{ material: '100056', quantity: 1, note: '锁芯' }], isDrawn: false },
		quote: {
			lines: [
				{ item: '更换锁芯', quantity: 1, unitPriceFen: 4550 },
				{ item: '上门服务费', quantity: 1, unitPriceFen: 3000 }
			],
			state: 'draft',
			sentOn: '',
			decidedOn: '',
			rejectionReason: ''
		},
		serviceForm: {
			visitDate: '2001-03-08',
			staff: '202',
			workDone: '更换锁芯',
			partsUsed: '100056 ×1',
			result: '已修好',
			surveyDone: true,
			acceptance: null
		},
		complaint: {
			details: '柜门划伤',
			paymentStatus: 'paid',
			requestedResolution: 'repair',
			photos: []
		},
		invoice: { number: 'ZFW-0001', amountFen: 7550, date: '2001-03-09' },
		evaluation: { rating: 5, comment: '满意' }
	};
	return { ...base[kind], ...overrides };
}

/** A stored record of `kind` for notification 4002-01-000021, made by the assistant. */
export function makeRecord<K extends RecordKind>(
	kind: K,
	overrides: Partial<FieldsOfKind[K]> = {},
	sequence = 1
): RecordOfKind<K> {
	return createRecord(kind, makeRecordFields(kind, overrides), {
		id: formatRecordId('4002-01-000021', kind, '01', sequence),
		notification: '4002-01-000021',
		actor: makeActor('assistant'),
		now: TEST_CREATED_AT
	});
}
