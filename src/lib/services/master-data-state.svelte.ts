import { liveState, type LiveState } from '$lib/data/live.svelte';
import { loadMasterData } from '$lib/data/master-data';
import { groupMasterData, type MasterData } from '$lib/domain/master-data';

/** Master data, live: forms see a record added in settings (or by an import) at once. */
export function liveMasterData(): LiveState<MasterData> {
	return liveState(() => loadMasterData(), groupMasterData([]));
}
