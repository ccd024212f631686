import { describe, expect, it, vi } from 'vitest';
import { db } from '$lib/data/db';
import type { Actor } from '$lib/domain/actor';
import { addNotification } from '$lib/data/notifications';
import { recordsOfNotification } from '$lib/data/records';
import { defaultConfiguration } from '$lib/domain/configuration';
import { makeRecordFields } from '$lib/domain/records/test-records';
import { makeActor, makeFields } from '$lib/domain/test-factories';
import { t } from '$lib/i18n';
import { RecordSubmission } from './save-form.svelte';
import { useFreshDatabase } from '$lib/data/test-database';

const staff = makeActor('staff');

useFreshDatabase();

async function submissionFor({ actor }: { actor: Actor | undefined } = { actor: staff }) {
	const notification = await addNotification(makeFields(), staff, defaultConfiguration);
	const onDone = vi.fn();
	const submission = new RecordSubmission(
		'evaluation',
		() => ({ notification, record: undefined, actor }),
		onDone
	);
	return { notification, onDone, submission };
}

describe('a desk form’s submission', () => {
	it('saves, is not busy afterwards and tells the form it is done', async () => {
		const { notification, onDone, submission } = await submissionFor();
		const saving = submission.submit({ fields: makeRecordFields('evaluation'), issues: [] });
		expect(submission.isBusy).toBe(true);
		await saving;
		expect(submission.isBusy).toBe(false);
		expect(submission.result.isDone).toBe(true);
		expect(onDone).toHaveBeenCalledOnce();
		expect((await recordsOfNotification(notification.number)).map((r) => r.kind)).toEqual([
			'evaluation'
		]);
	});

	it('shows what could not be read as typed before the schema’s own issues, and saves nothing', async () => {
		const { notification, onDone, submission } = await submissionFor();
		await submission.submit({
			fields: makeRecordFields('evaluation', { comment: 'x'.repeat(401) }),
			issues: [{ path: 'rating', code: 'notANumber' }]
		});
		expect(Object.keys(submission.result.issues).sort()).toEqual(['comment', 'rating']);
		expect(submission.result.issues.rating?.code).toBe('notANumber');
		expect(onDone).not.toHaveBeenCalled();
		expect(await recordsOfNotification(notification.number)).toEqual([]);
	});

	it('asks for a user before saving anything', async () => {
		const { notification, onDone, submission } = await submissionFor({ actor: undefined });
		await submission.submit({ fields: makeRecordFields('evaluation'), issues: [] });
		expect(submission.result.message).toBe(t('user.needUser'));
		expect(onDone).not.toHaveBeenCalled();
		expect(await recordsOfNotification(notification.number)).toEqual([]);
	});

	it('a write the storage refuses is said as not saved, and the form can be sent again', async () => {
		const { notification, onDone, submission } = await submissionFor();
		vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('QuotaExceededError'));
		await submission.submit({ fields: makeRecordFields('evaluation'), issues: [] });
		expect(submission.result).toEqual({
			issues: {},
			message: t('records.saveFailed', { kind: t('records.kind.evaluation') }),
			isDone: false
		});
		expect(submission.isBusy).toBe(false);
		expect(onDone).not.toHaveBeenCalled();
		expect(await recordsOfNotification(notification.number)).toEqual([]);
	});
});
