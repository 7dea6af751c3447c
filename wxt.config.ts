import { defineConfig } from 'wxt';
import { FIREFOX_OPTIONAL_DATA, OPTIONAL_HOSTS } from './lib/browser/permissions';

// The end-to-end build (E2E=1) differs from the store build in one way: it
// adds host access, because in automation `activeTab` is never granted (no
// real toolbar click). Without it Chromium hides tab titles, and
// captureVisibleTab needs <all_urls> or activeTab
// (https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab).
// It also exposes the command and menu handlers to the tests (__E2E__).
// A test asserts the production manifest carries no host access.
const e2e = process.env.E2E === '1';

/**
 * Firefox only. A fixed add-on id (storage and the sidebar survive updates;
 * the tests pin the moz-extension UUID by it). 140 is the first Firefox with
 * built-in data consent, which addons.mozilla.org requires of new add-ons since
 * 3 November 2025
 * (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
 * Nothing is sent anywhere unless someone connects a team or saves a webhook,
 * so nothing is required; what those send is asked for when they are set up
 * (docs/store.md, PRIVACY.md). Firefox for Android has data consent from 142.
 */
export const FIREFOX_ADDON_ID = 'incident-capture@incident-capture';
const firefoxSettings = {
  id: FIREFOX_ADDON_ID,
  strict_min_version: '140.0',
  data_collection_permissions: {
    required: ['none'],
    optional: FIREFOX_OPTIONAL_DATA,
  },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a reader sees where every name comes from.
  imports: false,
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  // The sources zip for addons.mozilla.org (`npm run zip`): WXT already leaves
  // out node_modules, .output, dot-files (.env, .git, .wxt) and *.test/*.spec
  // files; these are the other .gitignore entries a working copy may hold.
  zip: { excludeSources: ['test-results/**', '**/*.log'] },
  vite: () => ({
    define: { __E2E__: JSON.stringify(e2e) },
    build: {
      // No modulepreload helper chunk: the popup's boot script must be one
      // file (every extra module costs milliseconds before the form shows,
      // see bench/README.md). Pages still load their chunks via imports.
      modulePreload: false,
    },
  }),
  // Firefox builds as MV3 too (`-b firefox --mv3`): its MV2 has no
  // `browser.action`. WXT turns the side panel into `sidebar_action` there.
  manifest: ({ browser }) => ({
    name: 'Incident Capture',
    description:
      'Declare an incident in seconds, own it to resolution, and keep a dated timeline of the evidence.',
    // activeTab: captures a person starts (toolbar popup, Alt+Shift+S, context
    // menu) grant access to that one tab, so no host permissions are needed.
    // scripting: masking, the element picker and html2canvas, injected on demand.
    // alarms: the sync timer, so a sleeping worker still polls the team.
    // Firefox has no `sidePanel` permission (its sidebar needs none).
    permissions: [
      'storage',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      'activeTab',
      'unlimitedStorage',
      'scripting',
      'contextMenus',
      // identity: launchWebAuthFlow for "Continue with GitHub/Google" (lib/browser/web-auth.ts). No host access,
      // no install warning: https://developer.chrome.com/docs/extensions/reference/api/identity
      'identity',
      'alarms',
      'notifications',
    ],
    // Webhooks (Slack, Teams, Discord, Mattermost, a signed JSON receiver)
    // send no CORS headers, so posting needs host access: each destination's
    // own origin is asked for when it is saved (lib/browser/permissions.ts).
    optional_host_permissions: OPTIONAL_HOSTS,
    ...(e2e ? { host_permissions: ['<all_urls>'] } : {}),
    // Settings an admin deploys (lib/settings/managed-settings.ts). Chromium
    // validates the `3rdparty` extension policy against this schema and exposes
    // it in storage.managed
    // (https://developer.chrome.com/docs/extensions/reference/manifest/storage).
    // Firefox has no such key: it reads policies.json's `3rdparty.Extensions`
    // without a schema (https://mozilla.github.io/policy-templates/#3rdparty).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    action: { default_title: 'Declare or open an incident' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+I' },
        description: 'Open the incident popup',
      },
      'capture-screenshot': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Screenshot the page onto my current incident',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: firefoxSettings, gecko_android: { strict_min_version: '142.0' } },
          // Firefox's default for extension pages is "script-src 'self';
          // upgrade-insecure-requests;", which turns Realtime's ws:// into
          // wss:// for a local Supabase (http://127.0.0.1:54321), so it never
          // connects (seen against the stand-in: a TLS handshake on a plain
          // port). Chrome's default has no upgrade rule. Dropping it lets
          // nothing else through: a project URL may be http:// only when it
          // is local (lib/supabase/connection.ts), and webhooks are https.
          // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/content_security_policy
          content_security_policy: { extension_pages: "script-src 'self'" },
        }
      : {}),
  }),
});
