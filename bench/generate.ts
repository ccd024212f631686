import type { Actor, Role } from '../src/lib/domain/actor';
import { defaultConfiguration } from '../src/lib/domain/configuration';
import type { MasterRecord } from '../src/lib/domain/master-data';
import { masterRecordSchema } from '../src/lib/domain/master-data';
import {
	appendLongText,
	createNotification,
	emptyFields,
	type Notification,
	type NotificationFields,
	type NotificationItem
} from '../src/lib/domain/notification';
import { formatNotificationNumber } from '../src/lib/domain/numbering';
import { sampleMasterData } from '../src/lib/domain/sample-data';
import { transition, type NotificationAction } from '../src/lib/domain/status/engine';
import { ExportWriter, type ExportFile } from '../src/lib/exchange/export';
import { CHUNK_SIZE } from '../src/lib/exchange/format';

/**
 * Realistic notifications for the benchmark, each a pure function of its index and the seed: a
 * centre's three years of work. Every record is made by the app's own domain functions
 * (`createNotification`, `transition`, `appendLongText`), so revisions, field stamps, history and
 * statuses are exactly what the app would have written; the file is written by the app's own
 * `ExportWriter`. Nothing here is random at run time: the same seed gives the same bytes.
 */

/** The centre and device the generated file comes from (another device of the bench's centre). */
export const BENCH_CENTRE = { code: '4002', name: '上海责任中心' };
export const EXPORTING_DEVICE = '02';
/** The device the benchmark sets up in the browser before it imports the file. */
export const IMPORTING_DEVICE = '01';

/** A word in about one description of 2,000 (search's worst case: few matches, every row read). */
export const RARE_WORD = '水渍';
/** A word in about a third of all records. */
export const COMMON_WORD = '锁';

/** The last day of the three years the records were created in (fixed: the bytes never change). */
const END = Date.UTC(2026, 10, 30, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const SPAN_DAYS = 3 * 365;

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T =>
	list[Math.floor(random() * list.length)] as T;
const between = (random: Random, low: number, high: number) =>
	low + Math.floor(random() * (high - low + 1));
const pad = (value: number, length: number) => String(value).padStart(length, '0');
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

// The seed's vocabulary (service-process-documents.zh.txt, chapter SM01 and the trades after it).
const OBJECTS = [
	'活动柜',
	'办公桌',
	'主管桌',
	'职员桌',
	'网布椅',
	'文件柜',
	'会议桌',
	'沙发',
	'书架',
	'屏风'
];
const PROBLEMS = [
	'锁坏',
	'抽屉打不开',
	'桌面划伤',
	'滑轨断裂',
	'气杆漏气',
	'合页松动',
	'面料起球',
	'异响',
	'玻璃破裂',
	'层板弯曲',
	'漆面脱落',
	'锁芯卡住',
	'安装不平',
	'色差'
];
const LONG_TEXT = [
	'活动柜被反锁，抽屉打不开。抽屉锁缺货、请购。',
	'客户来电反映产品在使用过程中出现问题，要求尽快上门处理。',
	'已与客户约定上门时间，服务人员将携带备件前往现场勘察。',
	'现场勘察后确认为安装不当所致，已重新调整并告知客户注意事项。',
	'需要总部技术支持确认维修方案，暂时无法在本地完成。',
	'配件已从仓库调出，预计三个工作日内送达服务中心。',
	'客户对处理结果表示满意，已签署家具服务单验收。',
	'旧件已回收，待质量部门分析后反馈给供应商。',
	'报价已发客户确认，客户认可后安排施工。',
	'客诉单已传区物流，注明完款状况：未完款。',
	'预领零件：锁芯两只、滑轨一副，已填请购单。',
	'回访客户，满意度良好，无其他需求。'
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['敏', '娜', '伟', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '霞'];
const CITIES = [
	['上海市', ['徐汇区', '浦东新区', '静安区', '黄浦区', '闵行区', '长宁区']],
	['苏州市', ['工业园区', '姑苏区', '吴中区']],
	['杭州市', ['西湖区', '滨江区', '上城区']]
] as const;
const ROADS = [
	'漕溪北路',
	'张江路',
	'石门二路',
	'延安东路',
	'南京西路',
	'金科路',
	'星湖街',
	'文三路'
];
const COMPANY_WORDS = [
	'申齐',
	'华东',
	'申城',
	'东方',
	'金桥',
	'新华',
	'长江',
	'明珠',
	'恒通',
	'嘉禾'
];
const COMPANY_KINDS = [
	'保健食品有限公司',
	'建设设计研究院',
	'律师事务所',
	'科技有限公司',
	'贸易有限公司',
	'银行支行',
	'酒店',
	'学校'
];
const FOREIGN_CENTRES = ['4003', '4005'];
const STAFF = ['202', '203', '204'];

/** How many customers a file of `size` notifications refers to. */
export function customerCount(size: number): number {
	return Math.min(5000, Math.max(20, Math.ceil(size / 20)));
}

/** Customer `index` (code 1000 + index), with an address and, for one in ten, a second site. */
function customer(index: number): MasterRecord {
	const random = generator(0x5eed0000 + index);
	const [city, districts] = pick(random, CITIES);
	const address = `${city}${pick(random, districts)}${pick(random, ROADS)} ${between(random, 1, 999)} 号`;
	const code = String(1000 + index);
	return masterRecordSchema.parse({
		kind: 'customer',
		code,
		name: `${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_KINDS)}`,
		address,
		phone: `021-${between(random, 5000, 6999)} ${pad(between(random, 0, 9999), 4)}`,
		contact: `${pick(random, SURNAMES)}${pick(random, ['经理', '女士', '先生', '工'])}`,
		functionalLocations:
			index % 10 === 0
				? [
						{
							code: `${code}-01`,
							description: '仓库',
							address: `${address} ${between(random, 1, 9)} 号库`
						}
					]
				: []
	});
}

/** The master data of the file: the app's sample code lists and the generated customers. */
export function benchMasterData(size: number): MasterRecord[] {
	const codeLists = sampleMasterData()
		.filter((record) => record.kind !== 'customer')
		.map((record) => ({ ...record, isSample: false }));
	return [...codeLists, ...Array.from({ length: customerCount(size) }, (_, i) => customer(i))];
}

function person(random: Random, role: Role): Actor {
	const code = role === 'staff' ? pick(random, STAFF) : role === 'supervisor' ? '301' : '101';
	return { code, name: `${pick(random, SURNAMES)}${pick(random, GIVEN)}`, role };
}

function longText(random: Random): string {
	const sentences = random() < 0.01 ? 40 : between(random, 1, 3);
	return Array.from({ length: sentences }, () => pick(random, LONG_TEXT))
		.join('')
		.slice(0, 4000);
}

function item(random: Random): NotificationItem {
	const reason = between(random, 1, 4);
	return {
		productCategory: pick(random, ['06', '07', '08']),
		productType: '',
		colourMain: pick(random, ['A', 'B']),
		colourSecondary: '',
		materialQuantity: `${100000 + between(random, 0, 999)},${between(random, 1, 5)}`,
		reasonCode: String(reason),
		reasonText: reason === 1 ? 'OEM厂商' : ''
	};
}

/** Where notification `index` of `size` comes from: its centre and device, and its sequence there. */
function origin(index: number): { centre: string; device: string } {
	if (index % 20 === 19) return { centre: FOREIGN_CENTRES[index % 2] as string, device: '01' };
	return { centre: BENCH_CENTRE.code, device: index % 7 === 6 ? '03' : EXPORTING_DEVICE };
}

/** The actions tried, in turn, on a record's way through its life; refused ones are skipped. */
function nextAction(random: Random, record: Notification, now: number): NotificationAction {
	const roll = random();
	if (roll < 0.25) return { kind: 'putInProcess' };
	if (roll < 0.5) {
		const codes = record.type === 'Z1' ? ['KCJS', 'ZGPZ', 'BPZ', 'ZBHF'] : ['HFYY', 'HWSD', 'HWTH'];
		return { kind: 'setUserStatus', code: pick(random, codes) };
	}
	if (roll < 0.6) {
		return {
			kind: 'postpone',
			reason: '等待总部配件',
			until: isoDay(now + between(random, 3, 30) * DAY)
		};
	}
	if (roll < 0.75) return { kind: 'complete', at: new Date(now).toISOString(), reason: '已处理' };
	if (roll < 0.8) return { kind: 'markPrinted' };
	return { kind: 'setUserStatus', code: record.type === 'Z1' ? 'KCJS' : 'HFYY' };
}

/**
 * Notification `index` of a file of `size`: created by the assistant on a day of the three years
 * (the index orders them by time), then changed by staff and the supervisor until it has 3 to 10
 * history entries: statuses, long text, postponement, completion, printing, as the engine allows.
 */
export function benchNotification(index: number, size: number): Notification {
	const random = generator(index + 1);
	const { centre, device } = origin(index);
	const sequence = index + 1;
	const number = formatNotificationNumber(centre, device, sequence);
	const type = random() < 0.7 ? 'Z1' : 'Z2';
	const day = Math.floor((index / Math.max(1, size)) * SPAN_DAYS);
	let now = END - (SPAN_DAYS - day) * DAY + between(random, 0, 9) * HOUR;
	const shipTo = String(1000 + Math.floor(random() * customerCount(size)));
	const start = now + between(random, 0, 3) * DAY;
	const rare = index % 2000 === 1000 ? `，${RARE_WORD}` : '';
	const fields: NotificationFields = emptyFields({
		type,
		description: `${pick(random, OBJECTS)}${pick(random, PROBLEMS)}${rare}`,
		shipTo,
		soldTo: random() < 0.9 ? shipTo : String(1000 + Math.floor(random() * customerCount(size))),
		reporter: `${pick(random, SURNAMES)}${pick(random, GIVEN)}`,
		poNumber: random() < 0.4 ? `PO${pad(index, 8)}` : '',
		poDate: random() < 0.4 ? isoDay(now - between(random, 5, 60) * DAY) : '',
		requiredStart: isoDay(start),
		requiredEnd: isoDay(start + between(random, 0, 14) * DAY),
		mainWorkCentre: type === 'Z1' ? `S${centre}` : 'F011',
		responsible: pick(random, STAFF),
		salesOrg: 'F011',
		salesOffice: centre,
		salesGroup: random() < 0.5 ? '002' : '',
		functionalLocation: Number(shipTo) % 10 === 0 && random() < 0.5 ? `${shipTo}-01` : '',
		isUrgent: random() < 0.1,
		demandType: pick(random, ['paid', 'repair', 'exchange', 'return'] as const),
		route:
			type === 'Z2'
				? pick(random, ['local', 'prePayment'] as const)
				: pick(random, ['local', 'local', 'hqQuote', 'hqSupport'] as const),
		items: Array.from({ length: random() < 0.7 ? 1 : between(random, 2, 3) }, () => item(random))
	});
	let record = createNotification(fields, {
		number,
		centre,
		initialUserStatus: 'TZJL',
		actor: person(random, 'assistant'),
		now: new Date(now),
		...(random() < 0.5 ? { longText: longText(random) } : {})
	});
	// A step adds one or two entries: stopping below 10 keeps every record within 3 to 10.
	const entries = between(random, 3, 9);
	for (let tries = 0; tries < 40 && record.history.length < entries; tries += 1) {
		now += between(random, 1, 72) * HOUR;
		const at = new Date(Math.min(now, END));
		if (random() < 0.25) {
			record = appendLongText(record, longText(random), person(random, 'staff'), at);
			continue;
		}
		const action = nextAction(random, record, at.getTime());
		const role: Role =
			action.kind === 'setUserStatus' && (action.code === 'ZGPZ' || action.code === 'BPZ')
				? 'supervisor'
				: pick(random, ['assistant', 'staff'] as const);
		const result = transition(record, action, person(random, role), defaultConfiguration, at);
		if (result.ok) record = result.notification;
	}
	return record;
}

/**
 * The exchange file of `size` notifications, written by the app's `ExportWriter` one chunk at a
 * time, as an export of the bench centre's device 02 (`onChunk` sees each part's progress).
 */
export function generateExport(size: number, onChunk?: (done: number) => void): ExportFile {
	const masterData = benchMasterData(size);
	const writer = new ExportWriter(
		{
			appVersion: 'bench',
			centre: BENCH_CENTRE,
			device: EXPORTING_DEVICE,
			exportedAt: new Date(END),
			counts: { notifications: size, masterData: masterData.length },
			knownDevices: [EXPORTING_DEVICE, '03']
		},
		defaultConfiguration
	);
	writer.addMasterData(masterData);
	for (let start = 0; start < size; start += CHUNK_SIZE) {
		const end = Math.min(size, start + CHUNK_SIZE);
		writer.addNotifications(
			Array.from({ length: end - start }, (_, i) => benchNotification(start + i, size))
		);
		onChunk?.(end);
	}
	return writer.finish();
}

/** A number of the generated file that the bench's device may change: its own centre, not completed. */
export function changeableNumbers(size: number, count: number): string[] {
	const numbers: string[] = [];
	for (let index = size - 1; index >= 0 && numbers.length < count; index -= 1) {
		const record = benchNotification(index, size);
		if (record.centre === BENCH_CENTRE.code && record.systemStatus !== 'NOCO')
			numbers.push(record.number);
	}
	return numbers;
}
