import { permissions } from '../../../components/browser-ports';
import type { DataCollection } from '../../../lib/browser/permissions';
import { ValidationError } from '../../../lib/incidents/errors';

/**
 * What a team's project receives: incidents with their screenshots and page
 * links (website content) and members' names and emails (personally
 * identifying). Firefox asks the person to consent to sending these
 * (wxt.config.ts declares them optional; docs/store.md); Chrome's port asks nothing.
 */
export const TEAM_DATA: DataCollection[] = ['websiteContent', 'personallyIdentifyingInfo'];

/**
 * Asks for consent to send team data. Call it first in the click handler,
 * before any await (the browser needs the user gesture); nothing is sent or
 * stored when it is refused.
 */
export function requireTeamConsent(): Promise<void> {
  return permissions.request({ dataCollection: TEAM_DATA }).then((granted) => {
    if (!granted) {
      throw new ValidationError('The browser did not allow sending incidents to your team’s project, so nothing was changed.');
    }
  });
}
