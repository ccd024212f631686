import type { Actor, Role } from './actor';
import {
	createNotification,
	emptyFields,
	type Notification,
	type NotificationFields,
	type NotificationItem
} from './notification';

/** The moment test notifications are created: the seed's example day, 2001/03/07 09:00 local. */
export const TEST_CREATED_AT = new Date(2001, 2, 7, 9, 0, 0);

/** A moment two days later, when tests act on the notification. */
export const TEST_NOW = new Date(2001, 2, 9, 10, 30, 0);

const NAMES: Record<Role, { code: string; name: string }> = {
	assistant: { code: '101', name: '李娜' },
	staff: { code: '202', name: '王敏' },
	supervisor: { code: '301', name: '张伟' }
};

/** A person of centre 4002 in the given role. */
export function makeActor(role: Role = 'assistant', overrides: Partial<Actor> = {}): Actor {
	return { ...NAMES[role], role, ...overrides };
}

/** The seed's item: product category 06, colour A, "100056,1", reason 1, OEM vendor. */
export function makeItem(overrides: Partial<NotificationItem> = {}): NotificationItem {
	return {
		productCategory: '06',
		productType: '',
		colourMain: 'A',
		colourSecondary: '',
		materialQuantity: '100056,1',
		reasonCode: '1',
		reasonText: 'OEM厂商',
		...overrides
	};
}

/** Valid form fields of the seed's example 1 (活动柜锁坏, customer 27, centre 4002). */
export function makeFields(overrides: Partial<NotificationFields> = {}): NotificationFields {
	return emptyFields({
		type: 'Z1',
		description: '活动柜锁坏',
		shipTo: '27',
		soldTo: '27',
		reporter: '王敏',
		requiredStart: '2001-03-07',
		requiredEnd: '2001-03-08',
		mainWorkCentre: 'S4002',
		responsible: '202',
		salesOrg: 'F011',
		salesOffice: '4002',
		salesGroup: '002',
		items: [makeItem()],
		...overrides
	});
}

/**
 * A valid, outstanding notification created by the assistant at TEST_CREATED_AT, with user
 * status TZJL; `overrides` replace any stored property (type, userStatus, systemStatus, history…).
 */
export function makeNotification(overrides: Partial<Notification> = {}): Notification {
	const { type = 'Z1' } = overrides;
	const created = createNotification(makeFields({ type }), {
		number: '4002-01-000021',
		centre: '4002',
		initialUserStatus: 'TZJL',
		actor: makeActor('assistant'),
		now: TEST_CREATED_AT
	});
	return { ...created, ...overrides };
}
