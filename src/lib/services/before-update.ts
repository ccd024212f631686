/** Something to do before the app reloads into a new version, such as saving an open form. */
export type BeforeUpdate = () => Promise<void> | void;

const tasks = new Set<BeforeUpdate>();

/** Registers work to finish before an update reloads the page; returns the unregister function. */
export function onBeforeUpdate(task: BeforeUpdate): () => void {
	tasks.add(task);
	return () => tasks.delete(task);
}

/** Runs every registered task (e.g. saves open forms as drafts); returns how many ran. */
export async function runBeforeUpdate(): Promise<number> {
	const pending = [...tasks];
	await Promise.all(pending.map((task) => task()));
	return pending.length;
}
