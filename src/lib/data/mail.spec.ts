import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { exportData } from './exchange';
import { saveMasterRecord, seedSampleMasterData } from './master-data';
import { addNotification, applyNotificationAction, getNotification } from './notifications';
import { getMailSettings, MAIL_SETTINGS_KEY, setMailSettings } from './settings';
import { defaultConfiguration } from '../domain/configuration';
import { toListRow } from '../domain/list-row';
import type { SentMessage } from '../domain/status/engine';
import { makeActor, makeFields } from '../domain/test-factories';
import { FORMAT_VERSION } from '../exchange/format';

const assistant = makeActor('assistant');
const supervisor = makeActor('supervisor');
const SENT: SentMessage = {
	departments: ['LOG'],
	to: ['logistics@example.com', 'logistics2@example.com'],
	cc: ['manager@example.com'],
	subject: '【紧急】通知单 4002-01-000001 活动柜锁坏',
	channel: 'eml'
};

beforeEach(async () => {
	await db.delete();
	await db.open();
	await db.settings.put({
		key: 'identity',
		value: { centreCode: '4002', centreName: '上海责任中心', deviceCode: '01' }
	});
	await seedSampleMasterData();
});

afterEach(() => db.close());

describe('mail settings', () => {
	it('are empty until entered, validated when saved, and read back', async () => {
		expect(await getMailSettings()).toEqual({
			senderAddress: '',
			senderName: '',
			logisticsDepartment: ''
		});
		await expect(
			setMailSettings({ senderAddress: 'x\r\nBcc: y', senderName: '', logisticsDepartment: '' })
		).rejects.toThrow();
		const saved = {
			senderAddress: 'c4002@example.com',
			senderName: '上海责任中心',
			logisticsDepartment: 'LOG'
		};
		await setMailSettings(saved);
		expect(await getMailSettings()).toEqual(saved);
		await db.settings.put({ key: MAIL_SETTINGS_KEY, value: { senderAddress: 42 } });
		expect((await getMailSettings()).senderAddress).toBe('');
	});
});

describe('recording an escalation and an urgent dispatch', () => {
	it('writes the escalation with the change, in one transaction, from the revision seen', async () => {
		const created = await addNotification(
			makeFields({ type: 'Z1', route: 'hqQuote' }),
			assistant,
			defaultConfiguration
		);
		const refused = await applyNotificationAction(
			created.number,
			created.revision.rev,
			{ kind: 'escalate', target: 'hqQuote', message: SENT },
			assistant,
			defaultConfiguration
		);
		expect(refused).toEqual({
			ok: false,
			refusal: { code: 'escalationNeedsApproval', params: { status: 'ZGPZ' } }
		});
		let current = (await getNotification(created.number))!;
		expect(current.revision).toEqual(created.revision);
		for (const [code, actor] of [
			['KCJS', assistant],
			['ZGPZ', supervisor]
		] as const) {
			const step = await applyNotificationAction(
				current.number,
				current.revision.rev,
				{ kind: 'setUserStatus', code },
				actor,
				defaultConfiguration
			);
			if (!step.ok) throw new Error(step.refusal.code);
			current = step.notification;
		}
		const sent = await applyNotificationAction(
			current.number,
			current.revision.rev,
			{ kind: 'escalate', target: 'hqQuote', message: SENT },
			assistant,
			defaultConfiguration
		);
		expect(sent.ok).toBe(true);
		const stored = (await getNotification(created.number))!;
		expect(stored.history.at(-1)).toMatchObject({
			kind: 'escalation',
			actor: assistant,
			to: 'hqQuote',
			departments: ['LOG'],
			recipients: SENT.to,
			cc: SENT.cc,
			subject: SENT.subject,
			channel: 'eml'
		});
		// A stale page (the revision before the escalation) is refused, not overwritten.
		await expect(
			applyNotificationAction(
				current.number,
				current.revision.rev,
				{ kind: 'escalate', target: 'hqQuote', message: SENT },
				assistant,
				defaultConfiguration
			)
		).rejects.toThrow();
	});

	it('records the dispatch of an urgent notification, which the list row then counts', async () => {
		const created = await addNotification(
			makeFields({ isUrgent: true }),
			assistant,
			defaultConfiguration
		);
		expect(toListRow(created).dispatched).toBe(0);
		const result = await applyNotificationAction(
			created.number,
			created.revision.rev,
			{ kind: 'dispatch', message: { ...SENT, departments: ['202'], channel: 'phone' } },
			assistant,
			defaultConfiguration
		);
		if (!result.ok) throw new Error(result.refusal.code);
		const stored = (await getNotification(created.number))!;
		expect(stored.history.at(-1)).toMatchObject({
			kind: 'dispatched',
			to: '202',
			channel: 'phone'
		});
		expect(toListRow(stored).dispatched).toBe(1);
	});

	it('exports sent e-mails with several addresses in the current format (the frozen v3 fixture was made so)', async () => {
		await saveMasterRecord({
			kind: 'department',
			code: 'LOG',
			name: '区物流',
			emailTo: ['logistics@example.com', 'logistics2@example.com'],
			emailCc: ['manager@example.com']
		});
		const complaint = await addNotification(
			makeFields({ type: 'Z2', route: 'prePayment', isUrgent: true }),
			assistant,
			defaultConfiguration,
			{ now: new Date('2001-03-07T01:00:00.000Z'), longText: '抽屉锁缺货、请购。' }
		);
		const escalated = await applyNotificationAction(
			complaint.number,
			complaint.revision.rev,
			{ kind: 'escalate', target: 'logistics', message: SENT },
			assistant,
			defaultConfiguration,
			new Date('2001-03-07T02:00:00.000Z')
		);
		if (!escalated.ok) throw new Error(escalated.refusal.code);
		const dispatched = await applyNotificationAction(
			complaint.number,
			escalated.notification.revision.rev,
			{ kind: 'dispatch', message: { ...SENT, departments: ['202'], channel: 'phone' } },
			assistant,
			defaultConfiguration,
			new Date('2001-03-07T02:05:00.000Z')
		);
		expect(dispatched.ok).toBe(true);
		const file = await exportData({
			now: new Date('2001-03-09T08:00:00.000Z'),
			appVersion: '0.3.0'
		});
		const text = await file.blob.text();
		expect(text).toContain(`"formatVersion":${FORMAT_VERSION}`);
		expect(text).not.toContain('"email":');
	});
});
