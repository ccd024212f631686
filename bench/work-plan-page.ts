import { buildWorkPlanPdf, workPlanBenchNotifications } from '../src/lib/services/work-plan-bench';

/**
 * Loaded into the app's page by the benchmark (built by `bench/main.ts` into the served
 * `__bench/` folder, like `floor.js`): the app's own work plan path — plan, print model, jsPDF
 * with the embedded font, loaded lazily as 打印 loads it — without its screen. Times one PDF of
 * `count` rows in the page, from the notifications to the finished Blob.
 */
async function timeWorkPlanPdf(
	count: number
): Promise<{ ms: number; rows: number; bytes: number }> {
	const notifications = workPlanBenchNotifications(count);
	const started = performance.now();
	const { blob, rows } = await buildWorkPlanPdf(notifications);
	return { ms: performance.now() - started, rows, bytes: blob.size };
}

declare global {
	interface Window {
		benchWorkPlan?: { timeWorkPlanPdf: typeof timeWorkPlanPdf };
	}
}

window.benchWorkPlan = { timeWorkPlanPdf };
