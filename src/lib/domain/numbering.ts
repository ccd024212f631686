/**
 * Notification numbers: centre code + device code + a sequence of that device, as SAP gives each
 * client its own number range. Two devices never give the same number without coordinating,
 * because no two devices share a (centre, device) pair.
 */
export function formatNotificationNumber(
	centreCode: string,
	deviceCode: string,
	sequence: number
): string {
	if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
	return `${centreCode}-${deviceCode}-${String(sequence).padStart(6, '0')}`;
}

/** The shape of a notification number, e.g. 4002-01-000021. */
export const NOTIFICATION_NUMBER_PATTERN = /^[0-9A-Z]{4}-[0-9A-Z]{2}-\d{6,}$/;

/** The centre and device of a notification number. */
export function parseNotificationNumber(
	number: string
): { centreCode: string; deviceCode: string; sequence: number } | undefined {
	if (!NOTIFICATION_NUMBER_PATTERN.test(number)) return undefined;
	const [centreCode = '', deviceCode = '', sequence = ''] = number.split('-');
	return { centreCode, deviceCode, sequence: Number(sequence) };
}
