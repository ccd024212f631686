import { defaultConfiguration } from '$lib/domain/configuration';
import { groupMasterData, type MasterData } from '$lib/domain/master-data';
import type { Notification } from '$lib/domain/notification';
import { sampleMasterData } from '$lib/domain/sample-data';
import type { Configuration } from '$lib/domain/status/profile';
import { makeFields, makeNotification } from '$lib/domain/test-factories';
import { buildWorkPlan, type WorkPlanRange } from '$lib/domain/work-plan';
import { inLocale, loadLocale, type Locale } from '$lib/i18n';
import { workPlanLabels, workPlanModel } from './print-model';

/** What `buildWorkPlanPdf` needs besides the notifications; the seed's sample data by default. */
export interface WorkPlanPdfOptions {
	range?: WorkPlanRange;
	masterData?: MasterData;
	configuration?: Configuration;
	locale?: Locale;
	centreText?: string;
	printedAt?: Date;
}

/**
 * The work plan PDF of the given notifications, without the UI or the database: the domain's
 * plan, the print model and the PDF, as 打印 makes it (the benchmark times this).
 */
export async function buildWorkPlanPdf(
	notifications: Iterable<Notification>,
	options: WorkPlanPdfOptions = {}
): Promise<{ blob: Blob; rows: number }> {
	const range = options.range ?? { from: '2001-03-07', to: '2001-03-08' };
	const plan = buildWorkPlan(notifications, range);
	await loadLocale(options.locale ?? 'zh-CN');
	const { model, labels } = inLocale(options.locale ?? 'zh-CN', () => ({
		model: workPlanModel(plan, {
			masterData: options.masterData ?? groupMasterData(sampleMasterData()),
			configuration: options.configuration ?? defaultConfiguration,
			centreText: options.centreText ?? '4002 上海服务中心',
			printedAt: options.printedAt ?? new Date()
		}),
		labels: workPlanLabels()
	}));
	const { workPlanPdf } = await import('$lib/pdf/work-plan-pdf');
	return { blob: await workPlanPdf(model, labels), rows: plan.count };
}

/**
 * `count` open notifications of the seed's example over two days and three people, some urgent,
 * some carried from before, for timing a work plan of that size.
 */
export function workPlanBenchNotifications(count: number): Notification[] {
	const people = ['202', '203', '204'];
	return Array.from({ length: count }, (_, index) =>
		makeNotification({
			...makeFields({
				responsible: people[index % people.length]!,
				isUrgent: index % 9 === 0,
				requiredStart: index % 5 === 0 ? '2001-03-01' : index % 2 ? '2001-03-07' : '2001-03-08',
				requiredEnd: '2001-03-09',
				description: index % 2 ? '活动柜锁坏' : '椅子扶手松动'
			}),
			number: `4002-01-${String(index + 1).padStart(6, '0')}`
		})
	);
}
