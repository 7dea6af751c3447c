import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJs, bootThenAppJs, initialJs } from '../../bench/bundle-size.mjs';
import { PRODUCTION_EXTENSION_DIR } from './fixtures';

// Size budgets are deterministic, so CI holds them; timings live in bench/.
const KB = 1024;

describe('bundle budgets', () => {
  it('keeps the popup up-front JS tiny: React, Dexie and zod load after the form is ready', () => {
    const boot = initialJs(PRODUCTION_EXTENSION_DIR, 'popup.html');
    expect(boot.gzip).toBeLessThanOrEqual(8 * KB);
    const code = boot.files.map((f) => readFileSync(join(PRODUCTION_EXTENSION_DIR, f.file), 'utf8')).join('\n');
    expect(code).not.toMatch(/react\.dev|Dexie|ZodError/);
  });

  it('keeps the popup with its React app within 130 KB gzip', () => {
    const app = bootThenAppJs(PRODUCTION_EXTENSION_DIR, 'popup.html');
    expect(app.files.some((f) => f.file.includes('/main-'))).toBe(true);
    expect(app.gzip).toBeLessThanOrEqual(130 * KB);
  });

  it('keeps the printable report page within 150 KB gzip (136 KB when it landed: React, Dexie, zod, the entry texts)', () => {
    // Its first paint is benched (bench/report.mjs); this holds what it loads before it.
    expect(allJs(PRODUCTION_EXTENSION_DIR, 'report.html').gzip).toBeLessThanOrEqual(150 * KB);
  });

  it('never puts html2canvas in the popup, side panel or background: it is injected into pages on demand', () => {
    for (const page of ['popup.html', 'sidepanel.html', 'options.html', 'report.html']) {
      for (const f of allJs(PRODUCTION_EXTENSION_DIR, page).files) {
        expect(readFileSync(join(PRODUCTION_EXTENSION_DIR, f.file), 'utf8'), f.file).not.toMatch(/html2canvas/i);
      }
    }
    expect(readFileSync(join(PRODUCTION_EXTENSION_DIR, 'background.js'), 'utf8')).not.toMatch(/html2canvas/i);
    expect(readFileSync(join(PRODUCTION_EXTENSION_DIR, 'content-scripts/render.js'), 'utf8')).toMatch(/html2canvas/i);
  });

  it('keeps supabase-js out of every page: it lives in the background only', () => {
    for (const page of ['popup.html', 'sidepanel.html', 'options.html', 'report.html']) {
      for (const f of allJs(PRODUCTION_EXTENSION_DIR, page).files) {
        expect(readFileSync(join(PRODUCTION_EXTENSION_DIR, f.file), 'utf8'), f.file).not.toMatch(/GoTrueClient|RealtimeClient|StorageClient/);
      }
    }
    expect(readFileSync(join(PRODUCTION_EXTENSION_DIR, 'background.js'), 'utf8')).toMatch(/GoTrueClient/);
  });
});
