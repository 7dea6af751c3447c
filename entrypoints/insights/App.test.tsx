// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import type { IncidentDatabase } from '../../lib/db/database';
import { fact, stored, t, TEAM } from '../../lib/insights/test-facts';
import { teamIdItem } from '../../lib/supabase/team-id';
import { App } from './App';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Tuesday 1 Dec 2026: "Last 12 weeks" (the default) is 14 Sep – 6 Dec.
const NOW = t('2026-12-01T10:00:00Z');
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function render(db: IncidentDatabase) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<App db={db} now={NOW} />));
  await settle();
  return host;
}

/** Lets the IndexedDB read and the storage read answer. */
async function settle() {
  for (let i = 0; i < 20 && !document.querySelector('main[data-ready="true"]'); i++) {
    await act(async () => new Promise((r) => setTimeout(r, 5)));
  }
}

const section = (name: string) =>
  [...document.querySelectorAll('section.chart')].find((s) => s.querySelector('h2')?.textContent === name) as HTMLElement;

async function seeded() {
  const { db } = makeContext();
  await db.facts.bulkPut([
    stored(fact('2026-11-30T09:00:00.000Z', { severity: 'major', resolvedAt: '2026-11-30T11:00:00.000Z', outcome: 'fixed' }), 'https://acme.sentry.io/issues/4512345678/'),
    stored(fact('2026-11-24T09:00:00.000Z')),
    stored(fact('2026-11-25T09:00:00.000Z')),
    stored(fact('2025-01-07T09:00:00.000Z')), // only in All time
    stored(fact('2026-11-26T09:00:00.000Z', { teamId: TEAM })), // the team's, not this device's
  ]);
  return db;
}

describe('Insights page', () => {
  it('draws every chart with a title, an SVG described by its one-sentence summary, and a Table toggle with the same numbers', async () => {
    await render(await seeded());
    expect([...document.querySelectorAll('section.chart h2')].map((h) => h.textContent)).toEqual([
      'Incidents per week',
      'Time to resolve',
      'Outcomes',
      'Follow-ups opened and done',
      'Major incidents: first customer update',
      'Review coverage',
      'Incidents by source',
    ]);
    const perWeek = section('Incidents per week');
    const svg = perWeek.querySelector('svg[role="img"]')!;
    expect(document.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).toBe('Incidents per week');
    // 12 weeks; week of 23 Nov: two minor; week of 30 Nov: one major.
    expect(document.getElementById(svg.getAttribute('aria-describedby')!)!.textContent).toBe(
      '3 incidents declared over 12 weeks (2 minor, 1 major); the busiest was the week of 23 Nov with 2.',
    );
    expect(svg.querySelectorAll('rect')).toHaveLength(2); // one bar per non-empty severity and week

    const toggle = perWeek.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
    expect(toggle.textContent).toBe('Table');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(perWeek.querySelector('svg')).toBeNull();
    const rows = [...perWeek.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toHaveLength(12);
    expect(rows.slice(-2)).toEqual([
      ['23 Nov', '2', '0', '2'],
      ['30 Nov', '0', '1', '1'],
    ]);
    expect(document.querySelector('.insights-range')!.textContent).toContain('3 incidents with activity');
  });

  it('All time widens the period to the earliest incident', async () => {
    await render(await seeded());
    const select = document.querySelector<HTMLSelectElement>('select')!;
    await act(async () => {
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(document.querySelector('.insights-range')!.textContent).toMatch(/^6 Jan 2025 – 6 Dec 2026 .*4 incidents with activity/);
  });

  it('Team and This device count their own incidents; no team means This device only', async () => {
    await teamIdItem.setValue({ teamId: TEAM });
    await render(await seeded());
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => [r.parentElement!.textContent, r.checked])).toEqual([
      ['Team', true],
      ['This device', false],
    ]);
    expect(document.querySelector('.insights-range')!.textContent).toContain('1 incident with activity');
    await act(async () => radios[1]!.click());
    expect(document.querySelector('.insights-range')!.textContent).toContain('3 incidents with activity');
  });

  it('refuses custom dates that end before they start, with a message, and keeps the charts it had', async () => {
    await render(await seeded());
    const select = document.querySelector<HTMLSelectElement>('select')!;
    await act(async () => {
      select.value = 'custom';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const [from, to] = [...document.querySelectorAll<HTMLInputElement>('input[type="date"]')];
    const type = (input: HTMLInputElement, value: string) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => {
      type(from!, '2026-11-30');
      type(to!, '2026-11-01');
    });
    await act(async () => document.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click());
    expect(document.querySelector('[role="alert"]')!.textContent).toBe('The end date is before the start date.');
    expect(document.querySelector('.insights-range')!.textContent).toContain('3 incidents with activity');
    // A good range replaces the period: the week of 30 Nov only.
    await act(async () => type(to!, '2026-12-06'));
    await act(async () => document.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(document.querySelector('.insights-range')!.textContent).toMatch(/^30 Nov 2026 – 6 Dec 2026 .*1 incident with activity/);
  });

  it('says when the period has no incidents, and how to widen it', async () => {
    await render(makeContext().db);
    expect(document.querySelector('section.chart')).toBeNull();
    expect(document.querySelector('[role="status"]')!.textContent).toBe(
      'No incidents in this period.To see more, choose a longer period (All time shows everything).',
    );
  });

  it('names the source tool from the stored URL', async () => {
    await render(await seeded());
    const sources = section('Incidents by source');
    await act(async () => sources.querySelector<HTMLButtonElement>('button[aria-pressed]')!.click());
    const counts = Object.fromEntries([...sources.querySelectorAll('tbody tr')].map((tr) => [tr.children[0]!.textContent, tr.children[1]!.textContent]));
    expect(counts).toMatchObject({ Sentry: '1', 'Other or none': '2' });
  });

  it('says when the facts cannot be read', async () => {
    const broken = {
      facts: {
        where() {
          throw new Error('The database connection is closing.');
        },
      },
    } as unknown as IncidentDatabase;
    await render(broken);
    expect(document.querySelector('[role="alert"]')!.textContent).toBe('Insights could not be read: The database connection is closing.');
  });
});
