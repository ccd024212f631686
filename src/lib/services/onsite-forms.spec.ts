import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { db } from '$lib/data/db';
import { addNotification, getNotification } from '$lib/data/notifications';
import { getImage, recordsOfNotification } from '$lib/data/records';
import { defaultConfiguration } from '$lib/domain/configuration';
import { makeActor, makeFields } from '$lib/domain/test-factories';
import {
	emptyComplaint,
	emptyServiceForm,
	restoreDraftPhotos,
	keepDraftPhotos,
	saveComplaint,
	saveServiceForm,
	serviceFormInputOf
} from './onsite-forms';
import { imageOf, sha256Hex } from './photos';
import { useFreshDatabase } from '$lib/data/test-database';

const assistant = makeActor('assistant');
const now = new Date('2001-03-08T02:00:00.000Z');

useFreshDatabase();

function newNotification(type = 'Z1') {
	return addNotification(makeFields({ type }), assistant, defaultConfiguration, {
		now: new Date('2001-03-07T01:00:00.000Z')
	});
}

const png = () =>
	new Blob([readFileSync('tests/fixtures/images/small.png')], { type: 'image/png' });
const jpeg = () =>
	new Blob([readFileSync('tests/fixtures/images/small.jpg')], { type: 'image/jpeg' });

describe('saveServiceForm', () => {
	it('refuses an acceptance without a signature or a name on their fields, and stores nothing', async () => {
		const notification = await newNotification();
		const form = {
			...emptyServiceForm(notification, now),
			workDone: '更换锁芯',
			isAccepted: true,
			customerName: '',
			acceptedAt: '2001-03-08T10:00'
		};
		const outcome = await saveServiceForm({
			notification,
			form,
			signature: null,
			keptSignature: null,
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(outcome.kind).toBe('invalid');
		if (outcome.kind !== 'invalid') return;
		expect(outcome.issues).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ path: 'acceptance.signature', code: 'signatureEmpty' }),
				expect.objectContaining({ path: 'acceptance.customerName', code: 'required' })
			])
		);
		expect(await db.records.count()).toBe(0);
		expect(await db.images.count()).toBe(0);
		expect((await getNotification(notification.number))?.history).toHaveLength(
			notification.history.length
		);
	});

	it('saves the form with the signature PNG by its SHA-256 and proposes KCJS when the survey is done', async () => {
		const notification = await newNotification();
		const blob = png();
		const outcome = await saveServiceForm({
			notification,
			form: {
				...emptyServiceForm(notification, now),
				workDone: '更换锁芯',
				surveyDone: true,
				isAccepted: true,
				customerName: '王女士',
				acceptedAt: '2001-03-08T10:05'
			},
			signature: { blob, width: 64, height: 48 },
			keptSignature: null,
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(outcome.kind).toBe('saved');
		if (outcome.kind !== 'saved') return;
		const signature = outcome.record.acceptance?.signature;
		expect(signature).toMatchObject({ type: 'image/png', width: 64, height: 48, bytes: blob.size });
		expect(signature?.sha256).toBe(await sha256Hex(blob));
		const stored = await getImage(signature!.sha256);
		expect(await sha256Hex(stored!.blob)).toBe(signature!.sha256);
		expect(outcome.proposal).toEqual({ code: 'KCJS' });
		expect(serviceFormInputOf(outcome.record)).toMatchObject({
			workDone: '更换锁芯',
			isAccepted: true,
			customerName: '王女士'
		});

		// Changed later without a new signature, the kept one stays; no second image is stored.
		const changed = await saveServiceForm({
			notification: outcome.notification,
			record: outcome.record,
			form: { ...serviceFormInputOf(outcome.record), result: '已修好' },
			signature: null,
			keptSignature: signature!,
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(changed.kind === 'saved' && changed.record.acceptance?.signature).toEqual(signature);
		expect(await db.images.count()).toBe(1);
	});

	it('proposes nothing without the survey done', async () => {
		const notification = await newNotification();
		const outcome = await saveServiceForm({
			notification,
			form: { ...emptyServiceForm(notification, now), workDone: '勘察' },
			signature: null,
			keptSignature: null,
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(outcome.kind === 'saved' && outcome.proposal).toBeUndefined();
		expect(outcome.kind).toBe('saved');
	});
});

describe('saveComplaint', () => {
	it('takes the payment status from the type and stores the photos with the record', async () => {
		for (const [type, status] of [
			['Z1', 'paid'],
			['Z2', 'unpaid']
		] as const) {
			const notification = await newNotification(type);
			const photo = await imageOf(jpeg(), 'image/jpeg', 40, 30);
			const outcome = await saveComplaint({
				notification,
				form: {
					...emptyComplaint(notification),
					details: '柜门划伤',
					requestedResolution: 'exchange'
				},
				photos: [photo],
				actor: assistant,
				configuration: defaultConfiguration,
				now
			});
			expect(outcome.kind).toBe('saved');
			if (outcome.kind !== 'saved') return;
			expect(outcome.record.paymentStatus).toBe(status);
			expect(outcome.record.photos).toEqual([photo.ref]);
			expect(await getImage(photo.ref.sha256)).toBeDefined();
		}
	});

	it('refuses a complaint without details or resolution, naming the fields', async () => {
		const notification = await newNotification();
		const outcome = await saveComplaint({
			notification,
			form: { details: '', requestedResolution: '' },
			photos: [],
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(outcome.kind === 'invalid' && outcome.issues.map((issue) => issue.path).sort()).toEqual([
			'details',
			'requestedResolution'
		]);
	});

	it('on a full disk says storage is full and leaves neither record, photo nor history entry', async () => {
		const notification = await newNotification();
		const photo = await imageOf(jpeg(), 'image/jpeg', 40, 30);
		vi.spyOn(db.records, 'put').mockRejectedValue(
			new DOMException('The quota has been exceeded.', 'QuotaExceededError')
		);
		const outcome = await saveComplaint({
			notification,
			form: { details: '柜门划伤', requestedResolution: 'repair' },
			photos: [photo],
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(outcome.kind).toBe('storageFull');
		vi.restoreAllMocks();
		expect(await recordsOfNotification(notification.number)).toEqual([]);
		expect(await db.images.count()).toBe(0);
		expect((await getNotification(notification.number))?.revision).toEqual(notification.revision);
	});
});

describe('draft photos', () => {
	it('keeps photos with a draft and gives back only those whose bytes still match', async () => {
		const photo = await imageOf(jpeg(), 'image/jpeg', 40, 30);
		await keepDraftPhotos('k', [photo]);
		const [restored] = await restoreDraftPhotos('k');
		expect(restored?.ref).toEqual(photo.ref);
		await db.drafts.put({
			key: 'k#images',
			value: [{ ref: photo.ref, blob: new Blob([new Uint8Array([1, 2, 3])]) }],
			savedAt: now.toISOString()
		});
		expect(await restoreDraftPhotos('k')).toEqual([]);
	});
});
