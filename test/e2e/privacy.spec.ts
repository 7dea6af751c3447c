import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, PRODUCTION_EXTENSION_DIR, type ExtensionSession } from './fixtures';

// The store listings point at PRIVACY.md; the extension carries the same text
// (public/privacy.html, generated from it) so Options → Privacy policy works offline.
describe('privacy policy', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension(PRODUCTION_EXTENSION_DIR);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is packaged in the store build, byte for byte the generated page', () => {
    expect(readFileSync(join(PRODUCTION_EXTENSION_DIR, 'privacy.html'), 'utf8')).toBe(readFileSync('public/privacy.html', 'utf8'));
  });

  it('is kept in step with the manifest: the policy and the store answers explain every permission it asks for', () => {
    const manifest = JSON.parse(readFileSync(join(PRODUCTION_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const asked: string[] = [...manifest.permissions, ...(manifest.optional_host_permissions ?? []), ...(manifest.host_permissions ?? [])];
    const store = readFileSync('docs/store.md', 'utf8');
    const policy = readFileSync('PRIVACY.md', 'utf8');
    for (const permission of asked) {
      // A host pattern (https://*/*, http://127.0.0.1/*) is named as written, in code; an API permission in bold.
      const pattern = permission.includes('://');
      expect(store, `docs/store.md justifies ${permission}`).toContain(pattern ? `| optional host \`${permission}\` |` : `| \`${permission}\` |`);
      expect(policy, `PRIVACY.md explains ${permission}`).toContain(pattern ? `\`${permission}\`` : `**${permission}**`);
    }
  });

  it('opens from the options page in a tab of its own', async () => {
    const options = await session.context.newPage();
    await options.goto(session.url('options.html'));
    const opened = session.context.waitForEvent('page');
    await options.getByRole('link', { name: 'Privacy policy' }).click();
    const policy = await opened;
    await policy.waitForLoadState('domcontentloaded');
    expect(policy.url()).toBe(session.url('privacy.html'));
    await policy.getByRole('heading', { name: 'Incident Capture privacy policy', level: 1 }).waitFor();
    expect(await policy.getByRole('heading', { level: 2 }).allTextContents()).toContain('What leaves your device, and only if you turn it on');
  });
});
