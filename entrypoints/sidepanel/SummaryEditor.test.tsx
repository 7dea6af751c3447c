// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeSummary, declareIncident } from '../../lib/incidents/operations';
import { readTimeline } from '../../lib/incidents/queries';
import { SUMMARY_MAX } from '../../lib/model/limits';
import { makeContext } from '../../test/support/domain';
import { SummaryEditor } from './SummaryEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

/** The editor over a real incident (fake-indexeddb): Save goes through changeSummary and the one write path. */
async function setUp(summary = 'Card payments fail') {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Checkout down', summary });
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const show = (current: string) =>
    act(() => root!.render(<SummaryEditor summary={current} onSave={(s) => changeSummary(ctx, incident.id, s)} />));
  show(summary);
  const kinds = async () => (await readTimeline(ctx.db, incident.id)).map((e) => e.kind);
  const stored = async () => (await ctx.db.incidents.get(incident.id))!.summary;
  return { ctx, host, show, kinds, stored };
}

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;

function type(host: HTMLElement, value: string) {
  const textarea = host.querySelector('textarea')!;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return textarea;
}

function key(host: HTMLElement, init: KeyboardEventInit) {
  act(() => host.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));
}

describe('SummaryEditor', () => {
  it('shows the summary, edits it with a live count, and saves with Ctrl+Enter as summary_changed', async () => {
    const { host, kinds, stored } = await setUp();
    expect(host.textContent).toContain('Card payments fail');
    act(() => button(host, 'Edit summary')!.click());
    expect(host.querySelector('textarea')!.value).toBe('Card payments fail');
    type(host, 'EU card payments fail since 08:40');
    expect(host.textContent).toContain(`33 / ${SUMMARY_MAX.toLocaleString('en')} characters`);
    key(host, { key: 'Enter', ctrlKey: true });
    await vi.waitFor(async () => expect(await stored()).toBe('EU card payments fail since 08:40'));
    expect(await kinds()).toEqual(['declared', 'summary_changed']);
    await vi.waitFor(() => expect(host.querySelector('textarea')).toBeNull());
  });

  it('Esc and Cancel leave the summary as it was and log nothing', async () => {
    const { host, kinds, stored } = await setUp();
    act(() => button(host, 'Edit summary')!.click());
    type(host, 'Something else');
    key(host, { key: 'Escape' });
    expect(host.querySelector('textarea')).toBeNull();
    act(() => button(host, 'Edit summary')!.click());
    type(host, 'Something else again');
    act(() => button(host, 'Cancel')!.click());
    expect(host.querySelector('textarea')).toBeNull();
    expect(await stored()).toBe('Card payments fail');
    expect(await kinds()).toEqual(['declared']);
  });

  it('an empty summary clears it', async () => {
    const { host, kinds, stored, show } = await setUp();
    act(() => button(host, 'Edit summary')!.click());
    type(host, '   ');
    act(() => host.querySelector('form')!.requestSubmit());
    await vi.waitFor(async () => expect(await stored()).toBe(''));
    expect(await kinds()).toEqual(['declared', 'summary_changed']);
    show('');
    await vi.waitFor(() => expect(host.textContent).toContain('No summary yet.'));
    expect(button(host, 'Add a summary')).not.toBeNull();
  });

  it.each([
    ['oversized', 'x'.repeat(SUMMARY_MAX + 1), `Keep the summary to ${SUMMARY_MAX} characters or fewer.`],
    ['control characters', 'Bell \u0007 in the summary', 'The summary contains control characters.'],
  ])('refuses a summary with %s: the schema says why, the draft stays and nothing changes', async (_what, text, message) => {
    const { host, kinds, stored } = await setUp();
    act(() => button(host, 'Edit summary')!.click());
    type(host, text);
    act(() => host.querySelector('form')!.requestSubmit());
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toBe(message));
    expect(host.querySelector('textarea')!.value).toBe(text);
    expect(host.querySelector('textarea')!.getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBe('Card payments fail');
    expect(await kinds()).toEqual(['declared']);
  });

  it('keeps a half-typed summary when the incident re-renders from sync, and says it changed meanwhile', async () => {
    const { host, show } = await setUp();
    act(() => button(host, 'Edit summary')!.click());
    type(host, 'Half typed');
    show('Card payments fail'); // a re-render with nothing changed
    expect(host.querySelector('textarea')!.value).toBe('Half typed');
    expect(host.querySelector('[role="status"]')).toBeNull();
    show('A teammate’s summary');
    expect(host.querySelector('textarea')!.value).toBe('Half typed');
    expect(host.querySelector('[role="status"]')!.textContent).toContain('changed while you were editing');
  });
});
