import { atMost } from '../text';
import { z } from '../zod';
import { mailAddressSchema } from './message';

/**
 * The centre's mail settings: its sender address and name (the `From` of an .eml) and which
 * department is its regional logistics (区物流), the recipient the routes propose.
 */
export const mailSettingsSchema = z.object({
	senderAddress: z.union([z.literal(''), mailAddressSchema]).default(''),
	senderName: z
		.string()
		.trim()
		.refine(atMost(60), { error: 'tooLong', params: { max: 60 } })
		.default(''),
	logisticsDepartment: z.string().max(20, { error: 'tooLong' }).default('')
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

/** Settings before the centre has entered any. */
export const EMPTY_MAIL_SETTINGS: MailSettings = {
	senderAddress: '',
	senderName: '',
	logisticsDepartment: ''
};
