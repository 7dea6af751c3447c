import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { declareIncident } from '../incidents/operations';
import type { NetworkContext } from '../model/network-context';
import { screenshot } from '../../test/support/device-history';
import { SAMPLE_NETWORK as NETWORK } from '../../test/support/network-samples';
import { buildExport, exportJson } from './json-export';
import { importJson } from './json-import';
import { incidentMarkdown } from './markdown';

async function withShot(network: NetworkContext) {
  const ctx = makeContext();
  const { id } = await declareIncident(ctx, { title: 'Checkout 500s' });
  await screenshot(ctx, id, 'img', 'Checkout', { network });
  return { ctx, id };
}

const screenshotItem = (md: string) => md.slice(md.indexOf('Screenshot of')).trimEnd();

describe('the network context in the Markdown copy', () => {
  it('lists failed and slowest requests under the screenshot, URLs as code, never links', async () => {
    const { ctx, id } = await withShot(NETWORK);
    expect(screenshotItem(await incidentMarkdown(ctx.db, id))).toBe(
      [
        'Screenshot of Checkout (<https://shop.example/checkout>)',
        '  - Failed requests (2):',
        '    - 500 `https://shop.example/api/cart?token=REDACTED` · fetch · 42 ms',
        '    - 404 `https://shop.example/img/*x*.png` · img · 3 ms',
        '  - Slowest requests:',
        '    - status unknown `https://cdn.other.example/app.js` · script · 1.8 s',
      ].join('\n'),
    );
  });

  it('says when nothing failed, and when the browser gives durations only', async () => {
    const none = await withShot({ ...NETWORK, failed: [], failedCount: 0, slowest: [] });
    expect(screenshotItem(await incidentMarkdown(none.ctx.db, none.id))).toBe(
      ['Screenshot of Checkout (<https://shop.example/checkout>)', '  - No failed requests among the 31 the page recorded.'].join('\n'),
    );
    const noStatus = await withShot({
      statusReported: false,
      entryCount: 3,
      failedCount: 0,
      failed: [],
      slowest: [{ url: 'https://shop.example/a', initiator: 'fetch', durationMs: 70 }],
    });
    expect(screenshotItem(await incidentMarkdown(noStatus.ctx.db, noStatus.id))).toBe(
      [
        'Screenshot of Checkout (<https://shop.example/checkout>)',
        '  - This browser does not report response status; durations only.',
        '  - Slowest requests:',
        '    - `https://shop.example/a` · fetch · 70 ms',
      ].join('\n'),
    );
  });
});

describe('the network context in the JSON export', () => {
  it('travels with the screenshot event, as stored', async () => {
    const { ctx } = await withShot(NETWORK);
    const file = await buildExport(ctx.db, { includeImages: false });
    const shot = file.events.find((e) => e.kind === 'screenshot');
    expect(shot?.kind === 'screenshot' && shot.body.network).toEqual(NETWORK);
    expect(JSON.parse(JSON.stringify(file)).events.find((e: { kind: string }) => e.kind === 'screenshot').body.network).toEqual(NETWORK);
  });

  it('comes back with the screenshot when the file is imported on another device', async () => {
    const { ctx } = await withShot(NETWORK);
    const fresh = makeContext({ actor: LAWRENCE });
    await importJson(fresh.db, await exportJson(ctx.db, { includeImages: true }), { now: fresh.now });
    const shot = (await fresh.db.events.toArray()).find((e) => e.kind === 'screenshot');
    expect(shot?.kind === 'screenshot' && shot.body.network).toEqual(NETWORK);
  });
});
