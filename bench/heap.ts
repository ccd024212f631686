import type { CDPSession, Page } from '@playwright/test';

/**
 * The JS heap of a page and of every Worker it starts, through the DevTools protocol: the page's
 * own CDP session auto-attaches to its workers (non-flattened, so the messages travel inside
 * this one session) and asks each target `Runtime.getHeapUsage`. `sample()` sums them;
 * `watch()` keeps the highest sum seen while a step runs.
 */
export class HeapMonitor {
	private readonly workers = new Set<string>();
	/** How many workers were attached so far (a check that the workers are seen at all). */
	workersSeen = 0;
	private nextId = 1;
	private readonly pending = new Map<number, (result: unknown) => void>();

	private constructor(private readonly session: CDPSession) {
		session.on('Target.attachedToTarget', (event) => {
			if (event.targetInfo.type === 'worker') {
				this.workers.add(event.sessionId);
				this.workersSeen += 1;
			}
			void this.toTarget(event.sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
		});
		session.on('Target.detachedFromTarget', (event) => this.workers.delete(event.sessionId));
		session.on('Target.receivedMessageFromTarget', (event) => {
			const message = JSON.parse(event.message) as { id?: number; result?: unknown };
			const resolve = message.id === undefined ? undefined : this.pending.get(message.id);
			if (!resolve || message.id === undefined) return;
			this.pending.delete(message.id);
			resolve(message.result ?? {});
		});
	}

	/** Starts watching a page and the workers it will start. */
	static async attach(page: Page): Promise<HeapMonitor> {
		const session = await page.context().newCDPSession(page);
		const monitor = new HeapMonitor(session);
		await session.send('Runtime.enable');
		await session.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: false,
			flatten: false
		});
		return monitor;
	}

	/** The CDP session of the page, for profiles and traces. */
	get cdp(): CDPSession {
		return this.session;
	}

	private toTarget(sessionId: string, method: string): Promise<unknown> {
		const id = this.nextId++;
		const answered = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
		const sent = this.session.send('Target.sendMessageToTarget', {
			sessionId,
			message: JSON.stringify({ id, method })
		});
		// A worker that ends between the question and the answer never answers: count it as zero.
		const timeout = new Promise<unknown>((resolve) => setTimeout(() => resolve({}), 2000));
		return sent.then(() => Promise.race([answered, timeout]));
	}

	/**
	 * Collects the garbage of the page (for a figure that must not count what an earlier step left,
	 * such as the import floor's parsed file).
	 */
	async collectGarbage(): Promise<void> {
		await this.session.send('HeapProfiler.collectGarbage');
	}

	/** Bytes of JS heap in use now: the page plus each live worker. */
	async sample(): Promise<{ page: number; workers: number }> {
		const page = (await this.session.send('Runtime.getHeapUsage')).usedSize;
		let workers = 0;
		for (const sessionId of [...this.workers]) {
			const usage = (await this.toTarget(sessionId, 'Runtime.getHeapUsage').catch(() => ({}))) as {
				usedSize?: number;
			};
			workers += usage.usedSize ?? 0;
		}
		return { page, workers };
	}

	/**
	 * Runs `step` while sampling every `intervalMs`; returns its result, the highest total heap,
	 * and the highest heap of the page alone and of its workers alone (for telling where a peak is).
	 */
	async watch<T>(
		step: () => Promise<T>,
		intervalMs = 100
	): Promise<{ result: T; peak: number; pagePeak: number; workersPeak: number }> {
		let peak = 0;
		let pagePeak = 0;
		let workersPeak = 0;
		let running = true;
		const loop = (async () => {
			while (running) {
				const { page, workers } = await this.sample().catch(() => ({ page: 0, workers: 0 }));
				peak = Math.max(peak, page + workers);
				pagePeak = Math.max(pagePeak, page);
				workersPeak = Math.max(workersPeak, workers);
				await new Promise((resolve) => setTimeout(resolve, intervalMs));
			}
		})();
		try {
			const result = await step();
			running = false;
			await loop;
			return { result, peak, pagePeak, workersPeak };
		} finally {
			running = false;
			await loop;
		}
	}
}
