import { liveState, type LiveState } from '$lib/data/live.svelte';
import { getBackupFacts, type BackupFacts } from '$lib/data/settings';

const DISMISSED_KEY = 'shouhou.backupReminderDismissed';

function readDismissed(): boolean {
	try {
		return globalThis.sessionStorage?.getItem(DISMISSED_KEY) === '1';
	} catch {
		// sessionStorage can be blocked; the reminder then simply shows again.
		return false;
	}
}

const reminder = $state({ isDismissed: readDismissed() });

/** The backup facts, live: an export or the first own data updates the reminder at once. */
export function liveBackupFacts(): LiveState<BackupFacts> {
	return liveState(() => getBackupFacts(), { lastExportAt: undefined, hasData: false });
}

/** Whether the reminder was dismissed in this browser session (reactive). */
export function isReminderDismissed(): boolean {
	return reminder.isDismissed;
}

/** Hides the reminder until the browser session ends (this tab closes). */
export function dismissReminder(): void {
	reminder.isDismissed = true;
	try {
		globalThis.sessionStorage?.setItem(DISMISSED_KEY, '1');
	} catch {
		// Not remembered across reloads when storage is blocked; hidden for now all the same.
	}
}
