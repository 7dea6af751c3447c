// The side panel at scale, in headless Chromium with the built extension:
// issue 13's 20,000 incidents / 1,000,000 events (BENCH_INCIDENTS=2000 for
// issue 5's 2,000 / 100,000) plus one incident of 5,000 events, written into
// the extension's IndexedDB in batches (with their Insights facts), then
//   - first rows of the incident list (Active view), fresh page each load;
//   - first rows of the 5,000-event timeline, fresh page each load;
//   - search: input event → the rendered rows reflect the query, plus a frame.
// Every time is read inside the page (performance.now(), relative to
// navigation start for loads), against floors measured in the same browser,
// same run. Prints a Markdown table; fails when a target is missed.
// Also the IndexedDB size per 100,000 events: navigator.storage.estimate()
// and `du` of the profile's IndexedDB directory, before and after seeding.
// Run: npm run bench:sidepanel (after npm run build:e2e). BENCH_KEEP=<dir>
// keeps the profile there, seeded, for the next run (seeding a million
// events takes minutes); BENCH_INCIDENTS, BENCH_EVENTS_PER_INCIDENT, BENCH_LOADS change the counts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { matchesQuery } from '../lib/incidents/search';
import type { Incident } from '../lib/model/incident';
import { DB_NAME, startSidePanelBench, type SeedReport } from './sidepanel-browser';
import { benchGenerator, validateBenchData, type BenchBatch } from './sidepanel-data';
import { SMOKE, within } from './wait.mjs';

// BENCH_SMOKE=1 (npm run bench:smoke, in npm test): small data, a few loads,
// one search round, no target enforced; it proves every step still runs.
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? (SMOKE ? 60 : 20_000));
// BENCH_EVENTS_PER_INCIDENT (default 50, issue 13's million): fewer seeds the 20,000 incidents in
// minutes where the million takes most of an hour; the list and search read incident rows and their
// indexes, not events, so their figures are comparable across before/after runs on one profile.
const EVENTS_PER_INCIDENT = Number(process.env.BENCH_EVENTS_PER_INCIDENT ?? 50);
// 2,000 incidents over 60 days (issue 5); more are spread over more days at the same pace (20,000: ~600 days, a team's years).
const SPAN_DAYS = Math.max(60, Math.round((INCIDENTS * 60) / 2_000));
const KEEP = SMOKE ? undefined : process.env.BENCH_KEEP;
const LONG_EVENTS = SMOKE ? 300 : 5_000;
const LOADS = Number(process.env.BENCH_LOADS ?? (SMOKE ? 2 : 25));
const WARMUP = SMOKE ? 0 : 2; // a smoke run proves the steps run; warm-up loads only steady the full run's medians
const ROUNDS = SMOKE ? 1 : 2; // each search query runs once per round
// Rows the plain-DOM search floor draws: about what the windowed list draws in a 900 px panel.
const FLOOR_ROWS = 26;
// After each measured load, before the page closes (see loadOnce).
const SETTLE_MS = SMOKE ? 0 : 500;

// Different result sets one after the other (checked below), so the first
// rendered row always changes when the list follows the query.
const QUERIES = [
  'checkout',
  'postgres pool',
  'oomkilled',
  'redis eviction',
  'eu-west-1',
  'rolled back',
  'dns',
  '502',
  'no such thing anywhere',
  'kafka lag',
  'tls cert',
  'paged priya',
  'p99 latency',
];

type Marks = { root?: number; shell?: number; rows?: number };
type CardMark = { card?: number };
type BenchWindow = { __bench: Marks & CardMark };

/**
 * Installed before any page script: notes when React first renders, when the
 * route's shell shows and when the first row is in the DOM; with `card`, also
 * when that shows (the Catch up card's last notes, once the whole log is read).
 */
function observeFirstRows({ rows, shell, card }: { rows: string; shell: string; card?: string }) {
  const marks: Marks & CardMark = {};
  (window as unknown as BenchWindow).__bench = marks;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (marks.root === undefined && document.getElementById('root')?.firstChild) marks.root = now;
    if (marks.shell === undefined && document.querySelector(shell)) marks.shell = now;
    if (marks.rows === undefined && document.querySelector(rows)) marks.rows = now;
    if (card && marks.card === undefined && document.querySelector(card)) marks.card = now;
    if (marks.rows !== undefined && (!card || marks.card !== undefined)) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

type Reads = { firstTx?: number; start?: number; end?: number };

/**
 * Diagnostic only (never in the medians of the table's targets): when the page
 * opens its first IndexedDB transaction, and when the view's main read (the
 * first `getAll` or `getAllKeys` on `target`, "store.index") starts and ends:
 * the list's keys off its view index, the timeline's first screenful.
 */
function observeReads(target: string) {
  const reads: Reads = {};
  (window as unknown as { __reads: Reads }).__reads = reads;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    reads.firstTx ??= performance.now();
    return transaction.apply(this, args);
  };
  for (const method of ['getAll', 'getAllKeys'] as const) {
    const original = IDBIndex.prototype[method] as (this: IDBIndex, ...args: unknown[]) => IDBRequest;
    (IDBIndex.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBIndex, ...args: unknown[]) {
      const request = original.apply(this, args);
      if (`${this.objectStore.name}.${this.name}` === target && reads.start === undefined) {
        reads.start = performance.now();
        request.addEventListener('success', () => (reads.end = performance.now()));
      }
      return request;
    };
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What the run keeps of each incident row: enough to know the views and the search results, not the rows. */
type Slim = Pick<Incident, 'id' | 'title' | 'status' | 'lastActivityAt' | 'leadName' | 'searchWords'>;
const slim = (i: Incident): Slim => ({ id: i.id, title: i.title, status: i.status, lastActivityAt: i.lastActivityAt, leadName: i.leadName, searchWords: i.searchWords });
/** As the view's index orders them: last activity first, equal times newest id first (lib/incidents/views.ts). */
const byActivity = (a: Slim, b: Slim) =>
  a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

interface Seeded {
  me: { id: string; name: string };
  longIncidentId: string;
  rows: Slim[];
  events: number;
  generateMs: number;
}

/**
 * Streams the data into the browser batch by batch, keeping only slim rows;
 * with BENCH_KEEP, a profile seeded by an earlier run with the same counts is used as it is.
 */
async function seed(): Promise<{ bench: Awaited<ReturnType<typeof startSidePanelBench>>; data: Seeded }> {
  const keptData = KEEP && join(KEEP, `data-${INCIDENTS}-${EVENTS_PER_INCIDENT}-${LONG_EVENTS}.json`);
  if (keptData && existsSync(keptData) && existsSync(join(KEEP!, 'seeded.json'))) {
    const data = JSON.parse(readFileSync(keptData, 'utf8')) as Seeded;
    return { bench: await startSidePanelBench({ me: data.me, batches: [] }, { keep: KEEP }), data };
  }
  if (KEEP && existsSync(join(KEEP, 'seeded.json'))) throw new Error(`${KEEP} was seeded with other counts: use another BENCH_KEEP directory`);
  const generator = benchGenerator({ incidents: INCIDENTS, eventsPerIncident: EVENTS_PER_INCIDENT, longEvents: LONG_EVENTS, spanDays: SPAN_DAYS });
  const rows: Slim[] = [];
  let events = 0;
  let generateMs = 0;
  const began = performance.now();
  function* tapped(): Generator<BenchBatch> {
    const batches = generator.batches(1_000);
    for (;;) {
      const t = performance.now();
      const next = batches.next();
      if (next.done) return;
      // Every row and every 10th event parsed with the product's schemas (all of them in smoke mode).
      validateBenchData(next.value, SMOKE ? 1 : 10);
      generateMs += performance.now() - t;
      events += next.value.events.length;
      if (!SMOKE) console.error(`seeding: ${events.toLocaleString('en')} events generated, ${((performance.now() - began) / 1000).toFixed(0)} s`);
      for (const row of next.value.incidents) rows.push(slim(row));
      yield next.value;
    }
  }
  const bench = await startSidePanelBench(
    { me: generator.me, batches: tapped() },
    { keep: KEEP, onWritten: (so) => SMOKE || console.error(`seeding: ${so.events.toLocaleString('en')} events written, ${((performance.now() - began) / 1000).toFixed(0)} s`) },
  );
  const data: Seeded = { me: generator.me, longIncidentId: generator.longIncidentId, rows, events, generateMs };
  if (keptData) writeFileSync(keptData, JSON.stringify(data));
  return { bench, data };
}

// `npm run bench:sync` runs every bench/*.run.ts; this one has its own script.
const underSyncScript = process.env.npm_lifecycle_event === 'bench:sync';

it.skipIf(underSyncScript)(`side panel: ${INCIDENTS.toLocaleString('en')} incidents of ${EVENTS_PER_INCIDENT} events; a ${LONG_EVENTS.toLocaleString('en')}-event timeline; search; IndexedDB size`, { timeout: 3_600_000 }, async () => {
  const started = performance.now();
  let t = performance.now();
  const { bench, data } = await seed();
  const { session, seeded } = bench;
  const seedMs = performance.now() - t;
  const generateMs = data.generateMs;
  expect(data.rows).toHaveLength(INCIDENTS + 1);
  expect(data.events).toBe(INCIDENTS * EVENTS_PER_INCIDENT + LONG_EVENTS);
  expect(seeded.events).toBe(data.events);
  try {
    const activeCount = data.rows.filter((i) => i.status === 'active').length;
    const resolved = data.rows.filter((i) => i.status === 'resolved').sort(byActivity);

    async function loadOnce(
      path: string,
      selectors: { rows: string; shell: string; card?: string },
      readsOf?: string,
    ): Promise<Required<Marks> & CardMark & { dcl: number; reads?: Required<Reads> }> {
      const page = await session.context.newPage();
      await page.addInitScript(observeFirstRows, selectors);
      if (readsOf) await page.addInitScript(observeReads, readsOf);
      await page.goto(session.url(path));
      const handle = await within(
        `the first rows (${selectors.rows}) of ${path}`,
        20_000,
        page.waitForFunction(
          (card) => {
            const marks = (window as unknown as BenchWindow).__bench;
            return marks?.rows !== undefined && (!card || marks.card !== undefined) ? marks : null;
          },
          selectors.card,
          { timeout: 25_000 },
        ),
      );
      const marks = (await handle.jsonValue()) as Required<Marks> & CardMark;
      const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
      const reads = readsOf ? await page.evaluate(() => (window as unknown as { __reads: Required<Reads> }).__reads) : undefined;
      // What a page reads after its first rows (the list reads its whole view's keys then, ~200 ms at
      // 20,000 incidents) must not land on the next page's load, as it would with the page closed at once:
      // the loads are interleaved, and extension pages share one renderer and one IndexedDB backend.
      await new Promise((ok) => setTimeout(ok, SETTLE_MS));
      await page.close();
      return { ...marks, dcl, ...(reads ? { reads } : {}) };
    }
    async function blankOnce(): Promise<number> {
      const page = await session.context.newPage();
      await page.goto(session.url('bench-blank.html'));
      const ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
      await page.close();
      return ms;
    }
    /** The reads alone, raw IndexedDB in a blank page of the extension: what the two views must load before they can show a row (and, for comparison, the whole long log). */
    async function readsOnce(): Promise<{ list: number; timeline: number; log: number }> {
      const page = await session.context.newPage();
      await page.goto(session.url('bench-blank.html'));
      const ms = await within(
        'raw IndexedDB reads of the Active view and the long timeline',
        20_000,
        page.evaluate(
          async ({ name, incidentId }) => {
            const t0 = performance.now();
            const db = await new Promise<IDBDatabase>((ok) => {
              const open = indexedDB.open(name);
              open.onsuccess = () => ok(open.result);
            });
            const request = <T>(make: (tx: IDBTransaction) => IDBRequest<T>) =>
              new Promise<T>((ok) => {
                const r = make(db.transaction(['incidents', 'events']));
                r.onsuccess = () => ok(r.result);
              });
            // The Active view: its ordered keys, then the first 40 rows.
            const keys = await request((tx) =>
              tx.objectStore('incidents').index('[statusRank+lastActivityAt]').getAllKeys(IDBKeyRange.bound([0, ''], [0, '\uffff'])),
            );
            const first = keys.reverse().slice(0, 40);
            await Promise.all(first.map((k) => request((tx) => tx.objectStore('incidents').get(k))));
            const t1 = performance.now();
            const range = IDBKeyRange.bound([incidentId, ''], [incidentId, '\uffff']);
            await request((tx) => tx.objectStore('events').index('[incidentId+hlc]').getAll(range, 40));
            const t2 = performance.now();
            await request((tx) => tx.objectStore('events').index('[incidentId+hlc]').getAll(range));
            const t3 = performance.now();
            db.close();
            return { list: t1 - t0, timeline: t2 - t1, log: t3 - t2 };
          },
          { name: DB_NAME, incidentId: data.longIncidentId },
        ),
      );
      await page.close();
      return ms;
    }

    const LIST = { rows: '.incident-list li', shell: 'main.sidepanel > header' };
    // The card's notes come from the whole log: a diagnostic that the Catch up card (issue 11) costs the first rows nothing.
    const TIMELINE = { rows: '.timeline li', shell: 'main.sidepanel > p.muted:not([aria-busy]), main.sidepanel > article', card: '.catch-up-notes li' };
    const timelinePath = `sidepanel.html#/incident/${data.longIncidentId}`;
    const list: Awaited<ReturnType<typeof loadOnce>>[] = [];
    const timeline: Awaited<ReturnType<typeof loadOnce>>[] = [];
    const blank: number[] = [];
    const reads: { list: number; timeline: number; log: number }[] = [];
    t = performance.now();
    for (let i = 0; i < LOADS + WARMUP; i++) {
      // Interleaved so drift on a busy machine hits all alike.
      const l = await loadOnce('sidepanel.html', LIST);
      const tl = await loadOnce(timelinePath, TIMELINE);
      const b = await blankOnce();
      const r = await readsOnce();
      if (i >= WARMUP) {
        list.push(l);
        timeline.push(tl);
        blank.push(b);
        reads.push(r);
      }
    }
    // A few more loads that also note when the main read runs: where the time goes.
    const listReads: (Required<Reads> & { rows: number })[] = [];
    const timelineReads: (Required<Reads> & { rows: number })[] = [];
    for (let i = 0; i < 5; i++) {
      const l = await loadOnce('sidepanel.html', LIST, 'incidents.[statusRank+lastActivityAt]');
      listReads.push({ ...l.reads!, rows: l.rows });
      const tl = await loadOnce(timelinePath, TIMELINE, 'events.[incidentId+hlc]');
      timelineReads.push({ ...tl.reads!, rows: tl.rows });
    }
    const loadsMs = performance.now() - t;

    // Search: on the Resolved view (the longest list), one query after another.
    t = performance.now();
    const sequence = [...Array.from({ length: ROUNDS }, () => QUERIES).flat()];
    const expected = sequence.map((q) => {
      const hits = resolved.filter((i) => matchesQuery(i, q));
      return { q, total: hits.length, titles: hits.slice(0, 80).map((i) => i.title), first: hits[0]?.id ?? null };
    });
    for (let i = 1; i < expected.length; i++) {
      // The first row must change, or a stale list could pass for the new one.
      expect(expected[i]!.first, `${expected[i - 1]!.q} → ${expected[i]!.q}`).not.toBe(expected[i - 1]!.first);
    }
    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html'));
    await panel.locator(LIST.rows).first().waitFor({ timeout: 20_000 });
    await panel.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Resolved', exact: true }).click({ timeout: 20_000 });
    await panel.getByRole('list', { name: 'Resolved incidents' }).locator('li').first().waitFor({ timeout: 20_000 });
    await panel.waitForTimeout(300);

    const searchOnce = (page: Page, e: (typeof expected)[number]) =>
      page.evaluate(async ({ q, total, titles }) => {
        const main = document.querySelector('main.sidepanel')!;
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        // The rendered rows are the query's results, in order, and nothing beyond them.
        const reflects = () => {
          if (total === 0) return !main.querySelector('.incident-list') && main.textContent!.includes('Nothing matches');
          const rows = main.querySelectorAll<HTMLLIElement>('.incident-list li');
          if (!rows.length) return false;
          for (const li of rows) {
            const index = Number(li.dataset.index);
            if (index >= total) return false;
            if (index < titles.length && li.querySelector('.title')?.textContent !== titles[index]) return false;
          }
          return true;
        };
        return new Promise<{ dom: number; frame: number } | null>((done) => {
          let t0 = 0;
          const timeout = setTimeout(() => {
            observer.disconnect();
            done(null);
          }, 10_000);
          const observer = new MutationObserver((records) => {
            if (records.every((r) => r.target === input)) return; // the input's own value attribute
            if (!reflects()) return;
            const dom = performance.now() - t0;
            observer.disconnect();
            clearTimeout(timeout);
            requestAnimationFrame(() => done({ dom, frame: performance.now() - t0 }));
          });
          observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
          t0 = performance.now();
          setValue.call(input, q);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }, e);

    // One unmeasured query and back, so the first measured one is not the first ever.
    await searchOnce(panel, { q: 'warm up', total: 0, titles: [], first: null });
    await searchOnce(panel, { ...expected[expected.length - 1]! });
    await panel.waitForTimeout(200);
    const search: { dom: number; frame: number }[] = [];
    for (const e of expected) {
      const s = await searchOnce(panel, e);
      expect(s, `search "${e.q}" never showed its ${e.total} results`).not.toBeNull();
      search.push(s!);
      await panel.waitForTimeout(150); // let the virtualiser's measuring pass finish, as between keystrokes
    }
    await panel.close();

    // Floors, on a page with a plain input and a list: (1) one animation frame
    // after an input event, nothing else; (2) the same, with a handler that
    // filters the same rows by the same rule (every word in searchText) and
    // redraws the first rows as plain DOM — the least any search box can do.
    const plain = await session.context.newPage();
    await plain.goto(session.url('bench-input.html'));
    const frameOnce = (q: string) =>
      within(
        `one frame after typing "${q}" on the plain input page`,
        10_000,
        plain.evaluate(
        (q) =>
          new Promise<number>((done) => {
            const input = document.querySelector('input')!;
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            const t0 = performance.now();
            setValue.call(input, q);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(() => done(performance.now() - t0));
          }),
          q,
        ),
      );
    const frameFloor: number[] = [];
    for (const e of expected) {
      frameFloor.push(await frameOnce(e.q));
      await plain.waitForTimeout(150);
    }
    await plain.evaluate(
      ({ rows, max }) => {
        const input = document.querySelector('input')!;
        const list = document.querySelector('ul')!;
        input.addEventListener('input', () => {
          // The product's rule (lib/incidents/search.ts): every query word begins a word of the row.
          const words = [...input.value.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0].slice(0, 32));
          const hits = rows.filter((r) => words.length > 0 && words.every((w) => r.searchWords.some((x) => x.startsWith(w))));
          list.replaceChildren(
            ...hits.slice(0, max).map((r) => {
              const li = document.createElement('li');
              const title = document.createElement('button');
              title.textContent = r.title;
              const meta = document.createElement('div');
              meta.textContent = `Led by ${r.leadName}`;
              li.append(title, meta);
              return li;
            }),
          );
        });
      },
      { rows: resolved.map((i) => ({ title: i.title, leadName: i.leadName, searchWords: i.searchWords })), max: FLOOR_ROWS },
    );
    await frameOnce('warm up');
    const domFloor: number[] = [];
    for (const e of expected) {
      domFloor.push(await frameOnce(e.q));
      await plain.waitForTimeout(150);
    }
    await plain.close();
    const searchPhaseMs = performance.now() - t;

    // The popup at this scale, for a teammate who leads none of the active incidents: its boot asks
    // who leads one (lib/db/peek.ts) before it shows the declare form; that read grows with the store.
    const popup: number[] = [];
    const popupBlank: number[] = [];
    const popupUser = { userId: '0190a000-0000-7000-8000-0000000b0b0b', displayName: 'Popup Bench' };
    const savedProfile = await session.worker.evaluate(async (p) => {
      const { profile } = await chrome.storage.local.get('profile');
      await chrome.storage.local.set({ profile: p });
      return profile as unknown;
    }, popupUser);
    try {
      for (let i = 0; i < LOADS + WARMUP; i++) {
        const page = await session.context.newPage();
        await page.goto(session.url('popup.html'));
        const handle = await within(
          "the popup's declare:title-ready mark",
          20_000,
          page.waitForFunction(() => performance.getEntriesByName('declare:title-ready')[0]?.startTime ?? null, null, { timeout: 20_000 }),
        );
        const ready = (await handle.jsonValue()) as number;
        await page.close();
        const b = await blankOnce();
        if (i >= WARMUP) {
          popup.push(ready);
          popupBlank.push(b);
        }
      }
    } finally {
      await session.worker.evaluate(async (p) => chrome.storage.local.set({ profile: p }), savedProfile);
    }

    // The table.
    const listMs = median(list.map((m) => m.rows));
    const timelineMs = median(timeline.map((m) => m.rows));
    const blankMs = median(blank);
    const searchMs = median(search.map((s) => s.frame));
    const frameFloorMs = median(frameFloor);
    const floorMs = median(domFloor);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const missed: string[] = [];
    const row = (what: string, value: number, floor: number, target: number) => {
      const met = value <= target;
      if (!met) missed.push(what);
      return `| ${what} | ${ms(value)} | ${ms(floor)} | ${(value / floor).toFixed(1)}× | ≤ ${target} ms | ${met ? 'met' : '**missed**'} |`;
    };
    const info = (what: string, value: string) => `| ${what} | ${value} | | | | |`;
    const stage = (samples: Required<Marks>[] | (Required<Marks> & { dcl: number })[], key: 'dcl' | 'root' | 'shell') =>
      median(samples.map((m) => (m as Record<string, number>)[key]!));
    const scale = `${(INCIDENTS + 1).toLocaleString('en')} incidents / ${data.events.toLocaleString('en')} events`;
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
    const per100k = (d: { before: number; after: number }) => `${mb(((d.after - d.before) * 100_000) / seeded.events)} per 100,000 events (${mb(d.after - d.before)} for ${seeded.events.toLocaleString('en')})`;
    const size = seeded.estimate && seeded.du
      ? [
          info('IndexedDB size, navigator.storage.estimate().usage after − before seeding (events + incident rows + facts)', per100k(seeded.estimate)),
          info("IndexedDB size, `du -sb` of the profile's IndexedDB directory for the extension, after − before", per100k(seeded.du)),
        ]
      : [info('IndexedDB size', 'not measured: a kept profile (BENCH_KEEP) was seeded by an earlier run')];
    const table = [
      '| what | measured | floor (same run) | ratio | target | |',
      '| --- | --- | --- | --- | --- | --- |',
      row(`list, ${scale}: open → first rows (Active, ${activeCount.toLocaleString('en')} rows), median of ${LOADS}`, listMs, blankMs, 200),
      row(`timeline of one incident with ${LONG_EVENTS.toLocaleString('en')} events (${scale} in the store): open → first rows, median of ${LOADS}`, timelineMs, blankMs, 150),
      row(`search on Resolved (${resolved.length.toLocaleString('en')} rows): input → rows match + 1 frame, median of ${search.length}`, searchMs, floorMs, 150),
      row(`popup, ${scale} (${activeCount.toLocaleString('en')} active): open → Title ready, for someone who leads none, median of ${LOADS}`, median(popup), median(popupBlank), 100),
      info('… list: DOMContentLoaded / first React render / shell (profile read) / rows', `${ms(stage(list, 'dcl'))} / ${ms(stage(list, 'root'))} / ${ms(stage(list, 'shell'))} / ${ms(listMs)}`),
      info('… timeline: DOMContentLoaded / first React render / shell (profile read) / rows', `${ms(stage(timeline, 'dcl'))} / ${ms(stage(timeline, 'root'))} / ${ms(stage(timeline, 'shell'))} / ${ms(timelineMs)}`),
      info(`… timeline: open → Catch up card with its last notes (the whole ${LONG_EVENTS.toLocaleString('en')}-event log read)`, ms(median(timeline.map((m) => m.card!)))),
      info(
        `… list, 5 instrumented loads: first IndexedDB transaction / read of the ${activeCount.toLocaleString('en')} Active keys starts / ends / rows`,
        `${ms(median(listReads.map((r) => r.firstTx)))} / ${ms(median(listReads.map((r) => r.start)))} / ${ms(median(listReads.map((r) => r.end)))} / ${ms(median(listReads.map((r) => r.rows)))}`,
      ),
      info(
        '… timeline, 5 instrumented loads: first IndexedDB transaction / first-screenful read (40 events) starts / ends / rows',
        `${ms(median(timelineReads.map((r) => r.firstTx)))} / ${ms(median(timelineReads.map((r) => r.start)))} / ${ms(median(timelineReads.map((r) => r.end)))} / ${ms(median(timelineReads.map((r) => r.rows)))}`,
      ),
      info(
        `… raw IndexedDB alone, blank page: open + ${activeCount.toLocaleString('en')} Active keys + 40 rows / then the long timeline's first 40 events / its ${LONG_EVENTS.toLocaleString('en')}`,
        `${ms(median(reads.map((r) => r.list)))} / ${ms(median(reads.map((r) => r.timeline)))} / ${ms(median(reads.map((r) => r.log)))}`,
      ),
      info('… search: input → rows match (before the frame)', ms(median(search.map((s) => s.dom)))),
      ...size,
      info(
        '… search against a bare frame after an input event (nothing rendered)',
        `floor ${ms(frameFloorMs)}, ratio ${(searchMs / frameFloorMs).toFixed(1)}×`,
      ),
    ].join('\n');
    const samples = (label: string, v: number[]) => `${label}: ${v.map((x) => x.toFixed(1)).join(' ')}`;
    console.log(
      [
        table,
        '',
        'Floors: loads against a blank page of the same extension to DOMContentLoaded; search against the same filter over the same rows redrawing the first rows as plain DOM, plus one frame, on a page with a plain input.',
        samples('list rows (ms)', list.map((m) => m.rows)),
        samples('timeline rows (ms)', timeline.map((m) => m.rows)),
        samples('blank DCL (ms)', blank),
        samples('search + frame (ms)', search.map((s) => s.frame)),
        samples('plain-DOM search floor (ms)', domFloor),
        samples('bare frame floor (ms)', frameFloor),
        `phases: generate + validate ${(generateMs / 1000).toFixed(1)} s, launch + seed IndexedDB ${(seedMs / 1000).toFixed(1)} s, loads ${(loadsMs / 1000).toFixed(1)} s, search ${(searchPhaseMs / 1000).toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
    if (!SMOKE) expect(missed, 'targets missed').toEqual([]);
  } finally {
    await bench.close();
  }
});
