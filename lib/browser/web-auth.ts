/**
 * The browser's web-auth window (`identity.launchWebAuthFlow`), behind a port
 * so lib/supabase/oauth.ts never touches `browser.*`. Both browsers open a
 * window at `url`, follow redirects, and resolve with the first URL that
 * starts with `getRedirectURL()`; the page at that URL is never loaded.
 * - Chromium: `https://<extension-id>.chromiumapp.org/`
 *   (https://developer.chrome.com/docs/extensions/reference/api/identity#method-getRedirectURL)
 * - Firefox: `https://<hash of the add-on id>.extensions.allizom.org/`
 *   (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/identity/getRedirectURL)
 * Closing the window rejects: Chromium with "The user did not approve access.",
 * Firefox with "User cancelled or denied access." (both probed headless,
 * Chromium 156 and Firefox ESR 153). A window that never reaches the redirect
 * URL (the project's Site URL) waits until it is closed; in Chromium a page
 * that cannot load rejects at once ("Authorization page could not be loaded.").
 * A slow consent does not lose the answer to Firefox's idle event page: with
 * `extensions.background.idle.timeout` at 2 s, a window that came back after
 * 12 s still answered the pending message (probed, Firefox ESR 153).
 */
export interface WebAuthPort {
  /** Where the provider must send the person back: this browser's redirect URL for this extension. */
  redirectUrl(): string;
  /** Opens the sign-in window at `url`; resolves with the redirect URL it came back to. */
  launch(url: string): Promise<string>;
}

export interface IdentityApi {
  identity: {
    getRedirectURL(path?: string): string;
    launchWebAuthFlow(details: { url: string; interactive?: boolean }): Promise<string | undefined>;
  };
}

export function webAuth(api: IdentityApi): WebAuthPort {
  return {
    redirectUrl: () => api.identity.getRedirectURL(),
    async launch(url) {
      const answer = await api.identity.launchWebAuthFlow({ url, interactive: true });
      // Chromium's callback form could answer undefined with lastError set; the promise form rejects instead.
      if (!answer) throw new Error('The sign-in window closed without an answer.');
      return answer;
    },
  };
}
