import { defineConfig } from 'wxt';

// The end-to-end build (E2E=1) differs from the store build in one way: it
// adds host access, because in automation `activeTab` is never granted (no
// real toolbar click). Without it Chromium hides tab titles, and
// captureVisibleTab needs <all_urls> or activeTab
// (https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab).
// It also exposes the command and menu handlers to the tests (__E2E__).
// A test asserts the production manifest carries no host access.
const e2e = process.env.E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a reader sees where every name comes from.
  imports: false,
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  vite: () => ({
    define: { __E2E__: JSON.stringify(e2e) },
    build: {
      // No modulepreload helper chunk: the popup's boot script must be one
      // file (every extra module costs milliseconds before the form shows,
      // see bench/README.md). Pages still load their chunks via imports.
      modulePreload: false,
    },
  }),
  manifest: {
    name: 'Incident Capture',
    description:
      'Declare an incident in seconds, own it to resolution, and keep a dated timeline of the evidence.',
    // activeTab: captures a person starts (toolbar popup, Alt+Shift+S, context
    // menu) grant access to that one tab, so no host permissions are needed.
    // scripting: masking, the element picker and html2canvas, injected on demand.
    // alarms: the sync timer, so a sleeping worker still polls the team.
    permissions: ['storage', 'sidePanel', 'activeTab', 'unlimitedStorage', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    // Slack's incoming webhooks send no CORS headers, so posting needs host
    // access: asked for, with the reason shown, when someone saves a webhook.
    optional_host_permissions: ['https://hooks.slack.com/*'],
    ...(e2e ? { host_permissions: ['<all_urls>'] } : {}),
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
  },
});
