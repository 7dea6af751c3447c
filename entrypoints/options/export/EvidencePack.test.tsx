// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { verifyPack } from '../../../lib/evidence/verify-pack';
import { manifestSchema } from '../../../lib/evidence/pack-format';
import { declareIncident } from '../../../lib/incidents/operations';
import { makeContext } from '../../../test/support/domain';
import { unzipSync, strFromU8 } from 'fflate';
import { EvidencePack } from './EvidencePack';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let createObjectURL: MockInstance<typeof URL.createObjectURL>;
let downloads: string[];

beforeEach(() => {
  downloads = [];
  createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test/1');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function render(ctx: ReturnType<typeof makeContext>) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<EvidencePack db={ctx.db} now={ctx.now} extensionVersion="9.9.9" />));
  return host;
}

const field = (host: HTMLElement, text: string) => {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent!.trim() === text)!;
  return (label.htmlFor ? host.querySelector(`#${CSS.escape(label.htmlFor)}`) : label.querySelector('input')) as HTMLInputElement;
};
const button = (host: HTMLElement) => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Download evidence pack')!;
const setValue = (input: HTMLInputElement, value: string) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
async function eventually(check: () => void | Promise<void>) {
  await vi.waitFor(async () => {
    await act(() => new Promise((ok) => setTimeout(ok, 10)));
    await check();
  });
}
const savedZip = async () => new Uint8Array(await (createObjectURL.mock.calls[0]![0] as Blob).arrayBuffer());

describe('EvidencePack', () => {
  it('has a named group, labelled dates and checkbox, and a named button', () => {
    const host = render(makeContext());
    expect(host.querySelector('legend')!.textContent).toBe('Evidence pack');
    expect(field(host, 'Declared from (UTC)').type).toBe('date');
    expect(field(host, 'Declared to (UTC)').type).toBe('date');
    expect(field(host, 'Major only').type).toBe('checkbox');
    expect(button(host)).toBeTruthy();
  });

  it('downloads a dated zip that verifies, with the chosen filters in its manifest, and says what it packed', async () => {
    const ctx = makeContext();
    await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major' });
    await declareIncident(ctx, { title: 'Search slow' });
    const host = render(ctx);
    act(() => {
      setValue(field(host, 'Declared from (UTC)'), '2026-11-26');
      field(host, 'Major only').click();
    });
    await act(async () => button(host).click());
    await eventually(() => expect(downloads).toEqual(['evidence-pack-2026-11-26.zip']));
    const zip = await savedZip();
    expect(verifyPack(zip)).toMatchObject({ ok: true, events: 1 });
    const manifest = manifestSchema.parse(JSON.parse(strFromU8(unzipSync(zip)['MANIFEST.json']!)));
    expect(manifest).toMatchObject({ extensionVersion: '9.9.9', incidents: 1, filters: { declaredFrom: '2026-11-26', declaredTo: null, majorOnly: true } });
    await eventually(() => expect(host.querySelector('[role=status]')!.textContent).toBe('Evidence pack saved: 1 incident, 1 events.'));
  });

  it('packs an empty device: still a valid pack', async () => {
    const host = render(makeContext());
    await act(async () => button(host).click());
    await eventually(() => expect(downloads).toHaveLength(1));
    expect(verifyPack(await savedZip())).toMatchObject({ ok: true, files: 4, events: 0 });
  });

  it('shows why when the pack cannot be made, and downloads nothing', async () => {
    const ctx = makeContext();
    const host = render(ctx);
    act(() => {
      setValue(field(host, 'Declared from (UTC)'), '2026-11-27');
      setValue(field(host, 'Declared to (UTC)'), '2026-11-26');
    });
    await act(async () => button(host).click());
    await eventually(() =>
      expect(host.querySelector('[role=alert]')!.textContent).toBe('The evidence pack could not be made: The start date is after the end date.'),
    );
    act(() => setValue(field(host, 'Declared to (UTC)'), ''));
    vi.spyOn(ctx.db.incidents, 'each').mockRejectedValue(new DOMException('The disk is unreadable', 'UnknownError'));
    await act(async () => button(host).click());
    await eventually(() => expect(host.querySelector('[role=alert]')!.textContent).toMatch(/could not be made: .*disk is unreadable/));
    expect(downloads).toEqual([]);
    expect(button(host).disabled).toBe(false);
  });
});
