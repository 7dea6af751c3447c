import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Where Firefox ESR 153 on Debian reads policies.json, both probed: the
 * system-wide /etc/firefox/policies/ and the distribution/ folder beside the
 * binary (https://mozilla.github.io/policy-templates/ "policies.json"). Every
 * Firefox started on this machine reads it, so the spec writes it just before
 * its own launch and removes it right after (policies are read at startup;
 * a probe showed the values still reach the extension after the file is gone).
 */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

/** The gecko id of the copy under test: not the normal build's, so no other spec's browser gets the policy. */
export const MANAGED_ADDON_ID = 'incident-capture-managed-e2e@incident-capture';

/** A copy of the built extension whose manifest carries MANAGED_ADDON_ID; removed by `remove()`. */
export function copyWithAddonId(from: string): { dir: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'incident-managed-firefox-'));
  const dir = join(parent, 'extension');
  cpSync(from, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.browser_specific_settings.gecko.id = MANAGED_ADDON_ID;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

let createdFolder = false;

/** Writes `3rdparty.Extensions.<id>` (https://mozilla.github.io/policy-templates/#3rdparty). Refuses to replace a policies.json it did not write. */
export function writeFirefoxPolicy(values: Record<string, unknown>): void {
  if (existsSync(FIREFOX_POLICY_FILE) && !readFileSync(FIREFOX_POLICY_FILE, 'utf8').includes(MANAGED_ADDON_ID)) {
    throw new Error(`${FIREFOX_POLICY_FILE} exists and is not this spec's: refusing to replace it.`);
  }
  if (!existsSync(dirname(FIREFOX_POLICY_FILE))) {
    mkdirSync(dirname(FIREFOX_POLICY_FILE), { recursive: true });
    createdFolder = true;
  }
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [MANAGED_ADDON_ID]: values } } } }, null, 2));
}

/** Removes the file if it is this spec's (and the folders it made). */
export function removeFirefoxPolicy(): void {
  if (existsSync(FIREFOX_POLICY_FILE) && readFileSync(FIREFOX_POLICY_FILE, 'utf8').includes(MANAGED_ADDON_ID)) rmSync(FIREFOX_POLICY_FILE);
  if (createdFolder) {
    // Only folders this spec made, and only when empty.
    for (const folder of [dirname(FIREFOX_POLICY_FILE), dirname(dirname(FIREFOX_POLICY_FILE))]) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty: something else lives there now
      }
    }
    createdFolder = false;
  }
}
