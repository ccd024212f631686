import { fileError } from './errors';
import {
	HelperChecks,
	readExchangeBytesInParts,
	type HelperMessage,
	type PartHelper,
	type WorkerReply,
	type WorkerRequest
} from './import';

/**
 * Reads, checks and validates one exchange file off the main thread: hashing hundreds of MB and parsing
 * 100,000 records would otherwise freeze the page. Posts progress, the valid records part by part,
 * then one result. A second instance, given the reader's port, helps it: it checks the parts the
 * reader hands over and posts their records to the page itself.
 */
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	if (request.type === 'help') return help(request.reader);
	return read(request);
};

const post = (reply: WorkerReply) => self.postMessage(reply);

async function read(request: Extract<WorkerRequest, { type: 'read' }>): Promise<void> {
	const { source, name, configuration } = request;
	try {
		post({ type: 'progress', progress: { phase: 'read', done: 0, total: source.size } });
		const bytes = new Uint8Array(await source.arrayBuffer());
		const { result, isInParts } = await readExchangeBytesInParts(name, bytes, {
			configuration,
			onProgress: (progress) => post({ type: 'progress', progress }),
			// Each part's records leave at once: the Worker never holds the file's records.
			onRecords: (records, part) => post({ type: 'records', records, part }),
			...(request.helper ? { helper: helperAt(request.helper) } : {})
		});
		post({ type: 'result', result, isInParts });
	} catch {
		const errors = [fileError(name, 'readFailed')];
		post({ type: 'result', result: { ok: false, name, errors }, isInParts: false });
	}
}

/** The reader's side of a helper Worker: parts go over the port, the answer comes back on it. */
function helperAt(port: MessagePort): PartHelper {
	let answer: (numbers: string[] | undefined) => void = () => {};
	const finished = new Promise<string[] | undefined>((resolve) => (answer = resolve));
	port.onmessage = (event: MessageEvent<HelperMessage>) => {
		if (event.data.type === 'finished') answer(event.data.numbers);
	};
	const send = (message: HelperMessage, transfer: Transferable[] = []) =>
		port.postMessage(message, transfer);
	return {
		start: (context) => send({ type: 'start', context }),
		// The part's bytes are a copy of their own: moved, not copied again.
		check: (part, bytes) => send({ type: 'part', part, bytes }, [bytes.buffer]),
		finish: () => {
			send({ type: 'finish' });
			return finished;
		}
	};
}

/**
 * The helper: checks each part it is handed, in order, posts its records to the page, and at
 * the end tells the reader the numbers it checked — or that a part was not clean (the reader then
 * reads the file whole).
 */
function help(reader: MessagePort): void {
	const checks = new HelperChecks();
	reader.onmessage = (event: MessageEvent<HelperMessage>) => {
		const message = event.data;
		if (message.type === 'start') {
			checks.start(message.context);
		} else if (message.type === 'part') {
			const records = checks.check(message.bytes);
			if (records) post({ type: 'records', records, part: message.part });
		} else if (message.type === 'finish') {
			post({ type: 'helped' });
			reader.postMessage({ type: 'finished', numbers: checks.answer } satisfies HelperMessage);
		}
	};
}
