import { runBeforeUpdate } from './before-update';

/** What the service worker has told the app. */
const pwa = $state({ needRefresh: false, offlineReady: false });
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | undefined;

/** The service-worker state (reactive): a waiting update, or the app ready offline. */
export function getPwaState(): { readonly needRefresh: boolean; readonly offlineReady: boolean } {
	return pwa;
}

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (production builds only). A new version waits until the user
 * agrees to reload: nothing activates by itself, so an open form is never cut off.
 */
export async function startServiceWorker(): Promise<void> {
	if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
		return;
	}
	const { registerSW } = await import('virtual:pwa-register');
	updateServiceWorker = registerSW({
		immediate: true,
		onNeedRefresh() {
			pwa.needRefresh = true;
		},
		// Another tab accepted the update: save this tab's open forms too before it reloads.
		onNeedReload() {
			void runBeforeUpdate().finally(() => window.location.reload());
		},
		onOfflineReady() {
			pwa.offlineReady = true;
		},
		onRegisteredSW(_url, registration) {
			if (!registration) return;
			const check = () => {
				if (navigator.onLine) registration.update().catch(() => undefined);
			};
			setInterval(check, UPDATE_CHECK_MS);
			window.addEventListener('online', check);
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') check();
			});
		},
		onRegisterError(error: unknown) {
			console.error('service worker registration failed', error);
		}
	});
}

/** Saves open forms as drafts, then activates the waiting version and reloads. */
export async function applyUpdate(): Promise<void> {
	await runBeforeUpdate();
	const waiting = (await navigator.serviceWorker?.getRegistration())?.waiting;
	await updateServiceWorker?.(true);
	// workbox-window reloads when the new worker takes control of the page. A page that no worker
	// controls (a first visit: the worker never claims open pages) gets no such event, and its new
	// worker is often active already, as no page used the old one: reload it ourselves.
	if (!navigator.serviceWorker?.controller) {
		if (waiting) await untilActivated(waiting);
		location.reload();
	}
}

function untilActivated(worker: ServiceWorker): Promise<void> {
	const isDone = () => worker.state === 'activated' || worker.state === 'redundant';
	return new Promise((resolve) => {
		if (isDone()) return resolve();
		worker.addEventListener('statechange', () => {
			if (isDone()) resolve();
		});
	});
}

/** Hides the update prompt until the next check finds the version again. */
export function postponeUpdate(): void {
	pwa.needRefresh = false;
}

/** Hides the "ready offline" notice. */
export function dismissOfflineReady(): void {
	pwa.offlineReady = false;
}
