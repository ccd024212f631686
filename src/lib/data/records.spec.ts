import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { ConflictError, ForeignRecordError, isStorageFullError } from './errors';
import { addNotification, applyNotificationAction, getNotification } from './notifications';
import {
	ImageMismatchError,
	getImage,
	partsOfNotifications,
	recordsOfNotification,
	saveRecord
} from './records';
import { defaultConfiguration } from '../domain/configuration';
import { makeActor, makeFields } from '../domain/test-factories';
import { makeRecordFields } from '../domain/records/test-records';
import { makeSignature } from './test-records';

const assistant = makeActor('assistant');
const staff = makeActor('staff');
const now = new Date('2001-03-09T02:00:00.000Z');

async function identify(centreCode = '4002', deviceCode = '01') {
	await db.settings.put({ key: 'identity', value: { centreCode, centreName: '上海', deviceCode } });
}

beforeEach(async () => {
	await db.delete();
	await db.open();
	await identify();
});

afterEach(() => db.close());

async function newNotification() {
	return addNotification(makeFields(), assistant, defaultConfiguration, {
		now: new Date('2001-03-07T01:00:00.000Z')
	});
}

const signature = makeSignature;

describe('linked record repository', () => {
	it('saves a record and its notification history entry in one transaction', async () => {
		const notification = await newNotification();
		const saved = await saveRecord({
			kind: 'parts',
			notification: notification.number,
			fields: makeRecordFields('parts'),
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		if (!saved.ok) throw new Error('refused');
		expect(saved.record.id).toBe(`${notification.number}-P1-01`);
		const stored = await getNotification(notification.number);
		expect(stored?.history.at(-1)).toMatchObject({
			kind: 'record',
			field: 'parts',
			from: '',
			to: saved.record.id
		});
		expect(stored?.revision.rev).toBe(saved.notification.revision.rev);
		expect(await recordsOfNotification(notification.number)).toEqual([saved.record]);
		const second = await saveRecord({
			kind: 'parts',
			notification: notification.number,
			fields: makeRecordFields('parts'),
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		expect(second.ok && second.record.id).toBe(`${notification.number}-P2-01`);
	});

	it('changes a record from the revision the user saw and refuses a stale copy', async () => {
		const notification = await newNotification();
		const created = await saveRecord({
			kind: 'evaluation',
			notification: notification.number,
			fields: makeRecordFields('evaluation'),
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		if (!created.ok) throw new Error('refused');
		const changed = await saveRecord({
			kind: 'evaluation',
			notification: notification.number,
			id: created.record.id,
			expectedRev: created.record.revision.rev,
			fields: { rating: 3, comment: '一般' },
			actor: staff,
			configuration: defaultConfiguration,
			now
		});
		expect(changed).toMatchObject({ ok: true, record: { rating: 3, changedBy: staff } });
		await expect(
			saveRecord({
				kind: 'evaluation',
				notification: notification.number,
				id: created.record.id,
				expectedRev: created.record.revision.rev,
				fields: { rating: 1, comment: '' },
				actor: staff,
				configuration: defaultConfiguration,
				now
			})
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('stores the signature with the service form, checked against its hash', async () => {
		const notification = await newNotification();
		const image = await signature();
		const fields = makeRecordFields('serviceForm', {
			acceptance: { customerName: '王先生', signature: image.ref, acceptedAt: now.toISOString() }
		});
		const input = {
			kind: 'serviceForm' as const,
			notification: notification.number,
			fields,
			actor: staff,
			configuration: defaultConfiguration,
			now
		};
		await expect(saveRecord(input)).rejects.toBeInstanceOf(ImageMismatchError);
		const altered = { ref: image.ref, blob: new Blob([new Uint8Array([1])]) };
		await expect(saveRecord({ ...input, images: [altered] })).rejects.toBeInstanceOf(
			ImageMismatchError
		);
		expect(await recordsOfNotification(notification.number)).toEqual([]);
		const saved = await saveRecord({ ...input, images: [image] });
		expect(saved.ok).toBe(true);
		expect((await getImage(image.ref.sha256))?.bytes).toBe(image.ref.bytes);
	});

	it('finds the records of a notification a number collision moved, under its former number', async () => {
		const notification = await newNotification();
		const image = await signature();
		const saved = await saveRecord({
			kind: 'serviceForm',
			notification: notification.number,
			fields: makeRecordFields('serviceForm', {
				acceptance: { customerName: '王先生', signature: image.ref, acceptedAt: now.toISOString() }
			}),
			images: [image],
			actor: staff,
			configuration: defaultConfiguration,
			now
		});
		const parts = await saveRecord({
			kind: 'parts',
			notification: notification.number,
			fields: makeRecordFields('parts'),
			actor: assistant,
			configuration: defaultConfiguration,
			now
		});
		if (!saved.ok || !parts.ok) throw new Error('refused');
		// An import renumbers it as a collision does: the new number, the old one kept as former.
		const moved = {
			...(await getNotification(notification.number))!,
			number: '4002-03-000001',
			formerNumbers: [notification.number]
		};
		await db.transaction('rw', db.notifications, async () => {
			await db.notifications.delete(notification.number);
			await db.notifications.put(moved);
		});

		expect((await recordsOfNotification(moved.number)).map((record) => record.id)).toEqual([
			parts.record.id,
			saved.record.id
		]);
		const requisitions = await partsOfNotifications([moved]);
		expect([...requisitions.keys()]).toEqual([moved.number]);
		// The completion guard sees the acceptance made under the former number.
		const result = await applyNotificationAction(
			moved.number,
			moved.revision.rev,
			{ kind: 'complete', at: now.toISOString() },
			assistant,
			defaultConfiguration,
			now
		);
		expect(result).not.toEqual({ ok: false, refusal: { code: 'completionNeedsAcceptance' } });
	});

	it('writes nothing when the write fails half-way (storage full)', async () => {
		const notification = await newNotification();
		const image = await signature();
		// The image write fails as a full disk fails it: the record and the history go with it.
		const hook = () => {
			throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
		};
		db.images.hook('creating', hook);
		try {
			await expect(
				saveRecord({
					kind: 'serviceForm',
					notification: notification.number,
					fields: makeRecordFields('serviceForm', {
						acceptance: {
							customerName: '王先生',
							signature: image.ref,
							acceptedAt: now.toISOString()
						}
					}),
					images: [image],
					actor: staff,
					configuration: defaultConfiguration,
					now
				})
			).rejects.toSatisfy(isStorageFullError);
		} finally {
			db.images.hook('creating').unsubscribe(hook);
		}
		expect(await recordsOfNotification(notification.number)).toEqual([]);
		expect((await getNotification(notification.number))?.history).toHaveLength(1);
	});

	it('after completion keeps everything read-only but the evaluation', async () => {
		const notification = await newNotification();
		const z2 = await addNotification(
			makeFields({ type: 'Z2', route: 'prePayment' }),
			assistant,
			defaultConfiguration,
			{ now: new Date('2001-03-07T01:00:00.000Z') }
		);
		let current = z2;
		for (const code of ['HFYY', 'HWSD']) {
			const result = await applyNotificationAction(
				current.number,
				current.revision.rev,
				{ kind: 'setUserStatus', code },
				assistant,
				defaultConfiguration,
				now
			);
			if (!result.ok) throw new Error(result.refusal.code);
			current = result.notification;
		}
		const done = await applyNotificationAction(
			current.number,
			current.revision.rev,
			{ kind: 'complete', at: now.toISOString() },
			assistant,
			defaultConfiguration,
			now
		);
		expect(done.ok).toBe(true);
		const base = {
			notification: z2.number,
			actor: assistant,
			configuration: defaultConfiguration,
			now
		};
		expect(await saveRecord({ ...base, kind: 'parts', fields: makeRecordFields('parts') })).toEqual(
			{
				ok: false,
				refusal: { code: 'completed' }
			}
		);
		const evaluation = await saveRecord({
			...base,
			kind: 'evaluation',
			fields: makeRecordFields('evaluation')
		});
		expect(evaluation.ok).toBe(true);
		expect(notification.number).not.toBe(z2.number);
	});

	it('refuses completing a Z1 without the acceptance, through the repository', async () => {
		const notification = await newNotification();
		const result = await applyNotificationAction(
			notification.number,
			notification.revision.rev,
			{ kind: 'complete', at: now.toISOString() },
			assistant,
			defaultConfiguration,
			now
		);
		expect(result).toEqual({ ok: false, refusal: { code: 'completionNeedsAcceptance' } });
	});

	it('refuses records of another centre’s notification', async () => {
		const notification = await newNotification();
		await identify('4003', '01');
		await expect(
			saveRecord({
				kind: 'parts',
				notification: notification.number,
				fields: makeRecordFields('parts'),
				actor: assistant,
				configuration: defaultConfiguration,
				now
			})
		).rejects.toBeInstanceOf(ForeignRecordError);
	});
});
