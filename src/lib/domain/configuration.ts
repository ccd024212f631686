import { configurationSchema, type Configuration } from './status/profile';
import z1Profile from './status/profiles/z1.json';
import z2Profile from './status/profiles/z2.json';

/**
 * The furniture SM01 configuration: Z1 客户服务通知 (after full payment) and Z2 交货异常 (before).
 * Parsed at module load, so a broken profile file fails every test and build at once.
 */
export const defaultConfiguration: Configuration = configurationSchema.parse({
	types: [
		{
			code: 'Z1',
			label: { zh: '客户服务通知', en: 'Customer service' },
			paymentStatus: 'paid',
			profileId: z1Profile.id
		},
		{
			code: 'Z2',
			label: { zh: '交货异常', en: 'Delivery exception' },
			paymentStatus: 'unpaid',
			profileId: z2Profile.id
		}
	],
	profiles: [z1Profile, z2Profile]
});
