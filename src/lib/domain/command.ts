/** Where a command typed into the command box leads, or why it leads nowhere. */
export type CommandResult =
	| { kind: 'navigate'; path: string }
	| { kind: 'needsNumber'; code: string }
	| { kind: 'unknown'; input: string };

const NUMBER = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

/** Plain words users may type instead of a transaction code, in both languages. */
const WORDS: ReadonlyMap<string, string> = new Map(
	Object.entries({
		创建: '/notifications/new',
		创建通知: '/notifications/new',
		新建: '/notifications/new',
		create: '/notifications/new',
		new: '/notifications/new',
		清单: '/notifications',
		通知清单: '/notifications',
		list: '/notifications',
		notifications: '/notifications',
		工作计划: '/work-plan',
		工作计划表: '/work-plan',
		'work plan': '/work-plan',
		workplan: '/work-plan',
		报表: '/reports',
		reports: '/reports',
		overview: '/reports',
		导出: '/exchange',
		导入: '/exchange',
		数据交换: '/exchange',
		export: '/exchange',
		import: '/exchange',
		exchange: '/exchange',
		设置: '/settings',
		settings: '/settings'
	})
);

/**
 * Reads the command box: the SAP transaction codes users know (IW51 create, IW52 N change,
 * IW53 N display, IW59 list, ZSMR006 work plan), a bare notification number, or a plain word.
 */
export function parseCommand(raw: string): CommandResult {
	const input = raw.trim().replace(/\s+/g, ' ');
	const [head = '', ...rest] = input.split(' ');
	const code = head.toUpperCase().replace(/^\/[NO]/, '');
	const argument = rest.join(' ');
	switch (code) {
		case 'IW51':
			return { kind: 'navigate', path: '/notifications/new' };
		case 'IW52':
		case 'IW53': {
			if (!argument || !NUMBER.test(argument)) return { kind: 'needsNumber', code };
			const base = `/notifications/${encodeURIComponent(argument)}`;
			return { kind: 'navigate', path: code === 'IW52' ? `${base}?mode=change` : base };
		}
		case 'IW59':
			return { kind: 'navigate', path: '/notifications' };
		case 'ZSMR006':
			return { kind: 'navigate', path: '/work-plan' };
	}
	// A Map: typed words such as `constructor` or `__proto__` find nothing, not the prototype.
	const word = WORDS.get(input.toLowerCase());
	if (word) return { kind: 'navigate', path: word };
	if (/^\d[0-9A-Za-z]*(-[0-9A-Za-z]+)+$/.test(input) || /^\d{5,}$/.test(input)) {
		return { kind: 'navigate', path: `/notifications/${encodeURIComponent(input)}` };
	}
	return { kind: 'unknown', input };
}
