// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { addCustomerUpdate, addFollowUp, addNote, declareIncident, resolveIncident } from '../../lib/incidents/operations';
import { readTimeline } from '../../lib/incidents/queries';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { CatchUpCard } from './CatchUpCard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

/** The card for an incident Lawrence declared, as I (Sophie) see it. */
async function card(build: (ctx: ReturnType<typeof makeContext>, id: string) => Promise<unknown> = async () => {}, complete = true) {
  const ctx = makeContext({ actor: LAWRENCE });
  const { id } = await declareIncident(ctx, { title: 'Checkout down', severity: 'major' });
  await build(ctx, id);
  const incident = (await ctx.db.incidents.get(id))!;
  const events = await readTimeline(ctx.db, id);
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const nameOf = (userId: string) => (userId === LAWRENCE.userId ? 'Lawrence' : 'A teammate');
  act(() =>
    root!.render(<CatchUpCard incident={incident} events={events} complete={complete} now={ctx.now() + 20 * 60_000} me="someone-else" nameOf={nameOf} />),
  );
  const facts = () => [...host.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
  return { host, facts };
}

describe('CatchUpCard', () => {
  it('says plainly when there is nothing yet: no customer update, no follow-ups, no notes', async () => {
    const { host, facts } = await card();
    expect(facts()).toEqual([
      ['Severity', 'Major'],
      ['Lead', 'Lawrence'],
      ['Active for', '20 min'],
      ['Last customer update', 'No customer update yet'],
      ['Open follow-ups', 'No open follow-ups'],
    ]);
    expect(host.textContent).toContain('No notes yet.');
  });

  it('shows teammates’ texts as text, never as markup', async () => {
    const { host } = await card(async (ctx, id) => {
      await addNote(ctx, id, { text: '<img src=x onerror="alert(1)"> pool exhausted' });
      await addCustomerUpdate(ctx, id, 'email', '<b>We are on it</b>');
      await addFollowUp(ctx, id, '<script>x</script> alert on pool');
    });
    expect(host.querySelector('img, b, script')).toBeNull();
    expect(host.querySelector('[aria-label="Last notes"] li')!.textContent).toContain('<img src=x onerror="alert(1)"> pool exhausted');
    expect(host.textContent).toContain('<b>We are on it</b>');
    expect(host.querySelector('[aria-label="Open follow-ups, first few"] li')!.textContent).toBe('<script>x</script> alert on pool');
  });

  it('shows what the record holds while the log is read, and how long a resolved incident ran', async () => {
    const { host, facts } = await card(async (ctx, id) => {
      await addNote(ctx, id, { text: 'Rolled back' });
      ctx.advance(45 * 60_000);
      await resolveIncident(ctx, id, 'fixed');
    }, false);
    expect(host.textContent).toContain('Reading the log…');
    expect(host.textContent).not.toContain('Rolled back');
    expect(facts()).toContainEqual(['Resolved after', '45 min · Fixed']);
    expect(facts()).toContainEqual(['Last customer update', '…']);
  });
});
