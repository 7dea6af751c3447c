import { describe, expect, it } from 'vitest';
import { StorageFullError } from '../incidents/errors';
import { readTimeline } from '../incidents/queries';
import { captureRendered, captureVisible, CaptureRefused } from './capture-service';
import { fakeDeps, THUMB, withIncident } from './fake-capture-deps';

describe('captureVisible', () => {
  it('masks, captures, unmasks, then stores image and event together', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps();
    const { eventId } = await captureVisible(deps, ctx, { incidentId, tabId: 3 });
    expect(log).toEqual(['mask .api-key', 'capture 9', 'unmask', 'decode captured']);
    const shot = (await readTimeline(ctx.db, incidentId)).find((e) => e.id === eventId);
    expect(shot).toMatchObject({
      kind: 'screenshot',
      body: { source: 'visible', pageUrl: 'http://127.0.0.1/grafana', pageTitle: 'Grafana', width: 1280, byteLength: 1234, thumbnail: THUMB },
    });
    const blob = await ctx.db.blobs.get(shot!.kind === 'screenshot' ? shot!.body.blobId : '');
    expect(blob?.bytes.size).toBe(1234);
    expect((await ctx.db.incidents.get(incidentId))?.screenshotCount).toBe(1);
  });

  it('refuses a page Chrome will not let us capture, before touching it', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ url: 'chrome://settings/' });
    const error = await captureVisible(deps, ctx, { incidentId, tabId: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaptureRefused);
    expect((error as Error).message).toMatch(/its own pages/);
    expect(log).toEqual([]);
    expect(await ctx.db.blobs.count()).toBe(0);
  });

  it('takes nothing when the sensitive fields cannot be hidden', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ maskFails: true });
    await expect(captureVisible(deps, ctx, { incidentId, tabId: 3 })).rejects.toThrow(/Could not hide password fields/);
    expect(log).not.toContain('capture 9');
  });

  it('always unmasks, and explains a failed capture', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ captureFails: new Error("Either the '<all_urls>' or 'activeTab' permission is required.") });
    await expect(captureVisible(deps, ctx, { incidentId, tabId: 3 })).rejects.toThrow(/did not give the extension access/);
    expect(log).toEqual(['mask .api-key', 'capture 9', 'unmask']);
    expect(await ctx.db.events.count()).toBe(1);
  });

  it('crops an element in image pixels (a 2× display here)', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, crops } = fakeDeps();
    await captureVisible(deps, ctx, {
      incidentId,
      tabId: 3,
      element: { rect: { x: 10, y: 20, width: 300, height: 100 }, viewport: { width: 1280, height: 800 } },
    });
    expect(crops).toEqual([{ x: 20, y: 40, width: 600, height: 200 }]);
    expect((await readTimeline(ctx.db, incidentId)).at(-1)).toMatchObject({ body: { source: 'element' } });
  });
});

describe('a full disk', () => {
  it('gives the clear storage message and writes neither image nor event', async () => {
    const { ctx, incidentId } = await withIncident();
    ctx.db.blobs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { deps } = fakeDeps();
    const error = await captureVisible(deps, ctx, { incidentId, tabId: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/out of storage space/);
    expect(await ctx.db.blobs.count()).toBe(0);
    expect(await ctx.db.events.count()).toBe(1);
    expect(await ctx.db.outbox.count()).toBe(1);
  });
});

describe('captureRendered', () => {
  it('renders the whole page with the mask selectors and says when it was cut', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps();
    const result = await captureRendered(deps, ctx, { incidentId, tabId: 3, target: 'page' });
    expect(result.truncated).toBe(true);
    expect(log).toEqual(['render page .api-key', 'decode rendered']);
    expect((await readTimeline(ctx.db, incidentId)).at(-1)).toMatchObject({ body: { source: 'full_page' } });
  });
});

describe('captureRendered where the browser captures a region (Firefox’s tabs.captureTab)', () => {
  it('measures, masks the whole document, takes the page at 1× cut to the limit, unmasks, and says it was cut', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ browser: 'firefox' });
    const result = await captureRendered(deps, ctx, { incidentId, tabId: 3, target: 'page' });
    expect(result.truncated).toBe(true);
    expect(log).toEqual(['measure page', 'mask .api-key document', 'captureTab 3 0,0 1280×16383 @1', 'unmask', 'decode 4,region']);
    expect((await readTimeline(ctx.db, incidentId)).at(-1)).toMatchObject({ body: { source: 'full_page' } });
  });

  it('takes a tall picked element where it lies in the document, at the display density', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ browser: 'firefox', region: { rect: { x: 8, y: 900, width: 400, height: 1500 }, devicePixelRatio: 2 } });
    const result = await captureRendered(deps, ctx, { incidentId, tabId: 3, target: 'picked' });
    expect(result.truncated).toBe(false);
    expect(log).toContain('captureTab 3 8,900 400×1500 @2');
    expect((await readTimeline(ctx.db, incidentId)).at(-1)).toMatchObject({ body: { source: 'element' } });
  });

  it('takes nothing when the mask cannot be put in place', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ browser: 'firefox', maskFails: true });
    await expect(captureRendered(deps, ctx, { incidentId, tabId: 3, target: 'page' })).rejects.toThrow(/Could not hide password fields/);
    expect(log.some((l) => l.startsWith('captureTab'))).toBe(false);
  });

  it('always unmasks, and explains a failed capture in one sentence', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ browser: 'firefox', regionFails: new Error('Missing host permission for the tab') });
    await expect(captureRendered(deps, ctx, { incidentId, tabId: 3, target: 'page' })).rejects.toThrow(
      'The browser did not give the extension access to this page. Click the toolbar button on the page you want to capture, then Screenshot.',
    );
    expect(log.at(-1)).toBe('unmask');
    expect(await ctx.db.blobs.count()).toBe(0);
  });

  it('refuses an element with no size', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps } = fakeDeps({ browser: 'firefox', region: { rect: { x: 0, y: 0, width: 0, height: 0 }, devicePixelRatio: 1 } });
    await expect(captureRendered(deps, ctx, { incidentId, tabId: 3, target: 'picked' })).rejects.toThrow(/no size/);
  });
});

describe('a PDF', () => {
  it('in Firefox, is captured though its viewer cannot be masked (pdf.js shows no site fields)', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ browser: 'firefox', url: 'https://example.com/runbook.pdf', maskFails: true });
    await captureVisible(deps, ctx, { incidentId, tabId: 3 });
    expect(log).toContain('capture 9');
  });

  it('in Chrome, is refused before anything is tried', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ url: 'https://example.com/runbook.pdf' });
    await expect(captureVisible(deps, ctx, { incidentId, tabId: 3 })).rejects.toThrow(/PDF viewer/);
    expect(log).toEqual([]);
  });

  it('in Firefox, a page at a .pdf address that can be scripted is still masked', async () => {
    const { ctx, incidentId } = await withIncident();
    const { deps, log } = fakeDeps({ browser: 'firefox', url: 'https://example.com/runbook.pdf' });
    await captureVisible(deps, ctx, { incidentId, tabId: 3 });
    expect(log.slice(0, 2)).toEqual(['mask .api-key viewport', 'capture 9']);
  });
});
