import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, PRODUCTION_EXTENSION_DIR } from './fixtures';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('manifest', () => {
  it('ships without blanket host access: activeTab only', () => {
    const m = manifest(PRODUCTION_EXTENSION_DIR);
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.permissions).toContain('activeTab');
    expect(m.permissions).not.toContain('tabs');
    expect(m.permissions).not.toContain('<all_urls>');
  });

  it('asks for identity (the GitHub/Google sign-in window), which is no host access', () => {
    const m = manifest(PRODUCTION_EXTENSION_DIR);
    expect(m.permissions).toContain('identity');
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions ?? []).not.toContain('identity');
  });

  it('adds host access only in the end-to-end build (automation never grants activeTab)', () => {
    expect(manifest(E2E_EXTENSION_DIR).host_permissions).toEqual(['<all_urls>']);
  });

  it('declares no content scripts: capture helpers are injected on demand', () => {
    const m = manifest(PRODUCTION_EXTENSION_DIR);
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.permissions).toEqual(expect.arrayContaining(['scripting', 'contextMenus']));
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(m.commands['capture-screenshot'].suggested_key.default).toBe('Alt+Shift+S');
  });

  it('opens the popup with Alt+Shift+I and has real icons', () => {
    const m = manifest(PRODUCTION_EXTENSION_DIR);
    expect(m.commands._execute_action.suggested_key.default).toBe('Alt+Shift+I');
    for (const size of ['16', '32', '48', '128']) {
      const file = m.icons?.[size];
      expect(file, `icon ${size}`).toBeTruthy();
      const png = readFileSync(join(PRODUCTION_EXTENSION_DIR, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size)); // IHDR width
    }
  });

  it('names the schema Chromium checks an admin policy against, and ships it (docs/admins.md)', () => {
    const m = manifest(PRODUCTION_EXTENSION_DIR);
    expect(m.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(JSON.parse(readFileSync(join(PRODUCTION_EXTENSION_DIR, m.storage.managed_schema), 'utf8')).type).toBe('object');
  });
});
