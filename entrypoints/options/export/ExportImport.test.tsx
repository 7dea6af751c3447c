// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { exportJson } from '../../../lib/export/json-export';
import { addNote, declareIncident } from '../../../lib/incidents/operations';
import { makeContext } from '../../../test/support/domain';
import { ExportImport } from './ExportImport';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let createObjectURL: MockInstance<typeof URL.createObjectURL>;
let downloads: { name: string; href: string }[];

beforeEach(() => {
  downloads = [];
  createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${downloads.length + 1}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href });
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
  act(() => root!.render(<ExportImport db={ctx.db} now={ctx.now} />));
  return host;
}

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;
const labelled = (host: HTMLElement, text: string) => {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent!.trim() === text)!;
  return (label.htmlFor ? host.querySelector(`#${CSS.escape(label.htmlFor)}`) : label.querySelector('input')) as HTMLInputElement;
};
/** Waits for the page to settle, letting IndexedDB and React finish inside act(). */
async function eventually(check: () => void | Promise<void>) {
  await vi.waitFor(async () => {
    await act(() => new Promise((ok) => setTimeout(ok, 10)));
    await check();
  });
}
const blobText = (call: number) => (createObjectURL.mock.calls[call]![0] as Blob).text();

async function chooseFile(host: HTMLElement, text: string) {
  const input = labelled(host, 'Import an export file');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'export.json', { type: 'application/json' })] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 10));
  });
}

describe('ExportImport', () => {
  it('has a heading, named buttons and labelled inputs', () => {
    const host = render(makeContext());
    expect(host.querySelector('h2')!.textContent).toBe('Records and export');
    expect(button(host, 'Download incident register (CSV)')).toBeTruthy();
    expect(button(host, 'Download full export (JSON)')).toBeTruthy();
    expect(labelled(host, 'Include screenshots').type).toBe('checkbox');
    expect(labelled(host, 'Import an export file').type).toBe('file');
  });

  it('downloads the register as a dated CSV file', async () => {
    const ctx = makeContext();
    await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major' });
    const host = render(ctx);
    await act(async () => button(host, 'Download incident register (CSV)').click());
    await eventually(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('incident-register-2026-11-26.csv');
    const text = await blobText(0);
    expect(text.startsWith('\uFEFFref,title,severity,lead,declared,resolved,time to resolve,outcome,')).toBe(true);
    expect(text).toContain(',Checkout 500s,major,Sophie,2026-11-26T09:00:00Z,,,,0,0,,0\r\n');
  });

  it('downloads the full export as a dated JSON file, with screenshots when asked', async () => {
    const ctx = makeContext();
    await declareIncident(ctx, { title: 'Checkout 500s' });
    const host = render(ctx);
    await act(async () => labelled(host, 'Include screenshots').click());
    expect(labelled(host, 'Include screenshots').checked).toBe(true);
    await act(async () => button(host, 'Download full export (JSON)').click());
    await eventually(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('incident-export-2026-11-26.json');
    expect(JSON.parse(await blobText(0))).toMatchObject({ format: 'incident-capture-export', version: 1 });
  });

  it('imports a file and says what it added', async () => {
    const source = makeContext();
    const { id } = await declareIncident(source, { title: 'Checkout 500s' });
    await addNote(source, id, { text: 'Rolled back' });
    const text = await exportJson(source.db, { includeImages: false });

    const ctx = makeContext();
    const host = render(ctx);
    await chooseFile(host, text);
    await eventually(() => expect(host.querySelector('[role="status"]')?.textContent).toBe('Imported 2 events.'));
    expect((await ctx.db.incidents.get(id))?.title).toBe('Checkout 500s');

    await chooseFile(host, text);
    await eventually(() =>
      expect(host.querySelector('[role="status"]')?.textContent).toBe('Nothing new: all 2 events in this file are already here.'),
    );
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows a refused file as an alert and changes nothing', async () => {
    const ctx = makeContext();
    const host = render(ctx);
    await chooseFile(host, '{"format":"incident-capture-export","version":1,"events":[');
    await eventually(() =>
      expect(host.querySelector('[role="alert"]')?.textContent).toBe(
        'This file is not valid JSON (it may be cut short or damaged), so nothing was imported.',
      ),
    );
    expect(host.querySelector('[role="status"]')).toBeNull();
    expect(await ctx.db.events.count()).toBe(0);
  });
});
