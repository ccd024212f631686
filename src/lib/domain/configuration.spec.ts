import { describe, expect, it } from 'vitest';
import homeServices from './status/fixtures/home-services.json';
import { defaultConfiguration, isBuiltInConfiguration } from './configuration';
import { configurationSchema } from './status/profile';

describe('isBuiltInConfiguration', () => {
	it('recognises the built-in set, also as an earlier version wrote it', () => {
		expect(isBuiltInConfiguration(defaultConfiguration)).toBe(true);
		const older = structuredClone(defaultConfiguration);
		for (const profile of older.profiles) {
			for (const status of profile.statuses) delete status.recordsTime;
		}
		expect(isBuiltInConfiguration(older)).toBe(true);
	});

	it('does not take another trade’s configuration for the built-in one', () => {
		expect(isBuiltInConfiguration(configurationSchema.parse(homeServices))).toBe(false);
	});
});
