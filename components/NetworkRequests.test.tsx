// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkContext } from '../lib/model/network-context';
import { SAMPLE_NETWORK } from '../test/support/network-samples';
import { NetworkRequests } from './NetworkRequests';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NETWORK: NetworkContext = {
  ...SAMPLE_NETWORK,
  failed: [SAMPLE_NETWORK.failed[0]!, { url: 'javascript:alert(1)', initiator: 'img', status: 404, durationMs: 3 }],
  slowest: [...SAMPLE_NETWORK.slowest, { url: 'https://shop.example/api/search', initiator: 'fetch', status: 200, durationMs: 900 }],
};

let container: HTMLElement;
function render(network: NetworkContext) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => createRoot(container).render(<NetworkRequests network={network} />));
  return container;
}
afterEach(() => container.remove());

const summaries = (el: HTMLElement) => [...el.querySelectorAll('details')].map((d) => [d.querySelector('summary')!.textContent, d.open]);
const items = (d: Element) => [...d.querySelectorAll('li')].map((li) => li.textContent);

describe('NetworkRequests', () => {
  it('shows the failures open and the slowest folded, as keyboard-operable details', () => {
    const el = render(NETWORK);
    expect(summaries(el)).toEqual([
      ['Failed requests (2)', true],
      ['Slowest requests', false],
    ]);
    const [failed, slowest] = el.querySelectorAll('details');
    expect(items(failed!)).toEqual(['500 https://shop.example/api/cart?token=REDACTED · fetch · 42 ms', '404 javascript:alert(1) · img · 3 ms']);
    expect(items(slowest!)).toEqual(['status unknown https://cdn.other.example/app.js · script · 1.8 s', '200 https://shop.example/api/search · fetch · 900 ms']);
  });

  it('shows URLs as text, never as links', () => {
    expect(render(NETWORK).querySelector('a')).toBeNull();
  });

  it('says the cut list is cut', () => {
    expect(summaries(render({ ...NETWORK, failedCount: 57 }))[0]).toEqual(['Failed requests (2 of 57)', true]);
  });

  it('says plainly when nothing failed', () => {
    const el = render({ ...NETWORK, failedCount: 0, failed: [] });
    expect(el.textContent).toContain('No failed requests among the 31 the page recorded.');
    expect(summaries(el)).toEqual([['Slowest requests', false]]);
  });

  it('says so where the browser reports no status, and lists durations only', () => {
    const el = render({
      statusReported: false,
      entryCount: 3,
      failedCount: 0,
      failed: [],
      slowest: [{ url: 'https://shop.example/api/search', initiator: 'fetch', durationMs: 900 }],
    });
    expect(el.textContent).toContain('This browser does not report response status; durations only.');
    expect(el.textContent).not.toContain('Failed requests');
    expect(items(el.querySelector('details')!)).toEqual(['https://shop.example/api/search · fetch · 900 ms']);
  });
});
