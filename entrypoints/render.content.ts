import html2canvas from 'html2canvas-pro';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MAX_RENDER_SIDE, type RenderTarget } from '../lib/capture/capture-region';
import { sensitiveElements } from '../lib/capture/sensitive-elements';
import type { CaptureHelpers } from './capture-helpers.content';

/**
 * Renders the DOM to an image with html2canvas-pro, for what one viewport
 * capture cannot show: an element taller or wider than the window, or the
 * whole page. Injected only when needed (it is large), never bundled into the
 * popup or side panel. Sensitive fields are blanked in html2canvas's clone of
 * the document, so the live page is never touched.
 */
const MAX_HEIGHT = MAX_RENDER_SIDE; // canvas limits; longer pages are cut here

export interface Renderer {
  render(target: RenderTarget, selectors: string[]): Promise<{ dataUrl: string; truncated: boolean }>;
}

const renderer: Renderer = {
  async render(target, selectors) {
    const helpers = (globalThis as { __incidentCapture?: CaptureHelpers }).__incidentCapture;
    const element = target === 'picked' ? helpers?.picked : document.documentElement;
    if (!element || !(element instanceof HTMLElement)) throw new Error('The chosen element is no longer on the page.');
    const fullHeight = target === 'page' ? document.documentElement.scrollHeight : element.scrollHeight;
    const height = Math.min(fullHeight, MAX_HEIGHT);
    const canvas = await html2canvas(element, {
      logging: false,
      useCORS: true,
      backgroundColor: null,
      scale: target === 'page' ? 1 : Math.min(devicePixelRatio, 2),
      ...(target === 'page' ? { height, windowHeight: height, y: 0, scrollY: 0 } : {}),
      onclone(doc) {
        for (const el of sensitiveElements(doc, selectors)) {
          if (el instanceof HTMLInputElement) el.value = '';
          else el.replaceChildren();
          (el as HTMLElement).style.setProperty('background', '#000', 'important');
          (el as HTMLElement).style.setProperty('color', '#000', 'important');
        }
      },
    });
    return { dataUrl: canvas.toDataURL('image/png'), truncated: fullHeight > MAX_HEIGHT };
  },
};

export default defineContentScript({
  registration: 'runtime',
  main() {
    const g = globalThis as { __incidentRender?: Renderer };
    g.__incidentRender ??= renderer;
  },
});
