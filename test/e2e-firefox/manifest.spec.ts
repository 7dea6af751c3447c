import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_OPTIONAL_DATA, SENT_TO_TEAM, SENT_TO_WEBHOOKS, WEBHOOK_LINKS } from '../../lib/browser/permissions';
import { FIREFOX_ADDON_ID } from '../support/firefox.mjs';
import { FIREFOX_E2E_EXTENSION_DIR } from './fixtures';

/** The store build (npm run build:firefox), which addons.mozilla.org receives. */
const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const chromeManifest = () => manifest(resolve('.output/chrome-mv3'));

describe('the Firefox manifest', () => {
  it('is Manifest V3 with a fixed add-on id and the first Firefox with built-in data consent', () => {
    const m = manifest(FIREFOX_EXTENSION_DIR);
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    // An event page: Firefox has no extension service workers.
    expect(m.background).toEqual({ scripts: ['background.js'] });
  });

  it('has no storage.managed_schema key: Firefox defines none and reads policies.json unchecked (MDN manifest.json/storage)', () => {
    expect(manifest(FIREFOX_EXTENSION_DIR).storage).toBeUndefined();
  });

  it('requires no data collection and declares every kind the extension may ask for', () => {
    const consent = manifest(FIREFOX_EXTENSION_DIR).browser_specific_settings.gecko.data_collection_permissions;
    expect(consent.required).toEqual(['none']);
    // Firefox rejects a request for an undeclared kind, so connecting a team would fail.
    expect(consent.optional).toEqual(FIREFOX_OPTIONAL_DATA);
    expect(consent.optional).toEqual(expect.arrayContaining([...SENT_TO_TEAM, ...SENT_TO_WEBHOOKS, ...WEBHOOK_LINKS]));
  });

  it('asks for identity (the GitHub/Google sign-in window), which is no host access', () => {
    const m = manifest(FIREFOX_EXTENSION_DIR);
    expect(m.permissions).toContain('identity');
    expect(m.host_permissions ?? []).toEqual([]);
  });

  it('has the sidebar instead of the side panel, and the same permissions otherwise', () => {
    const m = manifest(FIREFOX_EXTENSION_DIR);
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.permissions).not.toContain('sidePanel');
    expect([...m.permissions, 'sidePanel'].sort()).toEqual([...chromeManifest().permissions].sort());
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(m.commands).toEqual(chromeManifest().commands);
  });

  it('lets Realtime reach a local project: no upgrade-insecure-requests in the extension pages’ policy', () => {
    const policy: string = manifest(FIREFOX_EXTENSION_DIR).content_security_policy.extension_pages;
    expect(policy).toBe("script-src 'self'");
    expect(policy).not.toMatch(/upgrade-insecure-requests/);
  });

  it('adds host access only in the end-to-end build', () => {
    expect(manifest(FIREFOX_E2E_EXTENSION_DIR).host_permissions).toEqual(['<all_urls>']);
    expect(manifest(FIREFOX_E2E_EXTENSION_DIR).browser_specific_settings).toEqual(manifest(FIREFOX_EXTENSION_DIR).browser_specific_settings);
  });
});
