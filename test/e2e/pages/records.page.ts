import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Options → "Records and export", driven as a person does. */
export class RecordsPage {
  constructor(readonly page: Page) {}

  section = () => this.page.getByRole('region', { name: 'Records and export' });
  status = () => this.section().getByRole('status');
  alert = () => this.section().getByRole('alert');

  /** Clicks a download button and returns the file the browser saved. */
  async download(button: 'Download incident register (CSV)' | 'Download full export (JSON)' | 'Download evidence pack') {
    const saved = this.page.waitForEvent('download');
    await this.section().getByRole('button', { name: button }).click();
    const download = await saved;
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  async importFile(name: string, contents: Buffer | string) {
    await this.section()
      .getByLabel('Import an export file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }
}
