import { describe, expect, it } from 'vitest';
import { makeActor, TEST_NOW } from '../test-factories';
import { compareRevisions } from '../revision';
import { toRecordIssues } from './issues';
import { mergeRecordCopies } from './merge';
import {
	FIELDS_SCHEMAS,
	RECORD_KINDS,
	changeRecord,
	formatRecordId,
	imagesOf,
	linkedRecordSchema
} from './record';
import { makeImageRef, makeRecord, makeRecordFields } from './test-records';

function issuesOf(kind: (typeof RECORD_KINDS)[number], fields: unknown) {
	const parsed = FIELDS_SCHEMAS[kind].safeParse(fields);
	return parsed.success ? [] : toRecordIssues(parsed.error);
}

describe('linked record schemas', () => {
	it('accepts a valid record of every kind through the one union on kind', () => {
		for (const kind of RECORD_KINDS) {
			const record = makeRecord(kind);
			expect(linkedRecordSchema.parse(record)).toEqual(record);
			expect(record.id).toBe(formatRecordId('4002-01-000021', kind, '01', 1));
		}
		expect(makeRecord('serviceForm').id).toBe('4002-01-000021-S1-01');
	});

	it('refuses an unknown kind and a record id of the wrong shape', () => {
		expect(linkedRecordSchema.safeParse({ ...makeRecord('parts'), kind: 'other' }).success).toBe(
			false
		);
		const bad = linkedRecordSchema.safeParse({ ...makeRecord('parts'), id: 'x' });
		expect(bad.success).toBe(false);
	});

	it('names the field of a negative or absurd quantity and price', () => {
		const quote = makeRecordFields('quote');
		expect(
			issuesOf('quote', { ...quote, lines: [{ item: 'a', quantity: -1, unitPriceFen: 100 }] })
		).toEqual([{ path: 'lines.0.quantity', code: 'tooSmall', params: { min: 1 } }]);
		expect(
			issuesOf('quote', { ...quote, lines: [{ item: 'a', quantity: 100000, unitPriceFen: 1 }] })
		).toEqual([{ path: 'lines.0.quantity', code: 'tooLarge', params: { max: 9999 } }]);
		expect(
			issuesOf('quote', { ...quote, lines: [{ item: 'a', quantity: 1, unitPriceFen: -1 }] })
		).toEqual([{ path: 'lines.0.unitPriceFen', code: 'negative', params: { min: 0 } }]);
		expect(
			issuesOf('quote', { ...quote, lines: [{ item: 'a', quantity: 1.5, unitPriceFen: 1 }] })[0]
		).toMatchObject({ path: 'lines.0.quantity', code: 'notInteger' });
		expect(issuesOf('parts', { lines: [], isDrawn: false })).toEqual([
			{ path: 'lines', code: 'linesRequired', params: { min: 1 } }
		]);
	});

	it('asks a decided quote for its dates and a rejected one for its reason', () => {
		const quote = makeRecordFields('quote', { state: 'rejected' });
		expect(issuesOf('quote', quote).map((issue) => [issue.path, issue.code])).toEqual([
			['sentOn', 'required'],
			['decidedOn', 'required'],
			['rejectionReason', 'required']
		]);
		const early = makeRecordFields('quote', {
			state: 'accepted',
			sentOn: '2001-03-09',
			decidedOn: '2001-03-08'
		});
		expect(issuesOf('quote', early)).toEqual([
			{ path: 'decidedOn', code: 'endBeforeStart', params: {} }
		]);
	});

	it('refuses a rating outside 1–5, an image that is not JPEG/PNG or too large', () => {
		expect(issuesOf('evaluation', { rating: 6, comment: '' })[0]).toMatchObject({
			path: 'rating',
			code: 'ratingRange'
		});
		const photos = [makeImageRef({ type: 'image/gif' as never })];
		expect(issuesOf('complaint', makeRecordFields('complaint', { photos }))[0]).toMatchObject({
			path: 'photos.0.type',
			code: 'notAnImage'
		});
		const huge = [makeImageRef({ bytes: 50 * 1024 * 1024 })];
		expect(issuesOf('complaint', makeRecordFields('complaint', { photos: huge }))[0]).toMatchObject(
			{ path: 'photos.0.bytes', code: 'imageTooLarge' }
		);
	});

	it('lists the images a record refers to: the signature and the photos', () => {
		const signature = makeImageRef({ sha256: 'b'.repeat(64), type: 'image/png' });
		const form = makeRecord('serviceForm', {
			acceptance: { customerName: '王先生', signature, acceptedAt: TEST_NOW.toISOString() }
		});
		expect(imagesOf(form)).toEqual([signature]);
		const photo = makeImageRef();
		expect(imagesOf(makeRecord('complaint', { photos: [photo, photo] }))).toEqual([photo]);
	});
});

describe('linked record revisions and merge', () => {
	it('gives a change the next deterministic revision and stamps the changed fields', () => {
		const record = makeRecord('quote');
		const actor = makeActor('staff');
		const a = changeRecord(
			record,
			{ ...makeRecordFields('quote'), rejectionReason: '' },
			actor,
			TEST_NOW
		);
		expect(a).toBe(record);
		const sent = { ...makeRecordFields('quote'), state: 'sent' as const, sentOn: '2001-03-09' };
		const once = changeRecord(record, sent, actor, TEST_NOW);
		const again = changeRecord(record, sent, actor, TEST_NOW);
		expect(once.revision).toEqual(again.revision);
		expect(once.revision.rev).toMatch(/^2-/);
		expect(once.fieldRevs).toEqual({ state: once.revision.rev, sentOn: once.revision.rev });
		expect(compareRevisions(record.revision, once.revision)).toBe('theirsNewer');
	});

	it('merges two devices changing different fields of one record without a conflict', () => {
		const record = makeRecord('evaluation');
		const desk = changeRecord(record, { rating: 4, comment: '满意' }, makeActor(), TEST_NOW);
		const tablet = changeRecord(
			record,
			{ rating: 5, comment: '很满意' },
			makeActor('staff'),
			TEST_NOW
		);
		const merged = mergeRecordCopies(desk, tablet);
		expect(merged).toMatchObject({ ok: true, record: { rating: 4, comment: '很满意' } });
		const swapped = mergeRecordCopies(tablet, desk);
		if (!merged.ok || !swapped.ok) throw new Error('no merge');
		expect(swapped.record.revision).toEqual(merged.record.revision);
	});

	it('asks when both changed one field to different values', () => {
		const record = makeRecord('evaluation');
		const desk = changeRecord(record, { rating: 4, comment: '满意' }, makeActor(), TEST_NOW);
		const tablet = changeRecord(record, { rating: 2, comment: '满意' }, makeActor(), TEST_NOW);
		expect(mergeRecordCopies(desk, tablet)).toEqual({ ok: false, conflicts: ['rating'] });
		expect(mergeRecordCopies(desk, tablet, { rating: 'theirs' })).toMatchObject({
			ok: true,
			record: { rating: 2 }
		});
	});
});
