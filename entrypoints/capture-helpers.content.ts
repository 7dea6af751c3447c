import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import type { PageRegion, RenderTarget } from '../lib/capture/capture-region';
import { maskBoxes, type Rect } from '../lib/capture/mask-geometry';
import { sensitiveElements } from '../lib/capture/sensitive-elements';

/**
 * Injected on demand (never declared in the manifest): hides sensitive fields
 * with opaque boxes around a capture, and runs the element picker. It installs
 * one object in the extension's isolated world; the background calls it with
 * scripting.executeScript({ func }).
 */
export interface CaptureHelpers {
  /**
   * Covers password inputs and `selectors` with opaque boxes, resolves once
   * painted. Returns how many. `viewport`: those on screen, for a viewport
   * capture; `document`: all of them, where they lie in the document, for a
   * region capture (Firefox's tabs.captureTab draws beyond the viewport).
   */
  mask(selectors: string[], scope?: 'viewport' | 'document'): Promise<number>;
  unmask(): void;
  /** Where the whole page or the picked element lies, in document CSS px. */
  measure(target: RenderTarget): PageRegion;
  startPicker(): void;
  /** The element the picker chose (for rendering beyond the viewport). */
  picked: Element | null;
}

const MASK_ID = '__incident_capture_mask__';
const PICKER_ID = '__incident_capture_picker__';

const nextPaint = () =>
  new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())));

function overlay(id: string): HTMLDivElement {
  document.getElementById(id)?.remove();
  const host = document.createElement('div');
  host.id = id;
  host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;margin:0;padding:0;';
  document.documentElement.append(host);
  return host;
}

function box(host: HTMLElement, r: Rect, style: string): HTMLDivElement {
  const el = document.createElement('div');
  el.style.cssText = `position:absolute;left:${r.x}px;top:${r.y}px;width:${r.width}px;height:${r.height}px;${style}`;
  host.append(el);
  return el;
}

const helpers: CaptureHelpers = {
  picked: null,

  async mask(selectors, scope = 'viewport') {
    const whole = scope === 'document';
    const root = document.documentElement;
    // Document scope: rects move by the scroll offset, and the overlay spans the document.
    const dx = whole ? scrollX : 0;
    const dy = whole ? scrollY : 0;
    const area = whole ? { width: root.scrollWidth, height: root.scrollHeight } : { width: innerWidth, height: innerHeight };
    const rects = sensitiveElements(document, selectors).map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + dx, y: r.y + dy, width: r.width, height: r.height };
    });
    const boxes = maskBoxes(rects, area);
    if (boxes.length === 0) return 0;
    const host = overlay(MASK_ID);
    if (whole) host.style.cssText = `position:absolute;left:0;top:0;width:${area.width}px;height:${area.height}px;z-index:2147483647;pointer-events:none;margin:0;padding:0;`;
    for (const b of boxes) box(host, b, 'background:#000 !important;opacity:1 !important;');
    await nextPaint();
    return boxes.length;
  },

  measure(target) {
    const root = document.documentElement;
    if (target === 'page') {
      return { rect: { x: 0, y: 0, width: root.scrollWidth, height: root.scrollHeight }, devicePixelRatio };
    }
    const picked = helpers.picked;
    if (!picked?.isConnected) throw new Error('The chosen element is no longer on the page.');
    const r = picked.getBoundingClientRect();
    return { rect: { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }, devicePixelRatio };
  },

  unmask() {
    document.getElementById(MASK_ID)?.remove();
  },

  startPicker() {
    const host = overlay(PICKER_ID);
    const highlight = box(
      host,
      { x: 0, y: 0, width: 0, height: 0 },
      'outline:2px solid #2f5bd3;background:rgba(47,91,211,.15);transition:all 40ms;',
    );
    const tip = box(
      host,
      { x: 8, y: 8, width: 0, height: 0 },
      'width:auto;height:auto;padding:4px 8px;font:12px system-ui,sans-serif;color:#fff;background:#101828;border-radius:4px;',
    );
    tip.textContent = 'Click an element to capture it · ↑ parent · Esc cancels';
    let current: Element | null = null;

    const show = (el: Element | null) => {
      current = el;
      if (!el) return;
      const r = el.getBoundingClientRect();
      Object.assign(highlight.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
    };
    const finish = () => {
      removeEventListener('mousemove', onMove, true);
      removeEventListener('click', onClick, true);
      removeEventListener('keydown', onKey, true);
      host.remove();
    };
    const pick = async () => {
      if (!current) return;
      helpers.picked = current;
      const r = current.getBoundingClientRect();
      finish();
      await nextPaint(); // the highlight must be gone from the frame we capture
      void browser.runtime.sendMessage({
        type: 'elementPicked',
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
        viewport: { width: innerWidth, height: innerHeight },
      });
    };
    function onMove(e: MouseEvent) {
      const el = document.elementFromPoint(e.clientX, e.clientY);
      if (el && el !== document.documentElement) show(el);
    }
    function onClick(e: MouseEvent) {
      e.preventDefault();
      e.stopImmediatePropagation();
      void pick();
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') {
        e.preventDefault();
        finish();
        void browser.runtime.sendMessage({ type: 'pickCancelled' });
      } else if (e.key === 'ArrowUp' && current?.parentElement && current.parentElement !== document.documentElement) {
        e.preventDefault();
        show(current.parentElement);
      } else if (e.key === 'ArrowDown' && current?.firstElementChild) {
        e.preventDefault();
        show(current.firstElementChild);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        void pick();
      }
    }
    addEventListener('mousemove', onMove, true);
    addEventListener('click', onClick, true);
    addEventListener('keydown', onKey, true);
    show(document.body);
  },
};

export default defineContentScript({
  registration: 'runtime',
  main() {
    const g = globalThis as { __incidentCapture?: CaptureHelpers };
    g.__incidentCapture ??= helpers;
  },
});
