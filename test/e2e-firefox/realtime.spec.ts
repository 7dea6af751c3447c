import { describe, expect, it } from 'vitest';
import { openPopupWindow, openSidebarPage, openTab } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';
import { fillIn, twoFirefoxPeopleOnATeam } from './team-fixture';

const TITLE = 'Realtime probe incident';
const PROBES = 3;
/** Well under the 15 s poll (entrypoints/background/set-up-sync.ts): only a Realtime poke brings a note this soon, every time. */
const REALTIME_MS = 5_000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// Issue 10: the Firefox counterpart of test/e2e/realtime.spec.ts. Realtime's
// ws:// to a local project never connected in Firefox, whose default CSP for
// extension pages upgrades it to wss:// (the background's socket then met a
// TLS handshake on a plain port); wxt.config.ts now drops that rule. Proven
// three ways: both backgrounds' sockets were upgraded (101), the stand-in
// delivered each note as a postgres_changes message, and the note showed in
// the teammate's open sidebar well before a poll could bring it.
describe('Realtime in Firefox: a teammate’s note reaches an open sidebar', () => {
  const t = twoFirefoxPeopleOnATeam();

  it(`shows each of ${PROBES} notes in the other profile's open sidebar, delivered by Realtime`, { timeout: 120_000 }, async () => {
    const upgrades = () => t.backend.standin.requests.filter((r) => r.path.startsWith('/realtime/v1/websocket') && r.status === 101).length;
    const [[sophieOptions, code], lawrenceOptions] = await Promise.all([
      t.setUp(t.sophie, 'Sophie', 'sophie-rt@example.test').then(async (o) => [o, await o.createTeam('Realtime')] as const),
      t.setUp(t.lawrence, 'Lawrence', 'lawrence-rt@example.test'),
    ]);
    await lawrenceOptions.joinTeam(code);
    await Promise.all([sophieOptions.page.close(), lawrenceOptions.page.close()]);

    await openTab(t.sophie, `${t.backend.site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(t.sophie));
    await popup.declare({ title: TITLE, severity: 'Minor' });
    expect(await popup.currentIncidentTitle()).toBe(TITLE);
    await popup.close();

    const theirs = new SidePanelPage(await openSidebarPage(t.lawrence));
    await theirs.waitForActive(TITLE).catch(async (error: Error) => {
      throw new Error(`${error.message}; Realtime upgrades so far: ${upgrades()}`);
    });
    await theirs.openIncident(TITLE);
    const mine = new SidePanelPage(await openSidebarPage(t.sophie));
    await mine.openIncident(TITLE);

    // Both backgrounds' sockets were upgraded. Without the CSP change Firefox asked for wss:// and none was.
    const deadline = Date.now() + 10_000;
    while (upgrades() < 2 && Date.now() < deadline) await sleep(100);
    expect(upgrades(), 'Realtime websocket upgrades (one per profile)').toBeGreaterThanOrEqual(2);

    const latencies: number[] = [];
    for (let i = 0; i < PROBES; i++) {
      const text = `Realtime probe ${i}: p99 at ${900 + i} ms`;
      const deliveredBefore = t.backend.standin.realtimeDelivered.length;
      await fillIn(mine.page, 'Add to the timeline', text);
      await mine.page.locator(byRole('button', 'Add note')).click();
      // When the server stored it (received_at), to the millisecond.
      let storedAt = 0;
      const pushBy = Date.now() + 15_000;
      while (!storedAt) {
        if (Date.now() > pushBy) throw new Error(`"${text}" never reached the server`);
        const { rows } = await t.backend.database.query(
          `select (extract(epoch from received_at) * 1000)::float8 as at from public.incident_events where kind = 'note' and body->>'text' = $1`,
          [text],
        );
        storedAt = rows[0]?.at ?? 0;
        if (!storedAt) await sleep(20);
      }
      // The poll alone (every 15 s) could not bring all of them this soon.
      await theirs.waitForTimelineText(text, REALTIME_MS);
      latencies.push(Date.now() - storedAt);
      expect(t.backend.standin.realtimeDelivered.slice(deliveredBefore).some((d) => d.table === 'incident_events')).toBe(true);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`Firefox: Realtime push → teammate's sidebar: median ${Math.round(sorted[Math.floor(PROBES / 2)]!)} ms, max ${Math.round(sorted.at(-1)!)} ms over ${PROBES} notes`);
    expect(sorted.at(-1)!).toBeLessThan(REALTIME_MS);
  });
});
