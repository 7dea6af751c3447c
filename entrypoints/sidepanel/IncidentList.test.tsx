// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote, declareIncident, resolveIncident } from '../../lib/incidents/operations';
import { makeContext } from '../../test/support/domain';
import { IncidentList } from './IncidentList';
import { PAGE } from './list-page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
beforeEach(() => {
  // happy-dom lays nothing out: every element measures 0 px, and the virtualizer would then
  // show an arbitrary slice. A row measures its estimated 58 px, as in the side panel.
  // (@tanstack/virtual-core measures a row by its offsetHeight.)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.tagName === 'LI' ? 58 : 0;
  });
});
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/**
 * PAGE + 12 active incidents, one a minute, newest last; the oldest two
 * mention Postgres, so a search must find rows beyond the first page. Two
 * more are resolved.
 */
async function seeded() {
  const ctx = makeContext();
  const titles: string[] = [];
  for (let i = 0; i < PAGE + 12; i++) {
    const title = i < 2 ? `Postgres replica lag ${i}` : `Checkout errors ${i}`;
    await declareIncident(ctx, { title });
    titles.push(title);
    ctx.advance(60_000);
  }
  for (const title of ['Resolved one', 'Postgres resolved']) {
    const { id } = await declareIncident(ctx, { title });
    await resolveIncident(ctx, id, 'fixed');
    ctx.advance(60_000);
  }
  return { ctx, newestFirst: [...titles].reverse() };
}

async function mount(ctx: ReturnType<typeof makeContext>) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const onOpen = vi.fn();
  await act(async () => root!.render(<IncidentList ctx={ctx} onOpen={onOpen} nudgeMinutes={30} />));
  const list = () => host.querySelector<HTMLUListElement>('ul.incident-list');
  const titles = () => [...host.querySelectorAll('ul.incident-list li button.title')].map((b) => b.textContent);
  const settle = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 20 });
  const search = async (text: string) => {
    const input = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setValue.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const show = async (label: string) => {
    const button = [...host.querySelectorAll<HTMLButtonElement>('.views button')].find((b) => b.textContent === label)!;
    await act(async () => button.click());
  };
  return { host, list, titles, settle, search, show };
}

describe('IncidentList', () => {
  it('shows the newest rows first, then knows the whole view for scrolling', async () => {
    const { ctx, newestFirst } = await seeded();
    const { list, titles, settle } = await mount(ctx);
    await settle(() => expect(titles().slice(0, 3)).toEqual(newestFirst.slice(0, 3)));
    // Every row of the view is known (58 px estimated each), not only the first page's.
    await settle(() => expect(list()!.style.height).toBe(`${(PAGE + 12) * 58}px`));
    expect(titles()).toEqual(newestFirst.slice(0, titles().length));
  });

  it('searches the whole view, beyond its first page, in the view’s order', async () => {
    const { ctx } = await seeded();
    const { host, titles, settle, search, show } = await mount(ctx);
    await settle(() => expect(titles().length).toBeGreaterThan(0));
    await search('postgres');
    await settle(() => expect(titles()).toEqual(['Postgres replica lag 1', 'Postgres replica lag 0']));
    await search('postgres lag 0');
    await settle(() => expect(titles()).toEqual(['Postgres replica lag 0']));
    await search('nothing like this');
    await settle(() => expect(host.textContent).toContain('Nothing matches “nothing like this”.'));
    // The same query on another view answers from that view.
    await search('postgres');
    await show('Resolved');
    await settle(() => expect(titles()).toEqual(['Postgres resolved']));
    await search('');
    await settle(() => expect(titles()).toEqual(['Postgres resolved', 'Resolved one']));
  });

  it('is live: a new incident comes in on top, and one with new activity moves up', async () => {
    const { ctx, newestFirst } = await seeded();
    const { titles, settle } = await mount(ctx);
    await settle(() => expect(titles()[0]).toBe(newestFirst[0]));
    await act(async () => {
      await declareIncident(ctx, { title: 'Just declared' });
    });
    await settle(() => expect(titles().slice(0, 2)).toEqual(['Just declared', newestFirst[0]]));
    ctx.advance(60_000);
    const oldest = (await ctx.db.incidents.toArray()).find((i) => i.title === 'Postgres replica lag 0')!.id;
    await act(async () => {
      await addNote(ctx, oldest, { text: 'replica caught up' });
    });
    await settle(() => expect(titles()[0]).toBe('Postgres replica lag 0'));
  });

  it('says so when a view is empty', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Only one' });
    await resolveIncident(ctx, id, 'fixed');
    const { host, settle } = await mount(ctx);
    await settle(() => expect(host.textContent).toContain('Nothing active. All quiet.'));
  });
});
