import { formatSeedDate } from '$lib/domain/dates';
import type { ListView } from '$lib/domain/list-index';
import type { ListColumn } from '$lib/domain/list-selection';
import type { MasterData } from '$lib/domain/master-data';
import type { Configuration } from '$lib/domain/status/profile';
import { t, type MessageKey } from '$lib/i18n';
import { masterText, systemStatusText, typeText, userStatusText } from './labels';

/** A column's heading in the current language. */
export function columnLabel(column: ListColumn): string {
	return t(`list.column.${column}` as MessageKey);
}

/**
 * The text of one cell of the list, as the screen and the CSV file show it: codes with their
 * names ("KCJS 勘察结束", "202 王敏"), dates as the seed writes them (2001/03/07).
 */
export function listCellText(
	view: ListView,
	column: ListColumn,
	configuration: Configuration,
	masterData: MasterData,
	ownCentre = ''
): string {
	switch (column) {
		case 'number':
			return view.number;
		case 'type':
			return typeText(configuration, view.type);
		case 'description':
			return view.description;
		case 'systemStatus':
			return systemStatusText(view);
		case 'userStatus':
			return userStatusText(configuration, view.type, view.userStatus);
		case 'customer':
			return [view.shipTo, view.customerName].filter(Boolean).join(' ');
		case 'objectAddress':
			return view.objectAddress;
		case 'requiredStart':
			return formatSeedDate(view.requiredStart);
		case 'requiredEnd':
			return formatSeedDate(view.requiredEnd);
		case 'mainWorkCentre':
			return masterText(masterData, 'workCentre', view.mainWorkCentre);
		case 'responsible':
			return masterText(masterData, 'staff', view.responsible);
		case 'age':
			return String(view.age);
		case 'urgent':
			return view.urgent ? t('list.column.urgent') : '';
		case 'centre':
			// At head office, other centres' records are read-only: the list says so.
			return ownCentre && view.centre !== ownCentre
				? `${view.centre} (${t('list.readOnly')})`
				: view.centre;
	}
}
