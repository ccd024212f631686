import { masterRecordSchema, type MasterRecord, type MasterRecordInput } from './master-data';

/** The SM01 examples of the seed, plus a plausible small set; all marked as sample data. */
const SAMPLE: MasterRecordInput[] = [
	{
		kind: 'customer',
		code: '27',
		name: '申齐保健食品有限公司',
		address: '上海市徐汇区漕溪北路 88 号 12 楼',
		phone: '021-6488 1234',
		contact: '陈经理',
		functionalLocations: [
			{ code: '27-01', description: '浦东仓库', address: '上海市浦东新区张江路 500 号 3 号库' }
		]
	},
	{
		kind: 'customer',
		code: '31',
		name: '华东建设设计研究院',
		address: '上海市静安区石门二路 258 号',
		phone: '021-6217 5566',
		contact: '刘工'
	},
	{
		kind: 'customer',
		code: '45',
		name: '申城律师事务所',
		address: '上海市黄浦区延安东路 222 号 28 楼',
		phone: '021-6335 9090',
		contact: '周女士'
	},
	{ kind: 'workCentre', code: 'S4002', name: '4002 服务工作中心' },
	{ kind: 'workCentre', code: 'F011', name: '上海分公司客诉处理' },
	{ kind: 'staff', code: '202', name: '王敏', phone: '138-0000-0202' },
	{ kind: 'staff', code: '203', name: '李强' },
	{ kind: 'staff', code: '204', name: '张伟' },
	{ kind: 'salesOrg', code: 'F011', name: '上海分公司' },
	{ kind: 'distributionChannel', code: '10', name: '直销' },
	{ kind: 'division', code: '02', name: '家具服务' },
	{ kind: 'salesOffice', code: '4002', name: '上海责任中心' },
	{ kind: 'salesGroup', code: '002', name: '浦东联络处' },
	{ kind: 'businessArea', code: '1001', name: '震旦家具董事会' },
	{ kind: 'businessArea', code: '1002', name: '震旦办公家具事业部' },
	{ kind: 'productCategory', code: '06', name: '活动柜' },
	{ kind: 'productCategory', code: '0601', name: '三抽活动柜', parent: '06' },
	{ kind: 'productCategory', code: '0602', name: '文件柜', parent: '06' },
	{ kind: 'productCategory', code: '07', name: '办公桌' },
	{ kind: 'productCategory', code: '0701', name: '主管桌', parent: '07' },
	{ kind: 'productCategory', code: '0702', name: '职员桌', parent: '07' },
	{ kind: 'productCategory', code: '08', name: '办公椅' },
	{ kind: 'productCategory', code: '0801', name: '网布椅', parent: '08' },
	{ kind: 'colourCode', code: 'A', name: '浅灰' },
	{ kind: 'colourCode', code: 'A1', name: '浅灰/银', parent: 'A' },
	{ kind: 'colourCode', code: 'B', name: '胡桃木' },
	{ kind: 'colourCode', code: 'B1', name: '胡桃木/黑', parent: 'B' },
	{ kind: 'reasonCode', code: '1', name: '零件损坏' },
	{ kind: 'reasonCode', code: '2', name: '运输损坏' },
	{ kind: 'reasonCode', code: '3', name: '安装问题' },
	{ kind: 'reasonCode', code: '4', name: '客户要求调整' },
	{ kind: 'department', code: 'LOG', name: '区物流', emailTo: ['logistics@example.com'] },
	{ kind: 'department', code: 'PUR', name: '采购部', emailTo: ['purchasing@example.com'] },
	{ kind: 'department', code: 'PSI', name: 'PSI', emailTo: ['psi@example.com'] }
];

/** The sample master data, validated, each record marked `isSample`. */
export function sampleMasterData(): MasterRecord[] {
	return SAMPLE.map((record) => masterRecordSchema.parse({ ...record, isSample: true }));
}
