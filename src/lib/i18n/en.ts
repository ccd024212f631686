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
		yes: 'yes',
		no: 'no',
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
		dismiss: 'Dismiss message',
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
		deviceCodeHint:
			'2 capital letters or digits, different for each device of the centre, e.g. 01. Never use a device code again: when a device’s data was wiped and it is set up again, give it a new code too, or two different notifications get the same number.',
		pin: 'Supervisor PIN',
		pinHint:
			'4–8 digits, set by the supervisor. Supervisor actions such as approving, rejecting and putting in process again need it.',
		pinConfirm: 'Supervisor PIN again',
		submit: 'Start',
		restoreTitle: 'Restore from an export file',
		restoreIntro:
			'If the centre already has an export file (a backup or another device’s data), you can restore from it.',
		restoreFile: 'Export file',
		restoreDevice: 'Device code of this device',
		restoreButton: 'Restore from file',
		restored:
			'Restored from the file: {notifications} notifications, {masterData} master records. This device numbers notifications {centre}-{device}-….',
		saved: 'Set-up saved. This device numbers notifications {centre}-{device}-….'
	},
	overview: {
		heading: 'Overview',
		centre: 'Responsibility centre',
		allCentres: 'All responsibility centres',
		asOf: 'As of {date}',
		loading: 'Computing the overview…',
		statusHeading: 'Notification status',
		all: 'All',
		attentionHeading: 'Needs attention',
		urgent: 'Urgent (open)',
		overdue: 'Overdue',
		dueToday: 'Due today',
		dueThisWeek: 'Due this week',
		weekRange: 'This week: {from} – {to} (by required end)',
		urgentNotDispatched: 'Urgent, service staff not told',
		userStatusHeading: 'User status (open)',
		responsibleHeading: 'Person responsible (open)',
		urgentShort: 'Urgent',
		responsible: 'Person responsible',
		open: 'Open',
		nobody: 'Not set',
		none: 'No open notifications.',
		urgentListHeading: 'Urgent, service staff not yet told',
		urgentListEmpty: 'No urgent notification is waiting to be dispatched.',
		urgentListMore: '{count} in all; the newest {shown} are shown.',
		created: 'Created',
		chartsHeading: 'Charts',
		chartStatus: 'Open notifications by system status',
		chartAge: 'Age of open notifications (days since the notification date)',
		chartWeeks: 'Notifications created and completed per week, last 12 weeks',
		columnStatus: 'System status',
		columnAge: 'Age',
		columnWeek: 'Week (from Monday)',
		seriesCount: 'Count',
		seriesCreated: 'Created',
		seriesCompleted: 'Completed',
		ageUpTo2: '0–2 days',
		ageUpTo7: '3–7 days',
		ageUpTo30: '8–30 days',
		ageOver30: 'over 30 days',
		chartUnavailable: 'The charts cannot be shown; the figures are in the tables below.'
	},
	validation: {
		required: 'Please fill in “{field}”.',
		pattern: '“{field}” is not in the right format: {hint}.',
		tooLong: '“{field}” takes at most {max} characters.',
		characterCount: '{count}/{max} characters',
		atLimit: '“{field}” has reached its limit of {max} characters.',
		overLimit:
			'“{field}” takes at most {max} characters and has {count}: shorten it before saving; nothing typed is cut.',
		invalidDate: '“{field}” is not a valid date.',
		endBeforeStart: '“{field}” cannot be before “Required start”.',
		notANumber: '“{field}” must be a number.',
		negative: '“{field}” cannot be negative.',
		routeMismatch: '“{field}” does not fit a notification that is {paymentStatus}.',
		unknownCode: '“{field}”: code {code} does not exist in master data.',
		invalid: '“{field}” has an invalid value.'
	},
	field: {
		number: 'Notification',
		centre: 'Responsibility centre',
		paymentStatus: 'Payment status',
		type: 'Notification type',
		referenceNumber: 'Reference notification',
		description: 'Description',
		longText: 'Long text',
		userStatus: 'User status',
		systemStatus: 'System status',
		shipTo: 'Ship-to party',
		soldTo: 'Sold-to party',
		reporter: 'Reported by',
		poNumber: 'PO number',
		poDate: 'PO date',
		requiredStart: 'Required start',
		requiredEnd: 'Required end',
		mainWorkCentre: 'Main work centre',
		responsible: 'Person responsible',
		salesArea: 'Sales area',
		salesOrg: 'Sales organisation',
		distributionChannel: 'Distribution channel',
		division: 'Division',
		salesOffice: 'Sales office',
		salesGroup: 'Sales group',
		functionalLocation: 'Functional location',
		objectAddress: 'Object address',
		businessArea: 'Business area',
		partners: 'Partners',
		isUrgent: 'Urgent',
		demandType: 'Demand type',
		route: 'Route',
		items: 'Items',
		productCategory: 'Product category',
		productType: 'Product type',
		colourMain: 'Main colour code',
		colourSecondary: 'Secondary colour code',
		materialQuantity: 'Text (material no.,quantity)',
		reasonCode: 'Reason code',
		reasonText: 'Reason text',
		createdAt: 'Notification date',
		createdBy: 'Created by',
		changedAt: 'Last changed'
	},
	notification: {
		createTitle: 'Create notification (IW51)',
		changeTitle: 'Change notification {number} (IW52)',
		displayTitle: 'Display notification {number} (IW53)',
		chooseType: 'Choose the notification type',
		typeHintPaid: 'Customer has paid in full: customer service',
		typeHintUnpaid: 'Customer has not paid in full: delivery exception',
		referenceHint: 'Optional: the number of an earlier notification to copy',
		continue: 'Continue',
		referenceNotFound: 'Reference notification {number} not found.',
		saved: 'Notification {number} saved.',
		created: 'Notification {number} created.',
		notFound: 'Notification {number} not found.',
		conflict:
			'Notification {number} was changed elsewhere (another tab, for example). Your input is still in the form: copy what you need, reopen the notification and change it again.',
		foreignRecord:
			'Notification {number} belongs to another responsibility centre and cannot be changed on this device.',
		readOnlyOtherCentre:
			'This notification belongs to responsibility centre {centre}; on this device it is read-only.',
		draftRestored: 'An unsaved draft was restored ({savedAt}).',
		discardDraft: 'Discard draft',
		formInvalid: '{count} fields need correcting; see the marked fields.',
		edit: 'Change',
		cancelEdit: 'Cancel change',
		headerSection: 'Header data',
		itemsSection: 'Items',
		addItem: 'Add item',
		removeItem: 'Remove item {index}',
		itemTitle: 'Item {index}',
		noItems: 'No items.',
		longTextSection: 'Long text',
		addLongText: 'Add text',
		newLongText: 'New text',
		noLongText: 'No long text yet.',
		historySection: 'History',
		actionsSection: 'Actions',
		analysisSection: 'Transaction analysis: actions not possible now, and why',
		allowedNow: 'Possible now',
		partnersSection: 'Partners',
		objectAddressHint: 'Object address (used in lists, the work plan and e-mail): {address}',
		noFunctionalLocation: '(none, the customer’s address is used)',
		urgentYes: 'Urgent',
		postponeReason: 'Reason for postponing',
		postponeUntil: 'New date',
		completeAt: 'Completion reference time',
		completeReason: 'Reason for completing',
		statusTime: 'When: {status}',
		statusDates: 'Times of the user statuses',
		statusUnit: 'Status (system and user status)',
		printedFlag: 'Printed (NOPT)',
		reopenReason: 'Reason for putting in process again',
		userStatusSet: 'User status set to {status}.',
		actionDone: 'Done: {action}.',
		actionFailed: 'Not done: {action}.',
		history: {
			created: 'Notification {to} created',
			field: '{field}: {from} → {to}',
			systemStatus: 'System status: {from} → {to}',
			userStatus: 'User status: {from} → {to}',
			longText: 'Long text added',
			printed: 'Printed',
			escalation: 'Escalated: {to}',
			conflict: 'Import conflict ({field}): kept {to}, not taken {from}',
			merge: 'Changes of two devices merged ({field})',
			renumbered: 'Number collision: notification renumbered from {from} to {to}',
			numberCollision: 'Number collision: another notification used number {from} and is now {to}',
			other: 'Other change ({kind})',
			dispatched: 'Service staff notified ({to})'
		},
		none: '—'
	},
	list: {
		title: 'Notification list (IW59)',
		selection: 'Selection',
		systemStatus: 'Notification status',
		centre: 'Responsibility centre',
		allCentres: 'All responsibility centres',
		text: 'Full-text search',
		textHint:
			'Searches description, every long-text entry, items, customer name, object address and phone; Chinese by character, two or more characters as a sequence',
		apply: 'Execute',
		reset: 'Clear selection',
		count: '{count} notifications',
		empty: 'No notification matches the selection.',
		readOnly: 'read-only',
		numFrom: 'Notification from',
		numTo: 'Notification to',
		type: 'Notification type',
		createdFrom: 'Notification date from',
		createdTo: 'Notification date to',
		endFrom: 'Required end from',
		endTo: 'Required end to',
		userStatus: 'Includes status',
		workCentre: 'Main work centre',
		responsible: 'Person responsible',
		any: '(any)',
		urgent: 'Urgent only',
		overdue: 'Overdue only (past required end, not completed)',
		undispatched: 'Service staff not yet notified only',
		loading: 'Loading the list: {loaded} of {total} loaded, results not yet complete.',
		indexing:
			'Preparing the notifications just imported for the list: {done} of {total}, results not yet complete.',
		upgrading:
			'Upgrading the database: {done} of {total} notifications. Please wait and keep this page open.',
		results: 'Notification list',
		rowHint: 'Arrow keys move, Enter opens',
		sortBy: 'Sort by “{column}”',
		ascending: 'ascending',
		descending: 'descending',
		columns: 'Choose columns',
		showColumn: 'Show “{column}”',
		moveUp: 'Move “{column}” up',
		moveDown: 'Move “{column}” down',
		defaultColumns: 'Default columns',
		ageDays: '{days} days',
		csv: 'Export CSV',
		csvDone: '{count} notifications exported to CSV.',
		csvEmpty: 'There is no notification to export.',
		column: {
			number: 'Notification',
			type: 'Type',
			description: 'Description',
			systemStatus: 'System status',
			userStatus: 'User status',
			customer: 'Customer',
			objectAddress: 'Object address',
			requiredStart: 'Required start',
			requiredEnd: 'Required end',
			mainWorkCentre: 'Main work centre',
			responsible: 'Person responsible',
			age: 'Age',
			urgent: 'Urgent',
			centre: 'Responsibility centre'
		},
		criterion: {
			status: 'Notification status',
			numFrom: 'Notification from',
			numTo: 'Notification to',
			type: 'Notification type',
			createdFrom: 'Notification date from',
			createdTo: 'Notification date to',
			endFrom: 'Required end from',
			endTo: 'Required end to',
			userStatus: 'Includes status',
			workCentre: 'Main work centre',
			responsible: 'Person responsible',
			urgent: 'Urgent',
			overdue: 'Overdue',
			dispatched: 'Service staff notified',
			centre: 'Responsibility centre',
			q: 'Full-text search',
			sort: 'Sort',
			dir: 'Sort direction',
			cols: 'Columns'
		},
		problem: {
			unknownValue:
				'The value “{value}” of “{criterion}” is not known; this criterion was not applied.',
			invalidDate:
				'The date “{value}” of “{criterion}” is not valid (YYYY-MM-DD); this criterion was not applied.',
			invalidNumber:
				'The notification number “{value}” of “{criterion}” is not valid; this criterion was not applied.',
			reversedRange:
				'The range {value} of “{criterion}” ends before it starts; this criterion was not applied.',
			tooLong:
				'“{criterion}” is too long (at most {max} characters); this criterion was not applied.'
		},
		variant: {
			label: 'Variant',
			none: '(no variant)',
			name: 'Variant name',
			save: 'Save as variant',
			makeDefault: 'Default variant (used when the list opens)',
			isDefault: 'default',
			delete: 'Delete variant',
			saved: 'Variant “{name}” saved.',
			deleted: 'Variant “{name}” deleted.',
			required: 'Enter a variant name.',
			tooLong: 'A variant name has at most {max} characters.',
			taken: 'A variant named “{name}” exists already; choose another name.',
			saveFailed: 'The variant could not be saved.'
		}
	},
	user: {
		title: 'Current user',
		name: 'Name',
		code: 'Staff code',
		role: 'Role',
		pin: 'Supervisor PIN',
		pinNew: 'Set the supervisor PIN (4–8 digits)',
		pinHint:
			'Switching to supervisor asks for the PIN. The supervisor role lapses after 10 minutes without use and when the browser closes; then the PIN is asked again.',
		pinConfirm: 'Supervisor PIN again',
		pinMismatch: 'The two PINs differ.',
		pinLocked: 'Too many wrong PINs. Wait {wait}, then try again.',
		waitSeconds: '{count} s',
		waitMinutes: '{count} min',
		supervisorLapsed:
			'The supervisor role lapsed after 10 minutes without use. Type the PIN again to go on.',
		switch: 'Switch user',
		switched: 'Current user: {name} ({role}).',
		wrongPin: 'The supervisor PIN is wrong.',
		none: 'No user chosen yet',
		needUser: 'First enter your name and role under Settings → Current user.'
	},
	masterData: {
		title: 'Master data',
		kind: 'Kind',
		code: 'Code',
		name: 'Name',
		parent: 'Parent code',
		address: 'Address',
		phone: 'Phone',
		contact: 'Contact',
		email: 'E-mail',
		sample: 'Sample data',
		removeSample: 'Remove all sample data',
		removedSample: '{count} sample records removed.',
		add: 'Add',
		saveRecord: 'Save record',
		deleteRecord: 'Delete {code}',
		saved: '{code} saved.',
		deleted: '{code} deleted.',
		functionalLocations: 'Functional locations (second service addresses)',
		locationCode: 'Functional location code',
		locationDescription: 'Description',
		locationAddress: 'Functional location address',
		addLocation: 'Add functional location',
		kinds: {
			customer: 'Customers',
			workCentre: 'Work centres',
			staff: 'Service staff',
			salesOrg: 'Sales organisations',
			distributionChannel: 'Distribution channels',
			division: 'Divisions',
			salesOffice: 'Sales offices',
			salesGroup: 'Sales groups',
			businessArea: 'Business areas',
			productCategory: 'Product categories',
			colourCode: 'Colour codes',
			reasonCode: 'Reason codes',
			department: 'Departments'
		},
		emailTo: 'To addresses (separate several by commas)',
		emailCc: 'Cc addresses (separate several by commas)'
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
			'The browser did not grant persistent storage. Install the app or bookmark it, then try again.',
		about: 'About',
		version: 'Version {version}'
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
		deleted:
			'The app’s database was deleted in another tab. This tab has closed its connection and can save nothing more; please reload (first-run set-up starts again).',
		blocked:
			'Another open tab of the app is blocking a database upgrade. Close the app’s other tabs, then reload.'
	},
	print: {
		workPlanTitle: 'Work plan (ZSMR006)',
		selection: 'Selection of the work plan',
		from: 'From date',
		to: 'To date',
		centre: 'Responsibility centre',
		allCentres: 'All responsibility centres',
		language: 'Print language',
		show: 'Show',
		print: 'Print',
		count: '{count} notifications over {days} days',
		reversed: 'The “To date” cannot be before the “From date”.',
		longRange: 'The range is longer than a year ({days} days). Use this range?',
		confirmLongRange: 'Use this range',
		empty: 'No open notifications in this range: no PDF is made.',
		foreignNote:
			'Notifications of other responsibility centres (read-only) are printed without setting the printed flag.',
		missingTitle: 'The PDF font lacks these characters',
		missingIntro:
			'These characters cannot be shown in the PDF. Print with 〓 in their place, or cancel and change the text first.',
		missingLine: '{char} ({codePoint}) in: {places}',
		printWithPlaceholder: 'Print with 〓 in their place',
		working: 'Making the PDF…',
		printedPlan: '{file} made; {count} notifications marked as printed (NOPT).',
		printedSheet: '{file} made; the notification is marked as printed (NOPT).',
		printedOnly: '{file} made (another centre’s notification, not marked).',
		failed: 'The PDF could not be made.',
		historyWorkPlan: 'Printed in work plan {range}',
		carried: 'overdue, planned {date}',
		postponed: 'postponed to {date}',
		pdf: {
			facts: 'Responsibility centre: {centre}   Range: {range}   Printed at: {printedAt}',
			groupHeading: '{day}   Person responsible: {person}',
			continued: '(continued)',
			pageOf: 'Page {page} of {pages}',
			customer: 'Customer',
			phone: 'Phone',
			parts: 'Parts to draw',
			urgentMark: 'Urgent',
			noResponsible: '(none)',
			sheetTitle: 'Customer service notification {number}',
			sheetFacts: 'Responsibility centre: {centre}   Printed at: {printedAt}',
			fieldsSection: 'Header data',
			partnerFunction: 'Partner function',
			partner: 'Partner',
			longTextStamp: '{author}, {at}',
			historyAt: 'Time',
			historyActor: 'Person',
			historyChange: 'Change'
		}
	},
	records: {
		section: 'Linked records',
		kind: {
			parts: 'Parts requisition',
			quote: 'Quote (service sales order ZFFW)',
			serviceForm: 'Service form',
			complaint: 'Complaint form',
			invoice: 'Service invoice (ZFW)',
			evaluation: 'Evaluation'
		},
		none: 'None yet.',
		add: 'New {kind}',
		edit: 'Change',
		save: 'Save',
		cancel: 'Cancel',
		saved: '{kind} {id} saved.',
		saveFailed: 'Could not save the {kind}.',
		readOnly:
			'The notification is completed: only the evaluation, the follow-up and printing remain.',
		history: '{kind} {id} saved',
		historyCreated: '{kind} {id} created',
		lines: 'Lines',
		addLine: 'Add a line',
		removeLine: 'Remove line {line}',
		line: 'Line {line}',
		field: {
			material: 'Material',
			quantity: 'Quantity',
			note: 'Note',
			isDrawn: 'Drawn',
			item: 'Item',
			unitPrice: 'Unit price (CNY)',
			lineTotal: 'Amount (CNY)',
			total: 'Total (CNY)',
			state: 'Quote state',
			sentOn: 'Sent on',
			decidedOn: 'Customer answered on',
			rejectionReason: 'Reason for rejection',
			visitDate: 'Visit date',
			staff: 'Service staff',
			workDone: 'Work done',
			partsUsed: 'Parts used',
			result: 'Result',
			surveyDone: 'Survey on site done',
			acceptance: 'Customer acceptance (SM09)',
			customerName: 'Customer name',
			signature: 'Customer signature',
			acceptedAt: 'Accepted at',
			details: 'Complaint details',
			paymentStatus: 'Payment status',
			requestedResolution: 'Requested resolution',
			photos: 'Photos of the damage',
			number: 'Invoice number',
			amount: 'Amount (CNY)',
			date: 'Invoice date',
			mismatchReason: 'Reason the amount differs',
			rating: 'Rating (1–5)',
			comment: 'Comment',
			followUpDate: 'Follow-up date',
			followedUpAt: 'Followed up at'
		},
		state: {
			draft: 'Draft',
			sent: 'Sent',
			accepted: 'Accepted by the customer',
			rejected: 'Rejected by the customer'
		},
		drawn: 'Drawn',
		notDrawn: 'Not drawn',
		accepted: 'Accepted: {name}, {at}',
		notAccepted: 'Not accepted yet',
		amountMismatch:
			'The invoice amount {amount} CNY differs from the accepted quote total {expected} CNY. Give a reason to save it.',
		ratingValue: '{rating} of 5',
		validation: {
			tooLarge: '“{field}” may not be more than {max}.',
			tooSmall: '“{field}” may not be less than {min}.',
			notInteger: '“{field}” must be a whole number.',
			tooPrecise: '“{field}” takes at most two decimals (fen).',
			notAnImage: '“{field}” is not an image (JPEG or PNG only).',
			imageTooLarge: '“{field}” is too large (at most {max} bytes).',
			signatureEmpty: '“{field}” is empty: ask the customer to sign in the box.',
			linesRequired: '“{field}” needs at least one line.',
			amountMismatch: 'The amount differs from the accepted quote total: fill in “{field}”.',
			ratingRange: '“{field}” must be a whole number from 1 to 5.'
		},
		quote: {
			print: 'Print quote',
			printed: '{file} made.',
			title: 'Quote (service sales order ZFFW) {id}',
			facts: 'Notification: {notification}   Customer: {customer}   Printed: {printedAt}',
			newAfterRejection:
				'The customer rejected this quote: make a new quote, or complete the notification with a reason.'
		},
		next: {
			title: 'Next step / still missing',
			next: 'Next step: {step}',
			nothing: 'No step left.',
			missing: 'Completing still needs:',
			none: 'Everything completing needs is there.',
			step: {
				survey: 'Survey on site',
				parts: 'Draw parts',
				quote: 'Quote (service sales order)',
				quoteDecision: 'Customer accepts or rejects the quote',
				approval: 'Supervisor approval',
				escalation: 'Escalation',
				reply: 'Department reply',
				complaint: 'Complaint form',
				delivery: 'Goods delivered to the customer or returned to the vendor',
				serviceForm: 'Service form',
				acceptance: 'Customer acceptance (SM09)',
				invoice: 'Service invoice (ZFW)',
				complete: 'Complete',
				evaluation: 'Evaluation'
			}
		},
		survey: {
			propose:
				'The service form says the survey is done. Set the user status to {status} (survey finished)?',
			apply: 'Set {status}',
			dismiss: 'Not now'
		},
		followUp: {
			due: 'Follow-ups due',
			empty: 'No follow-up is due.',
			done: 'Record follow-up done',
			dueOn: 'Follow-up on {date}'
		},
		averageRating: {
			title: 'Average rating per person responsible',
			person: 'Person responsible',
			average: 'Average rating',
			count: 'Evaluations',
			empty: 'No evaluation yet.'
		},
		exchange: {
			where: 'linked record {key}',
			imageMissing:
				'Image {name} is missing: it is neither in the file nor on this device. Import the ZIP with the images.',
			imageAltered: 'Image {name} was altered (its SHA-256 differs) and cannot be imported.',
			recordNotOfNotification: 'The record id does not belong to notification {notification}.',
			zipWithoutJson: 'A ZIP export must hold exactly one exchange JSON file.',
			zipInvalid: 'This is not a valid ZIP file.',
			imported: '{records} linked records written.',
			progress: {
				records: 'Exporting linked records…',
				images: 'Packing images (signatures, photos)…'
			}
		}
	},
	refusal: {
		completed:
			'The notification is completed and can no longer be changed. A supervisor must put it in process again first.',
		alreadyInProcess: 'The notification is already in process.',
		inProcessCannotBePostponed: 'The notification is already in process and cannot be postponed.',
		notCompleted: 'The notification is not completed; there is nothing to put in process again.',
		roleRequired: 'Only a {role} can do this.',
		reasonRequired: 'Please enter a reason.',
		reasonTooLong: 'The reason can have at most {max} characters.',
		invalidDate: '“{date}” is not a valid date.',
		dateInPast: 'The new date {date} is in the past; choose today ({today}) or later.',
		invalidDateTime: '“{at}” is not a valid completion date and time.',
		completionBeforeCreation:
			'The completion time {at} cannot be before the notification was created ({createdAt}).',
		completionInFuture: 'The completion time {at} cannot be in the future.',
		timeBeforeCreation:
			'The time {at} cannot be before the notification was created ({createdAt}).',
		timeInFuture: 'The time {at} cannot be later than now.',
		rejectedNeedsReason: 'The user status is {status}: completing needs a reason.',
		completionNeedsUserStatus: 'To complete, the user status must be {statuses}.',
		completionNeedsReply:
			'A notification routed to head office can be completed only after user status {status}.',
		typeChangeOnlyOutstanding:
			'The type can be changed only while the notification is outstanding (now {systemStatus}).',
		unknownType: 'Notification type {type} does not exist.',
		typeUnchanged: 'The notification is already of type {type}.',
		noOtherType: 'There is no other notification type to change to.',
		unknownUserStatus: 'The status profile of this type has no user status {code}.',
		unknownCurrentUserStatus:
			'The current user status {status} is not in the status profile of this type.',
		userStatusAlreadySet: 'The user status is already {status}.',
		userStatusNotAllowed: '{status} cannot follow user status {from}.',
		userStatusRoleRequired: 'Only a {role} can set user status {status}.',
		replyNeedsApproval: '{status} can be set only after {approval}.',
		escalationRouteMismatch:
			'A notification with route “{route}” cannot be escalated to “{target}”.',
		routeNotForPaymentStatus:
			'Route “{route}” does not apply to a notification with payment status “{paymentStatus}”.',
		rejectedCannotBeEscalated: 'A notification with user status {status} cannot be escalated.',
		escalationNeedsApproval:
			'Escalating to head office needs the supervisor’s approval first (user status {status}).',
		notUrgent: 'Only urgent notifications call for notifying the service staff.',
		completionNeedsAcceptance:
			'Completing needs the customer’s acceptance (SM09): record the customer’s signature on the service form.',
		completionNeedsInvoice: 'A paid service needs its service invoice (ZFW) before completion.',
		quoteRejectedNeedsReason:
			'The customer rejected the quote: completing without the work needs a reason.'
	},
	action: {
		putInProcess: 'Put in process',
		postpone: 'Postpone',
		complete: 'Complete',
		reopen: 'Put in process again',
		print: 'Print',
		markPrinted: 'Print',
		sendMail: 'Send e-mail',
		changeType: 'Change type',
		edit: 'Change',
		setUserStatus: 'Set user status',
		escalate: 'Escalate',
		dispatch: 'Notify service staff'
	},
	escalationTarget: {
		hqQuote: 'Head office quote',
		hqSupport: 'Head office support',
		logistics: 'Regional logistics'
	},
	systemStatus: {
		OSNO: 'Outstanding',
		NOPR: 'In process',
		NOPO: 'Postponed',
		NOCO: 'Completed',
		NOPT: 'Printed'
	},
	role: {
		assistant: 'Centre assistant',
		staff: 'Service staff',
		supervisor: 'Supervisor'
	},
	mail: {
		compose: 'Send e-mail',
		composerTitle: 'Send e-mail (SBWP)',
		department: 'Recipient department',
		chooseDepartment: '(choose)',
		ccDepartments: 'Copy to departments',
		noProposal:
			'No regional logistics department is set for this centre (Settings → E-mail); choose the recipient department.',
		from: 'From',
		subject: 'Subject',
		body: 'Body',
		toLabel: 'To: ',
		ccLabel: 'Cc: ',
		subjectLabel: 'Subject: ',
		ways: 'How to send',
		openLink: 'Open in mail program',
		linkSummary: 'The link carries a summary (full text in the attachment or copy).',
		downloadEml: 'Download .eml file',
		copy: 'Copy subject and body',
		copied: 'Copied to the clipboard.',
		copyFallback: 'The browser does not allow copying. Select the text below and press Ctrl+C:',
		copyText: 'Text to copy',
		recordFailed:
			'The e-mail was made, but it could not be recorded in the notification’s history.',
		close: 'Close',
		problem: {
			noRecipient: 'Choose the recipient department.',
			invalidAddress: '“{address}” is not a valid e-mail address.',
			subjectRequired: 'Enter a subject.',
			subjectTooLong: 'The subject may have at most {max} characters.',
			senderMissing:
				'First enter the centre’s sender address under Settings → E-mail (the From of an .eml).',
			linkTooLong:
				'The recipients and subject make the link longer than {max} characters, so it cannot be sent as a link; download the .eml or copy.',
			departmentWithoutAddress:
				'Department {department} has no e-mail address; enter one in master data.'
		},
		channel: {
			link: 'mail link',
			eml: '.eml file',
			copy: 'copy',
			phone: 'phone'
		},
		escalations: 'E-mails sent',
		noEscalations: 'No e-mail sent yet.',
		sentTo: 'To',
		sentHow: 'How',
		sentAt: 'When',
		sentBy: 'By',
		urgentMark: '[URGENT] ',
		cutMarker: '(full text in the attachment or copy)',
		separator: ': ',
		labels: {
			number: 'Notification',
			type: 'Notification type',
			paymentStatus: 'Payment status',
			customer: 'Customer',
			phone: 'Phone',
			objectAddress: 'Object address',
			description: 'Description',
			route: 'Route',
			requiredStart: 'Required start',
			requiredEnd: 'Required end',
			responsible: 'Person responsible',
			items: 'Items',
			longText: 'Long text'
		},
		dispatch: 'Notify service staff',
		dispatchTitle: 'Notify service staff (urgent)',
		responsible: 'Person responsible: {name}',
		call: 'Call {phone}',
		noPhone: 'The person responsible, {name}, has no phone number in master data.',
		dispatched: 'Service staff notified',
		settingsTitle: 'E-mail',
		senderAddress: 'Sender address (responsibility centre)',
		senderName: 'Sender name',
		logisticsDepartment: 'This centre’s regional logistics department',
		noLogisticsDepartment: '(not set)',
		settingsSaved: 'E-mail settings saved.'
	},
	onsite: {
		serviceFormTitle: 'Service form',
		complaintTitle: 'Complaint form',
		newServiceForm: 'Fill in a service form',
		newComplaint: 'Fill in a complaint form',
		edit: 'Change',
		print: 'Print',
		printed: '{file} was made.',
		save: 'Save',
		saving: 'Saving…',
		cancel: 'Cancel',
		draftRestored: 'The draft saved at {at} was restored.',
		discardDraft: 'Discard draft',
		formInvalid: '{count} fields need correcting.',
		saved: '{title} {id} saved.',
		storageFull:
			'Storage is full: the {title} and its signature or photos were not saved; what you typed is still in the form. Free space under Settings → Storage and save again.',
		conflict:
			'{id} was changed on another device or tab: cancel and open it again to change it; what you typed is still in the form.',
		isAccepted: 'The customer accepts and signs',
		resolution: {
			repair: 'Repair',
			exchange: 'Exchange',
			return: 'Return'
		},
		signature: {
			hint: 'The customer signs in the box with a finger, a pen or the mouse.',
			canvas: 'Signature area: {label}',
			clear: 'Clear signature',
			signed: 'Signed',
			loading: 'Preparing the signature area…',
			image: 'Signature of {name}'
		},
		photo: {
			take: 'Take photo',
			choose: 'Choose photos',
			hint: 'Photos are scaled on this device to at most {side} px on the longest side (JPEG); each original at most {max} MB, at most {count} photos.',
			remove: 'Remove photo {index}',
			thumbnail: 'Photo {index} ({width}×{height})',
			preparing: 'Preparing the photo…',
			countLabel: 'Number of photos',
			count: '{count} photos',
			tooMany: '“{field}” takes at most {max} photos.',
			problem: {
				empty: '“{field}”: the file “{name}” is empty.',
				tooLarge:
					'“{field}”: the file “{name}” has {megabytes} MB, over the limit of {max} MB per photo.',
				notAnImage:
					'“{field}”: the file “{name}” is not an image (JPEG, PNG, GIF, WebP and BMP are taken).',
				unreadable: '“{field}”: the image “{name}” cannot be read; it may be damaged.'
			}
		},
		pdf: {
			serviceTitle: 'Service form {id}',
			complaintTitle: 'Complaint form {id}',
			facts: 'Notification: {notification}   Centre: {centre}   Printed: {printedAt}',
			fieldsSection: 'Content',
			acceptanceSection: 'Customer acceptance (SM09)',
			notAccepted: 'Not accepted yet',
			photosSection: 'Photos of the damage',
			noPhotos: 'No photos',
			photoCaption: 'Photo {index} ({width}×{height}, SHA-256 {hash})',
			none: '—'
		}
	},
	demandType: {
		paid: 'Paid service',
		repair: 'Repair',
		exchange: 'Exchange',
		return: 'Return'
	},
	route: {
		local: 'Handled locally',
		hqQuote: 'Head-office quote',
		hqSupport: 'Head-office support',
		prePayment: 'Complaint before full payment'
	},
	paymentStatus: {
		paid: 'Fully paid',
		unpaid: 'Not fully paid'
	},
	csvImport: {
		title: 'Import customers from CSV',
		intro:
			'Import customers and their addresses from a spreadsheet: in Excel or WPS use "Save as CSV"; UTF-8 and GBK both work and are recognised automatically. The file is imported only when every row passes the checks; if any row has a problem, nothing is written.',
		file: 'CSV file',
		fileHint:
			'The first row may be a header row, e.g. code,name,address,phone,contact,functional location,functional location address',
		tooLarge: 'The file is too large ({size}); the maximum is {max}.',
		readFailed: 'The file could not be read: {message}',
		encodingDetected: 'Encoding detected: {encoding}',
		encoding: 'Read with encoding',
		encodings: {
			utf8: 'UTF-8',
			gbk: 'GBK (Simplified Chinese Windows, WPS)'
		},
		undecodable:
			'{count} characters could not be read as {encoding}; check that the encoding is right.',
		hasHeader: 'The first row is a header row',
		mapping: 'Column mapping',
		mappingHint: 'Choose a column of the file for each field; fields marked * are required.',
		notMapped: '(not imported)',
		column: 'Column {letter}: {header}',
		fields: {
			code: 'Customer code',
			name: 'Customer name',
			address: 'Address',
			phone: 'Phone',
			contact: 'Contact',
			functionalLocationCode: 'Functional location code',
			functionalLocationDescription: 'Functional location description',
			functionalLocationAddress: 'Functional location address'
		},
		codeHint: 'letters, digits or _ . -',
		preview: 'Preview (first {count} rows)',
		row: 'Row',
		summary:
			'{rows} data rows, {count} customers: {added} new, {updated} updating customers already stored.',
		noRows: 'The file has no data rows.',
		issuesTitle:
			'{count} problems found. Correct the file and choose it again; it can be imported only without problems.',
		issueRow: 'Row {row}: {message}',
		columnMissing: 'Choose a column of the file for “{field}”.',
		duplicate: '“{field}” {value} already appears in row {first}; it may not repeat.',
		moreIssues: '{count} more problems are not listed.',
		import: 'Import {count} customers',
		imported: '{count} customers imported.',
		importFailed: 'The import failed; nothing was written: {message}'
	},
	backup: {
		title: 'Backup',
		reminderNever: 'The data on this device has never been exported as a backup.',
		reminderDue: 'No backup has been exported for {days} days (last: {date}).',
		reason:
			'Some browsers delete the data a site has stored after it has not been used for a while. Export a file regularly and keep it safe so that no data is lost.',
		exportNow: 'Go to export',
		dismiss: 'Not again this session',
		neverExported: 'No export has been made yet.',
		lastExportToday: 'Last export: {date} (today).',
		lastExportYesterday: 'Last export: {date} (yesterday).',
		lastExportDaysAgo: 'Last export: {date} ({days} days ago).',
		dueHint: 'More than {days} days since the last export: export a backup now.',
		goExport: 'Export a backup'
	},
	faults: {
		upgradeFailedTitle: 'The database upgrade failed',
		upgradeFailedBody:
			'This new version of the app could not upgrade the database on this device. The upgrade was undone: nothing was deleted or changed, and your data is kept whole at the older version ({version}). Export a backup file first and keep it safe, then reload; if it fails again, give the exported file to technical support.',
		upgradeFailedDetail: 'Reason given by the browser: {reason}',
		exportStored: 'Export the stored data',
		exported: 'Exported {file}: {notifications} notifications, {masterData} master records.',
		restoreLead:
			'Did the browser clear this app’s data, or is this a new device? If you have an export file, restore from it first.',
		newDeviceTitle: 'Set up as a new device'
	},
	exchange: {
		errorLine: '{where}: {message}',
		where: {
			file: 'file “{file}”',
			notification: 'notification {key}',
			masterData: 'master record {key}',
			field: 'field “{field}”',
			separator: ', '
		},
		status: {
			new: 'New',
			theirsNewer: 'Newer in the file (taken)',
			unchanged: 'Same or newer here (nothing to do)',
			merged: 'Changed on both sides, merged automatically',
			conflict: 'Conflict',
			diverged:
				'Changed on two devices, not merged yet (the copy further along is kept; its centre merges)',
			collision: 'Number collision: two different notifications',
			moved: 'Renumbered on another device',
			invalid: 'Invalid'
		},
		masterStatus: {
			new: 'New',
			replace: 'Replaces the record here',
			unchanged: 'Same',
			kept: 'Record here kept'
		},
		resolution: {
			keepMine: 'Keep this device’s version',
			takeTheirs: 'Take the file’s version'
		},
		foreignReadOnly:
			'Belongs to responsibility centre {centre}: read-only here; only its newest version is stored.',
		progress: {
			read: 'Reading the file…',
			checksum: 'Verifying…',
			parse: 'Parsing…',
			validate: 'Checking records…',
			masterData: 'Exporting master data…',
			notifications: 'Exporting notifications…',
			write: 'Writing: all of it or nothing; please keep this page open…'
		},
		error: {
			tooLarge: 'The file is too large ({size} bytes); at most {max} bytes are accepted.',
			empty: 'The file is empty.',
			readFailed:
				'The file could not be read: it may have been moved or deleted, or this browser may not read it. Choose it again.',
			notUtf8: 'The file is not UTF-8 text.',
			checksumMissing: 'The file has no checksum; it may be incomplete (truncated).',
			truncated: 'The file is incomplete (truncated): its end is missing. Export or copy it again.',
			checksumMismatch:
				'The checksum does not match: the file was changed or damaged after it was exported.',
			invalidJson: 'The file is not valid JSON (damaged).',
			invalidJsonAt: 'The file is not valid JSON (damaged): error near character {position}.',
			tooDeep: 'The file nests deeper than {max} levels and is refused.',
			notAnObject: 'The file does not have the shape of an export file.',
			wrongFormat: 'This is not a Shouhou export file (its format is “{format}”).',
			unknownVersion: 'Unknown format version “{version}”.',
			newerVersion:
				'The file was exported by a newer version of the app (format version {version}; this app reads up to {supported}). Update the app, then import the file.',
			invalidHeader: 'This member of the file header is missing or malformed.',
			countMismatch: 'Record count mismatch: the header says {expected}, the file has {actual}.',
			invalidConfiguration:
				'The configuration (notification types, status profiles) is invalid: {reason}.',
			forbiddenKey: 'Contains the forbidden key “{key}”; refused.',
			stringTooLong: 'The text is too long ({length} characters); at most {max} per field.',
			moreErrors: '{count} more errors not listed.',
			required: 'Required content is missing.',
			pattern: 'The format is not correct.',
			tooLong: 'The content is too long.',
			invalidDate: 'Not a valid date.',
			endBeforeStart: 'May not be before “Required start”.',
			notANumber: 'Must be a number.',
			negative: 'The quantity may not be negative.',
			routeMismatch: 'The route does not fit the payment status of the notification type.',
			unknownCode: 'The code does not exist in master data.',
			invalid: 'The value is invalid.',
			unknownType: 'Notification type {type} does not exist in the configuration.',
			unknownUserStatus: 'User status {status} is not in the status profile of type {type}.',
			duplicateRecord: 'This record appears more than once in the same file.',
			numberCentreMismatch:
				'Responsibility centre {centre} does not match the notification number.',
			conflictingFiles:
				'Conflicts with the version in file “{otherFile}”. Import the two files one at a time.',
			unresolvedConflict:
				'Conflict not resolved: for each conflicting field, keep this device’s value or take the file’s.',
			mergeInvalid:
				'Merged with these choices, the notification breaks a rule (a status that does not fit the type, dates in the wrong order). Choose differently for these fields.',
			changedSincePreview:
				'This record was changed on this device after the preview. Preview again, then import.',
			writeFailed:
				'Writing failed; nothing on this device changed. Try again; if it fails again, close other tabs and open the app again.',
			storageFull:
				'Storage is full; nothing was written. Export this device’s data as a backup, free space on this device (delete files or other websites’ data you do not need), then try again.',
			identityExists: 'This device is already set up and cannot be restored from a file.',
			invalidDeviceCode: 'Device code “{device}” is malformed: 2 capital letters or digits.',
			deviceCodeInFile:
				'Device code {device} is already used in this file’s centre: choose a code never used before, e.g. {suggestion}.',
			notARecord: 'This record is not an object of fields and cannot be read.'
		}
	},
	exchangePage: {
		title: 'Exchange',
		exportTitle: 'Export',
		exportIntro:
			'Export all of this device’s data (notifications with their history and long text, master data and configuration) as one JSON file: a backup, for head office, or for another device of the centre.',
		exportButton: 'Export',
		exported: '{file} exported: {notifications} notifications, {masterData} master records.',
		importTitle: 'Import',
		importIntro:
			'Choose one or more export files. A preview comes before anything is written: new, newer, identical, conflicting and invalid records. An import writes everything or nothing.',
		importFiles: 'Files to import',
		reading: 'Reading {file}…',
		fileRefused: 'File “{file}” cannot be imported:',
		previewTitle: 'Preview',
		fileCentre:
			'{file}: responsibility centre {centre} ({centreName}), device {device}, exported {exportedAt}',
		configurationDiffers:
			'This file uses other notification types or status profiles than this device; its configuration is not imported.',
		notificationsHeading: 'Notifications',
		masterDataHeading: 'Master data',
		countLine: '{status}: {count}',
		conflictsTitle: 'Conflicts: the same field changed to different values on both sides',
		conflictIntro:
			'Only fields changed on both sides are listed. Changes to other fields merge automatically; long text and history of both sides are kept.',
		conflictField: 'Field',
		conflictMine: 'This device',
		conflictTheirs: 'File',
		conflictChoice: 'Settle',
		chooseOne: 'Choose',
		autoOurs: 'Automatic: this device’s (only changed here)',
		autoTheirs: 'Automatic: the file’s (only changed there)',
		longTextBoth: 'Long text of both sides is kept',
		onlyMine: '(none)',
		resolveField: '“{field}” of notification {number}',
		mergedTitle: 'Merged automatically (nothing to choose)',
		mergedLine: '{number}: {fields}',
		collisionsTitle: 'Number collisions: two different notifications under one number',
		collisionRenumber:
			'{number}: “{keeper}” keeps the number (created first); “{other}” gets a new number in the range of device {device}. This device’s number range was used twice, so it moves to device code {device}.',
		collisionLeft:
			'{number}: “{ours}” here and “{theirs}” in the file are two different notifications. This device keeps its own; the file’s is not imported now. The device that owns the number ({centre}/{device}) gives the later one a new number; once that has reached this device, import this file again.',
		collisionInFiles:
			'{number}: the files hold two different notifications under this number; only the one created first is imported now.',
		deviceMoved:
			'This device’s number range was used twice: the device now uses device code {device}, and new notifications get numbers in that range.',
		resolveAll: 'All conflicts',
		resolveChoose: 'Choose one by one',
		listTitle: 'Notifications to be written',
		moreRows: '{count} more not listed.',
		confirm: 'Import',
		cancel: 'Cancel',
		imported: 'Import done: {notifications} notifications and {masterData} master records written.',
		nothingToWrite: 'Nothing to write: this device is up to date.',
		importFailed: 'The import failed; nothing on this device was changed.',
		system: 'Import'
	},
	error: {
		invalidData: 'The data is incomplete or malformed; nothing was saved.',
		generic: 'The action failed: {message}',
		saveFailed: 'Saving failed; nothing was changed: {message}',
		storageFull:
			'Storage is full; nothing was saved. Export your data on the Export page as a backup, free space on this device (delete files or other websites’ data you do not need), then try again; what you typed stays in the form.',
		notFound: 'Page not found.'
	}
};
