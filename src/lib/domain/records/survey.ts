import type { Actor } from '../actor';
import type { Notification } from '../notification';
import { allowedActions } from '../status/engine';
import type { Configuration } from '../status/profile';
import type { ServiceFormFields } from './record';

/** The user status the seed sets when the survey is done (勘察结束); KCWB is its alias. */
export const SURVEY_DONE_STATUS = 'KCJS';

/**
 * What saving a service form proposes (point 4: the assistant updates the notification from the
 * service form): KCJS 勘察结束 when the form says the survey is done and the engine would allow
 * setting it now. Undefined when there is nothing to propose. The proposal is carried out by the
 * engine's `setUserStatus` transition, never by writing the status.
 */
export function proposeSurveyDone(
	notification: Notification,
	form: Pick<ServiceFormFields, 'surveyDone'>,
	actor: Actor,
	configuration: Configuration
): { code: string } | undefined {
	if (!form.surveyDone) return undefined;
	const line = allowedActions(notification, actor, configuration).find(
		(action) => action.action === 'setUserStatus' && action.code === SURVEY_DONE_STATUS
	);
	return line?.allowed ? { code: SURVEY_DONE_STATUS } : undefined;
}
