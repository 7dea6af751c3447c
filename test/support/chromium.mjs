// Launching Debian's Chromium with an unpacked extension: shared by the
// end-to-end tests (test/e2e/fixtures.ts) and the benchmarks (bench/).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Debian's Chromium, launched directly: the /usr/bin/chromium wrapper adds a
 * stray --load-extension=. A missing browser fails the run; it is never a skip.
 */
export function chromiumExecutable() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

/**
 * `userDataDir` reuses a profile (a browser restarted after a crash); a profile
 * made here is deleted on close, one passed in is kept. `extraArgs` go after
 * the ones every launch needs (bench/first-sync.run.ts opens a DevTools port).
 */
export async function launchWithExtension(extensionDir, { userDataDir: reuse, extraArgs = [], ...options } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build:e2e first.`);
  }
  const userDataDir = reuse ?? mkdtempSync(join(tmpdir(), 'incident-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless: true,
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
    ...options,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      if (!reuse) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
