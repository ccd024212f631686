import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createNotification, type Notification } from '../notification';
import { TEST_CREATED_AT, TEST_NOW, makeActor, makeFields } from '../test-factories';
import { allowedActions, transition, type NotificationAction } from './engine';
import homeServicesJson from './fixtures/home-services.json';
import { initialUserStatusOf, parseConfiguration, type Configuration } from './profile';

/**
 * A third trade (家政 home services) configured from a JSON file only: 受理 SL → 派单 PD → 上门服务
 * SMFW → 验收 YS → 回访 HF. Nothing in the engine names these codes.
 */
const parsed = parseConfiguration(homeServicesJson);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const homeServices: Configuration = parsed.configuration;

const assistant = makeActor('assistant');
const staff = makeActor('staff');
const supervisor = makeActor('supervisor');
const NOW_ISO = TEST_NOW.toISOString();

function newOrder(): Notification {
	return createNotification(makeFields({ type: 'H1', description: '家电清洗' }), {
		number: '4002-01-000100',
		centre: '4002',
		initialUserStatus: initialUserStatusOf(homeServices, 'H1') ?? '',
		actor: assistant,
		now: TEST_CREATED_AT
	});
}

function step(notification: Notification, action: NotificationAction, actor: Actor) {
	return transition(notification, action, actor, homeServices, TEST_NOW);
}

function accepted(result: ReturnType<typeof step>): Notification {
	if (!result.ok) throw new Error(JSON.stringify(result.refusal));
	return result.notification;
}

describe('home services (家政) from a configuration file', () => {
	it('starts an H1 order in 受理 SL', () => {
		expect(newOrder().userStatus).toBe('SL');
	});

	it('runs 受理 → 派单 → 上门服务 → 验收 → 回访 and completes', () => {
		let order = accepted(step(newOrder(), { kind: 'putInProcess' }, assistant));
		order = accepted(step(order, { kind: 'setUserStatus', code: 'PD' }, supervisor));
		order = accepted(step(order, { kind: 'setUserStatus', code: 'SMFW' }, staff));
		order = accepted(step(order, { kind: 'setUserStatus', code: 'YS' }, assistant));
		order = accepted(step(order, { kind: 'setUserStatus', code: 'HF' }, assistant));
		order = accepted(step(order, { kind: 'complete', at: NOW_ISO }, assistant));
		expect(order.systemStatus).toBe('NOCO');
		expect(
			order.history.filter((entry) => entry.kind === 'userStatus').map((entry) => entry.to)
		).toEqual(['PD', 'SMFW', 'YS', 'HF']);
		expect(order.revision.ancestry).toHaveLength(6);
	});

	it('keeps dispatching for the supervisor and the visit for the staff', () => {
		expect(step(newOrder(), { kind: 'setUserStatus', code: 'PD' }, assistant)).toEqual({
			ok: false,
			refusal: { code: 'userStatusRoleRequired', params: { status: 'PD', role: 'supervisor' } }
		});
		const dispatched = accepted(
			step(newOrder(), { kind: 'setUserStatus', code: 'PD' }, supervisor)
		);
		expect(step(dispatched, { kind: 'setUserStatus', code: 'SMFW' }, supervisor)).toEqual({
			ok: false,
			refusal: { code: 'userStatusRoleRequired', params: { status: 'SMFW', role: 'staff' } }
		});
	});

	it('sends a failed acceptance back to the visit (YS → SMFW) by its range', () => {
		let order = newOrder();
		for (const [code, actor] of [
			['PD', supervisor],
			['SMFW', staff],
			['YS', assistant]
		] as const) {
			order = accepted(step(order, { kind: 'setUserStatus', code }, actor));
		}
		expect(accepted(step(order, { kind: 'setUserStatus', code: 'SMFW' }, staff)).userStatus).toBe(
			'SMFW'
		);
	});

	it('completes only after 验收 or 回访, as its profile says', () => {
		expect(step(newOrder(), { kind: 'complete', at: NOW_ISO }, assistant)).toEqual({
			ok: false,
			refusal: { code: 'completionNeedsUserStatus', params: { statuses: 'YS, HF' } }
		});
	});

	it('lists its own statuses in allowedActions and has no other type to change to', () => {
		const lines = allowedActions(newOrder(), supervisor, homeServices);
		expect(
			lines
				.filter((line) => line.action === 'setUserStatus')
				.map((line) => [line.code, line.allowed ? 'ok' : line.refusal?.code])
		).toEqual([
			['SL', 'userStatusAlreadySet'],
			['PD', 'ok'],
			['SMFW', 'userStatusNotAllowed'],
			['YS', 'userStatusNotAllowed'],
			['HF', 'userStatusNotAllowed']
		]);
		expect(lines.find((line) => line.action === 'changeType')).toMatchObject({
			allowed: false,
			refusal: { code: 'noOtherType' }
		});
		expect(lines.find((line) => line.action === 'complete')?.refusal?.code).toBe(
			'completionNeedsUserStatus'
		);
	});

	it('escalates to head office without an approval step, since the profile has none', () => {
		const order = { ...newOrder(), route: 'hqSupport' as const };
		expect(step(order, { kind: 'escalate', target: 'hqSupport' }, assistant).ok).toBe(true);
	});
});
