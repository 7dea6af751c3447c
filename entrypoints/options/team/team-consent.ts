import { permissions } from '../../../components/browser-ports';
import { SENT_TO_TEAM } from '../../../lib/browser/permissions';
import { ValidationError } from '../../../lib/incidents/errors';

/**
 * Asks for consent to send team data (SENT_TO_TEAM; Firefox asks the person,
 * Chrome's port asks nothing). Call it first in the click handler,
 * before any await (the browser needs the user gesture); nothing is sent or
 * stored when it is refused.
 */
export function requireTeamConsent(): Promise<void> {
  return permissions.request({ dataCollection: SENT_TO_TEAM }).then((granted) => {
    if (!granted) {
      throw new ValidationError('The browser did not allow sending incidents to your team’s project, so nothing was changed.');
    }
  });
}
