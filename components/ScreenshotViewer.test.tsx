// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { declareIncident } from '../lib/incidents/operations';
import { addScreenshot } from '../lib/incidents/screenshots';
import { LAWRENCE, makeContext, ME } from '../test/support/domain';
import { viewerRights } from './screenshot-rights';
import { ScreenshotViewer, type ScreenshotEvent } from './ScreenshotViewer';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const IMAGE_BYTES = 'not really a webp, but bytes all the same';

let root: Root | undefined;
let createObjectURL: MockInstance<typeof URL.createObjectURL>;
let revokeObjectURL: MockInstance<typeof URL.revokeObjectURL>;

beforeEach(() => {
  // Recorded, so a test can see which bytes the viewer showed and that it let go of them.
  let made = 0;
  createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++made}`);
  revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  if (!HTMLDialogElement.prototype.showModal) {
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function setUp() {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Checkout down' });
  const { eventId } = await addScreenshot(ctx, incident.id, {
    // Node's Blob, not happy-dom's: the structured clone behind fake-indexeddb
    // flattens happy-dom's into a plain object, where a browser's IndexedDB
    // (and Node's clone) keeps a real Blob.
    bytes: new NodeBlob([IMAGE_BYTES], { type: 'image/webp' }) as unknown as Blob,
    mimeType: 'image/webp',
    width: 4,
    height: 3,
    thumbnail: 'data:image/webp;base64,AAAA',
    source: 'visible',
    pageUrl: 'https://shop.example/checkout',
    pageTitle: 'Checkout',
  });
  const event = (await ctx.db.events.get(eventId)) as ScreenshotEvent;
  return { ctx, incidentId: incident.id, event, incident, events: await ctx.db.events.toArray() };
}

const NAMES: Record<string, string> = { [ME.userId]: ME.displayName, [LAWRENCE.userId]: LAWRENCE.displayName };

/** The viewer as `me` sees it (Sophie took the screenshot and leads the incident). */
function render({ ctx, incidentId, event, incident, events }: Awaited<ReturnType<typeof setUp>>, me = ME.userId) {
  const onClose = vi.fn();
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const rights = viewerRights(events, event.id, incident, me, (id) => NAMES[id] ?? 'Someone');
  act(() => root!.render(<ScreenshotViewer ctx={ctx} incidentId={incidentId} event={event} rights={rights} onClose={onClose} />));
  return { host, onClose };
}

/** A control found by its role and visible name, as a person finds it. */
function control(host: ParentNode, role: 'button' | 'link', name: string) {
  const found = [...host.querySelectorAll(role === 'button' ? 'button' : 'a[href]')].find(
    (el) => (el.getAttribute('aria-label') ?? el.textContent)?.trim() === name,
  );
  if (!found) throw new Error(`No ${role} named "${name}"`);
  return found as HTMLElement;
}

const click = (el: HTMLElement) => act(() => el.click());

/**
 * Waits for what a database read (or write) brings to the screen. Each turn
 * is its own short act(): React renders what arrived when an act() ends, so
 * one long act() around the whole wait would never show it.
 */
async function until<T>(find: () => T | null | undefined, turns = 200): Promise<T> {
  for (let turn = 0; turn < turns; turn++) {
    const found = find();
    if (found != null) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  throw new Error('Never appeared on screen');
}
const named = (host: ParentNode, role: 'button' | 'link', name: string) => () => {
  try {
    return control(host, role, name);
  } catch {
    return null;
  }
};

describe('ScreenshotViewer', () => {
  it('opens as a modal dialog named after the page', async () => {
    const { host } = render(await setUp());
    const dialog = host.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Screenshot: Checkout');
    expect(control(host, 'link', 'https://shop.example/checkout').getAttribute('href')).toBe('https://shop.example/checkout');
  });

  it("shows the image's bytes from the blobs table with an accessible name, and lets go of them when closed", async () => {
    const setup = await setUp();
    const { host } = render(setup);
    expect(host.textContent).toContain('Loading image…');
    const img = await until(() => host.querySelector<HTMLImageElement>('img[alt="Screenshot of Checkout"]'));
    const shown = createObjectURL.mock.calls[0]![0] as Blob;
    expect(await shown.text()).toBe(IMAGE_BYTES);
    expect(img.getAttribute('src')).toBe(createObjectURL.mock.results[0]!.value);
    act(() => root!.unmount());
    root = undefined;
    expect(revokeObjectURL).toHaveBeenCalledWith(img.getAttribute('src'));
  });

  it("says so when the image is not on this device (a teammate's, before sync)", async () => {
    const setup = await setUp();
    await setup.ctx.db.blobs.delete(setup.event.body.blobId);
    const { host } = render(setup);
    await until(() => host.textContent?.includes('This image is not on this device.') || null);
    expect(host.querySelector('img')).toBeNull();
    expect(() => control(host, 'button', 'Redact…')).toThrow();
    // It can still be taken off the timeline: its thumbnail shows there.
    expect(control(host, 'button', 'Remove screenshot')).toBeDefined();
  });

  it('offers a download named after when the screenshot was taken', async () => {
    const setup = await setUp();
    const { host } = render(setup);
    const link = await until(named(host, 'link', 'Download'));
    const at = new Date(setup.event.createdAt); // the reader's time zone, as the timeline shows it
    const two = (n: number) => String(n).padStart(2, '0');
    expect(link.getAttribute('download')).toBe(
      `incident-screenshot-${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}.webp`,
    );
    expect(link.getAttribute('href')).toBe(host.querySelector('img')!.getAttribute('src'));
  });

  it('removes the screenshot for everyone only once confirmed', async () => {
    const setup = await setUp();
    const { ctx, event } = setup;
    const { host, onClose } = render(setup);
    click(await until(named(host, 'button', 'Remove screenshot')));
    expect(await ctx.db.blobs.get(event.body.blobId)).toBeDefined();
    expect(document.activeElement).toBe(control(host, 'button', 'Keep'));

    click(control(host, 'button', 'Remove for everyone'));
    await until(() => onClose.mock.calls.length === 1 || null);
    expect(await ctx.db.blobs.get(event.body.blobId)).toBeUndefined();
    const events = await ctx.db.events.where('incidentId').equals(setup.incidentId).toArray();
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'redacted', body: { eventId: event.id, reason: 'removed' } }),
    );
    expect((await ctx.db.events.get(event.id))?.body).toMatchObject({ thumbnail: '' });
  });

  it('keeps the screenshot when the person chooses Keep', async () => {
    const setup = await setUp();
    const { host, onClose } = render(setup);
    click(await until(named(host, 'button', 'Remove screenshot')));
    click(control(host, 'button', 'Keep'));
    expect(document.activeElement).toBe(control(host, 'button', 'Remove screenshot'));
    expect(onClose).not.toHaveBeenCalled();
    expect(await setup.ctx.db.blobs.get(setup.event.body.blobId)).toBeDefined();
  });

  it("offers neither Remove nor Redact to someone who is neither the screenshot's author nor the lead", async () => {
    const { host } = render(await setUp(), LAWRENCE.userId);
    await vi.waitFor(() => expect(host.querySelector('img')).not.toBeNull());
    expect(() => control(host, 'button', 'Remove screenshot')).toThrow();
    expect(() => control(host, 'button', 'Redact…')).toThrow();
    expect(host.textContent).toContain('Only Sophie, who took it and leads the incident, can remove or redact this screenshot.');
  });

  it('enters redaction mode with saving disabled until a box is drawn', async () => {
    const { host } = render(await setUp());
    click(await until(named(host, 'button', 'Redact…')));
    expect(host.textContent).toContain('Saving deletes the original and puts this redacted copy in its place.');
    expect(control(host, 'button', 'Save redacted copy').hasAttribute('disabled')).toBe(true);
    click(control(host, 'button', 'Cancel'));
    expect(document.activeElement).toBe(control(host, 'button', 'Redact…'));
  });

  it('switches between fit and actual size', async () => {
    const { host } = render(await setUp());
    const fit = await until(named(host, 'button', 'Fit'));
    expect(fit.getAttribute('aria-pressed')).toBe('true');
    click(control(host, 'button', 'Actual size'));
    expect(control(host, 'button', 'Actual size').getAttribute('aria-pressed')).toBe('true');
    expect(control(host, 'button', 'Fit').getAttribute('aria-pressed')).toBe('false');
  });

  it('closes on Esc and on Close', async () => {
    const { host, onClose } = render(await setUp());
    await until(named(host, 'button', 'Fit'));
    act(() => {
      host.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    click(control(host, 'button', 'Close'));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  describe('Annotate', () => {
    const key = (el: Element, init: KeyboardEventInit) =>
      act(() => {
        el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      });
    const decodable = () =>
      vi.stubGlobal('createImageBitmap', vi.fn(() => Promise.resolve({ width: 4, height: 3, close() {} })));

    afterEach(() => vi.unstubAllGlobals());

    it('says plainly that damaged bytes cannot be annotated, opens no editor and stores nothing', async () => {
      vi.stubGlobal('createImageBitmap', vi.fn(() => Promise.reject(new DOMException('The source image could not be decoded.'))));
      const setup = await setUp();
      const { host, onClose } = render(setup);
      const before = await setup.ctx.db.events.count();
      click(await until(named(host, 'button', 'Annotate')));
      const alert = await until(() => host.querySelector('[role="alert"]'));
      expect(alert.textContent).toBe('This image could not be read (its bytes are damaged), so it cannot be annotated. Nothing was changed.');
      expect(host.querySelector('[aria-label="Annotate"]')).toBeNull();
      expect(await setup.ctx.db.events.count()).toBe(before);
      expect(onClose).not.toHaveBeenCalled();
    });

    it('says so when the image is not on this device, and stores nothing', async () => {
      const setup = await setUp();
      await setup.ctx.db.blobs.clear();
      const { host } = render(setup);
      click(await until(named(host, 'button', 'Annotate')));
      const alert = await until(() => host.querySelector('[role="alert"]'));
      expect(alert.textContent).toBe('This image is not on this device, so it cannot be annotated.');
    });

    it('works from the keyboard: tool shortcuts, Esc leaves a label first, then the editor, never the viewer', async () => {
      decodable();
      const { host, onClose } = render(await setUp());
      click(await until(named(host, 'button', 'Annotate')));
      const editor = await until(() => host.querySelector('[aria-label="Annotate"]'));
      expect(document.activeElement).toBe(editor);
      expect(control(host, 'button', 'Box (B)').getAttribute('aria-pressed')).toBe('true');
      expect(control(host, 'button', 'Save annotated copy').hasAttribute('disabled')).toBe(true);
      expect(host.textContent).toContain('Nothing to save yet');

      key(editor, { key: 'a' });
      expect(control(host, 'button', 'Arrow (A)').getAttribute('aria-pressed')).toBe('true');
      key(editor, { key: '3' });
      expect(control(host, 'button', 'Cyan').getAttribute('aria-pressed')).toBe('true');
      key(editor, { key: 't' });
      act(() => {
        host.querySelector('canvas')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, clientX: 1, clientY: 1 }));
      });
      const input = await until(() => host.querySelector<HTMLInputElement>('input[aria-label="Label text"]'));
      expect(input.maxLength).toBe(120);
      key(input, { key: 'Escape' });
      expect(host.querySelector('input[aria-label="Label text"]')).toBeNull();
      expect(host.querySelector('[aria-label="Annotate"]')).not.toBeNull();
      // Back on the editor, so the next shortcut works.
      expect(document.activeElement).toBe(editor);

      key(editor, { key: 'Escape' });
      expect(host.querySelector('[aria-label="Annotate"]')).toBeNull();
      control(host, 'button', 'Annotate');
      // The dialog's own Esc (its cancel event) still closes the viewer once the editor is gone.
      expect(onClose).not.toHaveBeenCalled();
    });
  });
});
