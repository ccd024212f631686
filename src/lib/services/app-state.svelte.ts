import type { DeviceIdentity } from '$lib/domain/identity';

/** The device identity once known (reactive); undefined until first-run set-up is done. */
const app = $state<{ identity: DeviceIdentity | undefined; isStarted: boolean }>({
	identity: undefined,
	isStarted: false
});

/** The shell's view of the device. */
export function getAppState(): {
	readonly identity: DeviceIdentity | undefined;
	readonly isStarted: boolean;
} {
	return app;
}

/** Records what start-up found. */
export function setStarted(identity: DeviceIdentity | undefined): void {
	app.identity = identity;
	app.isStarted = true;
}

/** Records the identity set at first run. */
export function setAppIdentity(identity: DeviceIdentity): void {
	app.identity = identity;
}
