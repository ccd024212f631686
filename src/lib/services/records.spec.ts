import { describe, expect, it, vi } from 'vitest';
import { db } from '$lib/data/db';
import { addNotification, getNotification } from '$lib/data/notifications';
import { recordsOfNotification } from '$lib/data/records';
import { defaultConfiguration } from '$lib/domain/configuration';
import { makeRecordFields } from '$lib/domain/records/test-records';
import { makeActor, makeFields } from '$lib/domain/test-factories';
import { acceptSurveyProposal, saveRecordForm } from './records';
import { getToasts } from './toast.svelte';
import { useFreshDatabase } from '$lib/data/test-database';

const staff = makeActor('staff');

useFreshDatabase();

function newNotification() {
	return addNotification(makeFields(), staff, defaultConfiguration, {
		now: new Date('2001-03-07T01:00:00.000Z')
	});
}

describe('saving a linked record’s form', () => {
	it('names the refused fields and stores nothing', async () => {
		const notification = await newNotification();
		const outcome = await saveRecordForm({
			kind: 'quote',
			notification,
			fields: makeRecordFields('quote', {
				lines: [{ item: '', quantity: 0, unitPriceFen: 5 }],
				state: 'sent'
			}),
			actor: staff
		});
		// Every problem at once: the lines and the state's missing date.
		expect(outcome.kind === 'invalid' && outcome.issues.map((i) => [i.path, i.code])).toEqual([
			['lines.0.item', 'required'],
			['lines.0.quantity', 'tooSmall'],
			['sentOn', 'required']
		]);
		expect(await recordsOfNotification(notification.number)).toEqual([]);
	});

	it('point 4: a service form with the survey done proposes KCJS, which the engine sets', async () => {
		const notification = await newNotification();
		const outcome = await saveRecordForm({
			kind: 'serviceForm',
			notification,
			fields: makeRecordFields('serviceForm', { surveyDone: true }),
			actor: staff
		});
		if (outcome.kind !== 'saved') throw new Error(outcome.kind);
		expect(outcome.proposal).toEqual({ code: 'KCJS' });
		expect((await getNotification(notification.number))?.userStatus).toBe('TZJL');
		const set = await acceptSurveyProposal(outcome.notification, 'KCJS', staff, 'KCJS 勘察结束');
		expect(set.kind).toBe('saved');
		const stored = await getNotification(notification.number);
		expect(stored?.userStatus).toBe('KCJS');
		expect(stored?.history.at(-1)).toMatchObject({ kind: 'userStatus', from: 'TZJL', to: 'KCJS' });
	});

	it('a full disk fails the save in the storage’s words, never as a success', async () => {
		const notification = await newNotification();
		vi.spyOn(db.records, 'put').mockRejectedValue(
			Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
		);
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const outcome = await saveRecordForm({
			kind: 'parts',
			notification,
			fields: makeRecordFields('parts'),
			actor: staff
		});
		expect(outcome).toEqual({ kind: 'failed' });
		expect(getToasts().at(-1)).toMatchObject({
			kind: 'error',
			text: expect.stringContaining('存储空间已满')
		});
		expect(await recordsOfNotification(notification.number)).toEqual([]);
		expect((await getNotification(notification.number))?.history).toHaveLength(1);
	});
});
