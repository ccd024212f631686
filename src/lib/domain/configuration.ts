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

/**
 * Whether a configuration is the built-in furniture set, of this or an earlier app version (same
 * types and status profiles, perhaps older details). A device restored from such a file keeps the
 * app's own built-in set, so later improvements to it are not pinned to an old copy.
 */
export function isBuiltInConfiguration(configuration: Configuration): boolean {
	const key = (c: Configuration) =>
		JSON.stringify({
			types: c.types.map((type) => `${type.code}:${type.profileId}`).sort(),
			profiles: c.profiles
				.map((profile) => `${profile.id}:${profile.statuses.map((s) => s.code).join(',')}`)
				.sort()
		});
	return key(configuration) === key(defaultConfiguration);
}
