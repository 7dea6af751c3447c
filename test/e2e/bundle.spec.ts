import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJs, initialJs } from '../../bench/bundle-size.mjs';
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
    const app = allJs(PRODUCTION_EXTENSION_DIR, 'popup.html').files.filter((f) => !f.file.includes('/operations-'));
    expect(app.reduce((n, f) => n + f.gzip, 0)).toBeLessThanOrEqual(130 * KB);
  });
});
