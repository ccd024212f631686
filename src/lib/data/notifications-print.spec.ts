import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { ForeignRecordError, NotificationMissingError } from './errors';
import {
	addNotification,
	applyNotificationAction,
	getNotification,
	markPrintedInWorkPlan,
	selectOpenNotifications
} from './notifications';
import { saveAcceptedServiceForm } from './test-records';
import { defaultConfiguration } from '../domain/configuration';
import { makeActor, makeFields, makeNotification } from '../domain/test-factories';
import { openFreshDatabase } from './test-database';

const assistant = makeActor('assistant');
const PLAN = '2001/03/07–2001/03/08';

beforeEach(async () => {
	await openFreshDatabase();
});

afterEach(() => db.close());

async function three() {
	const created = [];
	for (const description of ['活动柜锁坏', '椅子扶手松动', '桌面划伤']) {
		created.push(
			await addNotification(makeFields({ description }), assistant, defaultConfiguration)
		);
	}
	return created;
}

describe('printing a work plan (NOPT)', () => {
	it('marks every notification of the plan printed, one history entry each naming the plan', async () => {
		const created = await three();
		const numbers = created.map((n) => n.number);
		const updated = await markPrintedInWorkPlan(numbers, PLAN, assistant, defaultConfiguration);
		expect(updated.map((n) => n.number)).toEqual(numbers);
		for (const before of created) {
			const after = await getNotification(before.number);
			expect(after?.isPrinted).toBe(true);
			expect(after?.history).toHaveLength(before.history.length + 1);
			expect(after?.history.at(-1)).toMatchObject({
				kind: 'printed',
				field: 'workPlan',
				reason: PLAN,
				to: 'NOPT',
				actor: assistant
			});
			expect(after?.revision.ancestry[0]).toBe(before.revision.rev);
			// The list projection moves in the same transaction.
			expect((await db.listRows.get(before.number))?.printed).toBe(1);
		}
	});

	it('writes all or nothing: a missing record leaves the others unprinted', async () => {
		const created = await three();
		const numbers = [created[0]!.number, '4002-01-000099', created[1]!.number];
		await expect(
			markPrintedInWorkPlan(numbers, PLAN, assistant, defaultConfiguration)
		).rejects.toBeInstanceOf(NotificationMissingError);
		for (const before of created) {
			expect((await getNotification(before.number))?.isPrinted).toBe(false);
			expect((await db.listRows.get(before.number))?.printed).toBe(0);
		}
	});

	it("refuses another centre's record (read-only at head office) and writes nothing", async () => {
		const created = await three();
		const foreign = makeNotification({ number: '4003-01-000001', centre: '4003' });
		await db.notifications.add(foreign);
		await expect(
			markPrintedInWorkPlan(
				[created[0]!.number, foreign.number],
				PLAN,
				assistant,
				defaultConfiguration
			)
		).rejects.toBeInstanceOf(ForeignRecordError);
		expect((await getNotification(created[0]!.number))?.isPrinted).toBe(false);
		expect((await getNotification(foreign.number))?.isPrinted).toBe(false);
	});

	it('selects the open notifications of a centre, or of all centres', async () => {
		const [first, second] = await three();
		// Completing a Z1 needs the customer's acceptance (issue 13).
		const accepted = await saveAcceptedServiceForm(second!.number, assistant);
		const done = await applyNotificationAction(
			second!.number,
			accepted.notification.revision.rev,
			{ kind: 'complete', at: new Date().toISOString() },
			assistant,
			defaultConfiguration
		);
		expect(done.ok).toBe(true);
		await db.notifications.add(makeNotification({ number: '4003-01-000001', centre: '4003' }));
		const own = (await selectOpenNotifications('4002')).map((n) => n.number).sort();
		expect(own).toHaveLength(2);
		expect(own).toContain(first!.number);
		expect(own).not.toContain(second!.number);
		expect(await selectOpenNotifications()).toHaveLength(3);
	});
});
