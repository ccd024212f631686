import { fileError } from './errors';
import { readExchangeBytesInParts, type WorkerReply, type WorkerRequest } from './import';

/**
 * Reads, checks and validates one exchange file off the main thread: hashing hundreds of MB and parsing
 * 100,000 records would otherwise freeze the page. Posts progress, the valid records part by part,
 * then one result.
 */
self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const { source, name, configuration } = event.data;
	const post = (reply: WorkerReply) => self.postMessage(reply);
	try {
		post({ type: 'progress', progress: { phase: 'read', done: 0, total: source.size } });
		const bytes = new Uint8Array(await source.arrayBuffer());
		const { result, isInParts } = await readExchangeBytesInParts(name, bytes, {
			configuration,
			onProgress: (progress) => post({ type: 'progress', progress }),
			// Each part's records leave at once: the Worker never holds the file's records.
			onRecords: (records) => post({ type: 'records', records })
		});
		post({ type: 'result', result, isInParts });
	} catch {
		const errors = [fileError(name, 'readFailed')];
		post({ type: 'result', result: { ok: false, name, errors }, isInParts: false });
	}
};
