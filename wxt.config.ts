import { defineConfig } from 'wxt';

// The end-to-end build (E2E=1) differs from the store build in one way only: it
// adds host access to 127.0.0.1, because in automation `activeTab` is never
// granted (no real toolbar click), and without it Chromium hides tab titles.
// A test asserts the production manifest carries no such host access.
const e2e = process.env.E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a reader sees where every name comes from.
  imports: false,
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  vite: () => ({
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
    permissions: ['storage', 'sidePanel', 'activeTab', 'unlimitedStorage'],
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'Declare or open an incident' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+I' },
        description: 'Open the incident popup',
      },
    },
  },
});
