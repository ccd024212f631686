import type { Catalogue } from './catalogue';

/** The English catalogue; the type forces the same keys as zh-CN. */
export const en: Catalogue = {
	app: {
		name: 'After-sales service notifications',
		shortName: 'Shouhou',
		skipToContent: 'Skip to main content',
		loading: 'Loading…',
		close: 'Close',
		cancel: 'Cancel',
		confirm: 'OK',
		save: 'Save',
		retry: 'Retry',
		reload: 'Reload'
	},
	nav: {
		label: 'Main navigation',
		list: 'Notification list',
		create: 'Create notification',
		workPlan: 'Work plan',
		reports: 'Reports',
		exchange: 'Exchange',
		settings: 'Settings',
		menu: 'Menu'
	},
	command: {
		label: 'Transaction code',
		placeholder: 'Transaction code or keyword, e.g. IW51, IW53 1000021',
		go: 'Go',
		unknown:
			'Unknown transaction code or command: “{input}”. Available: IW51 create, IW52 number change, IW53 number display, IW59 list, ZSMR006 work plan.',
		needsNumber: '{code} needs a notification number, e.g. “{code} 4002-01-000001”.',
		help: 'Transaction codes: IW51 create, IW52 change, IW53 display, IW59 list, ZSMR006 work plan'
	},
	home: {
		title: 'After-sales service notifications',
		intro:
			'This device belongs to responsibility centre {centre} ({centreName}), device code {device}.',
		placeholder: 'This area arrives in a later version.'
	},
	setup: {
		title: 'First-run set-up',
		intro:
			'Every device has its own number range: responsibility-centre code + device code + sequence. Enter the centre this device belongs to and a device code that is unique within the centre.',
		centreCode: 'Responsibility centre',
		centreCodeHint: 'sales office code, 4 capital letters or digits, e.g. 4002',
		centreName: 'Responsibility centre name',
		deviceCode: 'Device code',
		deviceCodeHint: '2 capital letters or digits, different for each device of the centre, e.g. 01',
		submit: 'Start',
		restoreTitle: 'Restore from an export file',
		restoreIntro:
			'If the centre already has an export file (a backup or another device’s data), you can restore from it.',
		restoreLater: 'Restoring from a file arrives with the exchange feature.',
		saved: 'Set-up saved. This device numbers notifications {centre}-{device}-….'
	},
	validation: {
		required: 'Please fill in “{field}”.',
		pattern: '“{field}” is not in the right format: {hint}.',
		tooLong: '“{field}” takes at most {max} characters.'
	},
	settings: {
		title: 'Settings',
		language: 'Language',
		languageZh: '中文（简体）',
		languageEn: 'English',
		identity: 'This device',
		centre: 'Responsibility centre',
		device: 'Device code',
		storageTitle: 'Storage',
		storagePersistent:
			'Persistent storage: granted; the browser will not clear this app’s data by itself.',
		storageNotPersistent:
			'Persistent storage: not granted. The browser may clear this app’s data when disk space runs low; export a backup regularly.',
		storageUnknown: 'This browser cannot report the storage state.',
		storageUsage: '{usage} used of a {quota} quota ({percent}%).',
		storageRequest: 'Request persistent storage',
		storageGranted: 'The browser granted persistent storage.',
		storageDenied:
			'The browser did not grant persistent storage. Install the app or bookmark it, then try again.'
	},
	update: {
		available: 'A new version is available.',
		reloadNow: 'Update and reload',
		later: 'Later',
		offlineReady: 'The app is ready to work offline.',
		chunkFailed: 'The app was updated; reload to open this page.',
		draftSaved: 'The open form was saved as a draft.'
	},
	storage: {
		unavailableTitle: 'Nothing can be saved',
		unavailableBody:
			'This browser does not let the app use IndexedDB (private mode, disabled or blocked storage), so no data can be saved. Open the app in a normal window or allow this site to store data in the browser settings.',
		unavailableDetail: 'Reason given by the browser: {reason}',
		versionChange:
			'The app updated its database in another tab. This tab has closed its connection; please reload.',
		blocked:
			'Another open tab of the app is blocking a database upgrade. Close the app’s other tabs, then reload.'
	},
	error: {
		generic: 'The action failed: {message}',
		saveFailed: 'Saving failed; nothing was changed: {message}',
		notFound: 'Page not found.'
	}
};
