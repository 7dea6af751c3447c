import { describe, expect, it } from 'vitest';
import { readTimeline } from '../incidents/queries';
import type { IncidentEvent } from '../model/event';
import { captureRendered, captureVisible } from './capture-service';
import { fakeDeps, PROBED, withIncident } from './fake-capture-deps';
import { REDACTED } from './request-url';

/** The stored screenshot's network context (lib/model/network-context.ts). */
async function storedNetwork(ctx: Awaited<ReturnType<typeof withIncident>>['ctx'], incidentId: string, eventId: string) {
  const shot = (await readTimeline(ctx.db, incidentId)).find((e): e is Extract<IncidentEvent, { kind: 'screenshot' }> => e.id === eventId);
  expect(shot?.kind).toBe('screenshot');
  return shot!.body.network;
}

describe('the page’s network context with each capture', () => {
  it('is read from the captured tab and stored with the screenshot, secrets stripped', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, reads } = fakeDeps();
    const { eventId } = await captureVisible(deps, ctx, { incidentId, tabId: 3 });
    expect(reads).toEqual([3]);
    expect(await storedNetwork(ctx, incidentId, eventId)).toEqual({
      statusReported: true,
      entryCount: 12,
      failedCount: 1,
      failed: [{ url: `http://127.0.0.1/api/cart?token=${REDACTED}`, initiator: 'fetch', status: 500, durationMs: 42 }],
      slowest: [{ url: 'http://127.0.0.1/api/slow', initiator: 'fetch', status: 200, durationMs: 900 }],
    });
  });

  it('starts before the capture and does not hold it back', async () => {
    const { ctx, incidentId } = await withIncident();
    let release!: (v: unknown) => void;
    const { deps, log } = fakeDeps({
      network: () => {
        log.push('network read started');
        return new Promise((ok) => (release = ok));
      },
    });
    const capture = captureVisible(deps, ctx, { incidentId, tabId: 3 });
    await expect.poll(() => log).toContain('decode captured'); // the image was taken and decoded meanwhile
    expect(log.indexOf('network read started')).toBeLessThan(log.indexOf('capture 9'));
    release(PROBED);
    const { eventId } = await capture;
    expect((await storedNetwork(ctx, incidentId, eventId))?.failedCount).toBe(1);
  });

  it.each([
    ['cannot be scripted (Firefox’s pdf.js viewer)', () => Promise.reject(new Error('Missing host permission for the tab'))],
    ['replaced performance.getEntriesByType with garbage', async () => ({ statusReported: true, entryCount: 'lots', failed: {} })],
    ['made the probe throw', async () => ({ failed: 'performance.getEntriesByType is not a function' })],
  ])('a page that %s still gets its screenshot, with no network context', async (_, network) => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ network });
    const { eventId } = await captureVisible(deps, ctx, { incidentId, tabId: 3 });
    expect(log).toContain('capture 9');
    expect(await storedNetwork(ctx, incidentId, eventId)).toBeUndefined();
  });

  it('in Firefox’s PDF viewer, neither mask nor network read can run: the screenshot is stored without context', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps } = fakeDeps({
      browser: 'firefox',
      url: 'https://example.com/runbook.pdf',
      maskFails: true,
      network: () => Promise.reject(new Error('Missing host permission for the tab')),
    });
    const { eventId } = await captureVisible(deps, ctx, { incidentId, tabId: 3 });
    expect(await storedNetwork(ctx, incidentId, eventId)).toBeUndefined();
  });

  it('comes with full-page and region captures too', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const { ctx, incidentId } = await withIncident();
      const { deps, reads } = fakeDeps({ browser });
      const { eventId } = await captureRendered(deps, ctx, { incidentId, tabId: 4, target: 'page' });
      expect(reads).toEqual([4]);
      expect((await storedNetwork(ctx, incidentId, eventId))?.failed).toHaveLength(1);
    }
  });

  it('is not read from a page that may not be captured at all', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, reads } = fakeDeps({ url: 'chrome://settings/' });
    await expect(captureVisible(deps, ctx, { incidentId, tabId: 3 })).rejects.toThrow(/its own pages/);
    expect(reads).toEqual([]);
  });
});
