/**
 * Asking the browser for what sending data needs: host access to an origin
 * (webhooks such as Slack's send no CORS headers) and, in Firefox, the person's
 * consent to transmit data (built-in data consent, Firefox 140+:
 * https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
 * The manifest declares what may be asked for as optional
 * (wxt.config.ts, from FIREFOX_OPTIONAL_DATA below); Chrome has no
 * such consent, so its port asks only for origins.
 *
 * Both browsers allow `permissions.request` only from a user gesture, and
 * Firefox counts the gesture over at the click handler's first `await`
 * ("permissions.request may only be called from a user input handler",
 * probed on Firefox ESR 153). So `request` must be the first call in the
 * handler; asking for something already granted resolves true without a
 * prompt, so there is no need (and no time) to check `contains` first.
 */
export type DataCollection = 'websiteContent' | 'personallyIdentifyingInfo' | 'browsingActivity';

/**
 * What a team's Supabase project receives: incidents with their screenshots,
 * selections and page titles (website content), members' names and emails
 * (personally identifying), and the address of every page captured or quoted
 * (`pageUrl`, `sourceUrl`): the Extension Workshop counts specific URLs as
 * browsing activity, so that is asked for too. Asked for at Connect and
 * sign-in; sync checks it.
 */
export const SENT_TO_TEAM: DataCollection[] = ['websiteContent', 'personallyIdentifyingInfo', 'browsingActivity'];

/**
 * What an announcement carries (Slack, Teams, Discord, Mattermost, a JSON
 * webhook: lib/announce): an incident's title, summary and customer updates
 * (often taken from the page) and the lead's name. Asked for when a
 * destination is saved; the sender checks it before every send.
 */
export const SENT_TO_WEBHOOKS: DataCollection[] = ['websiteContent', 'personallyIdentifyingInfo'];

/**
 * The address of the page an incident was declared from, which an
 * announcement links to: browsing activity. Asked for with the above; when it
 * is not granted (a webhook saved before links were sent) the message goes
 * without the link rather than not at all.
 */
export const WEBHOOK_LINKS: DataCollection[] = ['browsingActivity'];

/**
 * Everything that may be asked for: the manifest's optional
 * `data_collection_permissions` (wxt.config.ts). Firefox rejects a request for
 * a kind the manifest does not declare, so the manifest is built from this.
 */
export const FIREFOX_OPTIONAL_DATA: DataCollection[] = [...new Set([...SENT_TO_TEAM, ...SENT_TO_WEBHOOKS, ...WEBHOOK_LINKS])];

/**
 * What may be asked for as optional host access (wxt.config.ts): a webhook
 * destination can be any https host (Teams workflows, a team's own Mattermost
 * or receiver), or a relay on this machine over http. Each destination's own
 * origin is asked for when it is saved, never the whole pattern; Chrome and
 * Firefox match patterns without a port match every port.
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export interface PermissionAsk {
  origins?: string[];
  /** What the data being sent contains, in Firefox's data-consent terms. */
  dataCollection?: DataCollection[];
}

export interface PermissionsPort {
  /** Resolves whether everything asked for is granted; never rejects. Call before any await. */
  request(ask: PermissionAsk): Promise<boolean>;
  /** Whether everything in `ask` is granted now (no prompt). */
  contains(ask: PermissionAsk): Promise<boolean>;
}

interface BrowserPermissions {
  origins?: string[];
  data_collection?: string[];
}

export interface PermissionsApi {
  permissions: {
    request(permissions: BrowserPermissions): Promise<boolean>;
    contains(permissions: BrowserPermissions): Promise<boolean>;
  };
}

function port(api: PermissionsApi, toBrowser: (ask: PermissionAsk) => BrowserPermissions): PermissionsPort {
  const nothingToAsk = (p: BrowserPermissions) => !p.origins?.length && !p.data_collection?.length;
  return {
    request(ask) {
      const wanted = toBrowser(ask);
      if (nothingToAsk(wanted)) return Promise.resolve(true);
      try {
        return api.permissions.request(wanted).catch(() => false);
      } catch {
        return Promise.resolve(false);
      }
    },
    async contains(ask) {
      const wanted = toBrowser(ask);
      return nothingToAsk(wanted) || (await api.permissions.contains(wanted).catch(() => false));
    },
  };
}

/** Chrome, Edge, Brave: origins only (no data consent to ask for). */
export function chromePermissions(api: PermissionsApi): PermissionsPort {
  return port(api, (ask) => (ask.origins?.length ? { origins: ask.origins } : {}));
}

/** Firefox: origins and data consent in one request, so one prompt and one gesture. */
export function firefoxPermissions(api: PermissionsApi): PermissionsPort {
  return port(api, (ask) => ({
    ...(ask.origins?.length ? { origins: ask.origins } : {}),
    ...(ask.dataCollection?.length ? { data_collection: ask.dataCollection } : {}),
  }));
}
