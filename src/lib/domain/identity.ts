import { atMost } from './text';
import { z } from './zod';

/** A responsibility-centre code: the sales office, 4 letters or digits (SAP VKBUR), e.g. 4002. */
export const centreCodeSchema = z
	.string({ error: 'required' })
	.trim()
	.min(1, { error: 'required', abort: true })
	.regex(/^[0-9A-Z]{4}$/, { error: 'pattern' });

/** A device code: 2 letters or digits, unique within its centre; part of every number it gives. */
export const deviceCodeSchema = z
	.string({ error: 'required' })
	.trim()
	.min(1, { error: 'required', abort: true })
	.regex(/^[0-9A-Z]{2}$/, { error: 'pattern' });

/** Who this device is: the centre that owns its records and its own number range. */
export const deviceIdentitySchema = z.object({
	centreCode: centreCodeSchema,
	centreName: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required', abort: true })
		.refine(atMost(40), { error: 'tooLong', params: { max: 40 } }),
	deviceCode: deviceCodeSchema,
	/**
	 * Codes this device used before its range was found reused (a number collision): it still owns
	 * those ranges, so it is the one that renumbers a collision in them.
	 */
	formerDeviceCodes: z.array(deviceCodeSchema).max(100).optional()
});

/** The device identity set at first run. */
export type DeviceIdentity = z.infer<typeof deviceIdentitySchema>;
