/** The default catalogue (zh-CN). Every visible string of the app comes from here or its English twin. */
export const zhCN = {
	app: {
		name: '售后服务通知',
		shortName: '售后',
		skipToContent: '跳到主要内容',
		loading: '正在加载…',
		close: '关闭',
		cancel: '取消',
		confirm: '确定',
		save: '保存',
		retry: '重试',
		reload: '重新加载'
	},
	nav: {
		label: '主导航',
		list: '通知清单',
		create: '创建通知',
		workPlan: '工作计划表',
		reports: '报表',
		exchange: '数据交换',
		settings: '设置',
		menu: '菜单'
	},
	command: {
		label: '事务代码',
		placeholder: '输入事务代码或关键词，如 IW51、IW53 1000021',
		go: '执行',
		unknown:
			'未知的事务代码或命令：“{input}”。可用：IW51 创建、IW52 编号 修改、IW53 编号 显示、IW59 清单、ZSMR006 工作计划表。',
		needsNumber: '{code} 需要一个通知单编号，例如“{code} 4002-01-000001”。',
		help: '事务代码：IW51 创建通知，IW52 修改，IW53 显示，IW59 通知清单，ZSMR006 工作计划表'
	},
	home: {
		title: '售后服务通知',
		intro: '本设备的责任中心 {centre}（{centreName}），设备代码 {device}。',
		placeholder: '此区域将在后续版本中提供。'
	},
	setup: {
		title: '首次使用设置',
		intro:
			'每台设备都有自己的编号范围：责任中心代码 + 设备代码 + 流水号。请填写本设备所属的责任中心和一个在本中心内唯一的设备代码。',
		centreCode: '责任中心',
		centreCodeHint: '销售办事处代码，4 位大写字母或数字，例如 4002',
		centreName: '责任中心名称',
		deviceCode: '设备代码',
		deviceCodeHint: '2 位大写字母或数字，本中心内每台设备不同，例如 01',
		submit: '开始使用',
		restoreTitle: '从导出文件恢复',
		restoreIntro: '如果本中心已有导出文件（备份或其他设备的数据），可以直接从文件恢复。',
		restoreLater: '从文件恢复将随数据交换功能一起提供。',
		saved: '设置已保存。本设备的编号范围为 {centre}-{device}-。'
	},
	validation: {
		required: '请填写“{field}”。',
		pattern: '“{field}”的格式不正确：{hint}。',
		tooLong: '“{field}”最多 {max} 个字符。'
	},
	settings: {
		title: '设置',
		language: '语言',
		languageZh: '中文（简体）',
		languageEn: 'English',
		identity: '本设备',
		centre: '责任中心',
		device: '设备代码',
		storageTitle: '存储',
		storagePersistent: '持久存储：已授予，浏览器不会自动清除本应用的数据。',
		storageNotPersistent:
			'持久存储：未授予。磁盘空间不足时浏览器可能清除本应用的数据，请定期导出备份。',
		storageUnknown: '本浏览器无法报告存储状态。',
		storageUsage: '已用 {usage}，可用配额 {quota}（{percent}%）。',
		storageRequest: '申请持久存储',
		storageGranted: '浏览器已授予持久存储。',
		storageDenied: '浏览器未授予持久存储。安装本应用或将其加入书签后可以再试。'
	},
	update: {
		available: '新版本已可用。',
		reloadNow: '更新并重新加载',
		later: '稍后',
		offlineReady: '应用已可离线使用。',
		chunkFailed: '应用已更新，此页面需要重新加载才能打开。',
		draftSaved: '已将正在填写的表单保存为草稿。'
	},
	storage: {
		unavailableTitle: '无法保存数据',
		unavailableBody:
			'此浏览器不允许本应用使用 IndexedDB（例如无痕模式、已被禁用或存储被阻止），因此无法保存任何数据。请使用普通窗口打开，或在浏览器设置中允许本网站存储数据。',
		unavailableDetail: '浏览器给出的原因：{reason}',
		versionChange: '本应用已在另一个标签页中更新了数据库。此标签页已断开连接，请重新加载。',
		blocked: '数据库升级被另一个打开的标签页阻止。请关闭本应用的其他标签页，然后重新加载。'
	},
	error: {
		generic: '操作失败：{message}',
		saveFailed: '保存失败，数据未被修改：{message}',
		notFound: '找不到此页面。'
	}
} as const;
