import { describe, expect, it, vi } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { appendEvents } from '../incidents/append';
import { NotFoundError } from '../incidents/errors';
import { addFollowUp, addNote, declareIncident, resolveIncident, setFollowUpDone } from '../incidents/operations';
import { saveAnnotatedCopy } from '../incidents/annotations';
import { removeScreenshot } from '../incidents/screenshots';
import { incidentNumbers } from '../db/meta-items';
import { copyIncidentMarkdown, incidentMarkdown } from './markdown';
import { screenshot } from '../../test/support/device-history';

describe('incidentMarkdown', () => {
  it('writes a report: heading, summary line, summary, follow-ups and a dated timeline', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, {
      title: 'Checkout 500s',
      severity: 'major',
      summary: 'Card payments fail',
      sourceUrl: 'https://sentry.example/issues/1',
    });
    await ctx.db.meta.put({ key: incidentNumbers.key(id), value: 12 });
    ctx.advance(60_000);
    await addNote(ctx, id, { text: 'Rolled back deploy 412' });
    await addNote(ctx, id, { text: 'ERROR pool exhausted\n  at connect()', format: 'log' });
    const { followUps } = await addFollowUp(ctx, id, 'Alert on pool exhaustion');
    await addFollowUp(ctx, id, 'Load test checkout');
    await setFollowUpDone(ctx, id, followUps[0]!.id, true);
    await appendEvents(ctx, id, [{ kind: 'customer_update', body: { channel: 'status_page', text: 'Investigating.' } }]);
    await screenshot(ctx, id);
    const hidden = await screenshot(ctx, id, 'secret', 'Customer record');
    await removeScreenshot(ctx, id, hidden.eventId);
    await appendEvents(ctx, id, [{ kind: 'feedback', body: { text: 'Good call rolling back' } }]);
    ctx.advance(65 * 60_000);
    await resolveIncident(ctx, id, 'fixed');

    expect(await incidentMarkdown(ctx.db, id)).toBe(
      [
        '# INC-12 · Checkout 500s',
        '',
        '**Major** · Resolved: Fixed · Lead: Sophie · Declared 2026-11-26 09:00 UTC · Resolved 2026-11-26 10:06 UTC · Duration 1 h 6 min',
        '',
        'Card payments fail',
        '',
        'Source: <https://sentry.example/issues/1>',
        '',
        '## Follow-ups',
        '',
        '- [x] Alert on pool exhaustion',
        '- [ ] Load test checkout',
        '',
        '## Timeline',
        '',
        '- 2026-11-26 09:00 UTC · Sophie: Declared a Major incident, “Checkout 500s”, led by Sophie.',
        '- 2026-11-26 09:01 UTC · Sophie: Rolled back deploy 412',
        '- 2026-11-26 09:01 UTC · Sophie: Log:',
        '',
        '  ```',
        '  ERROR pool exhausted',
        '    at connect()',
        '  ```',
        '- 2026-11-26 09:01 UTC · Sophie: Added a follow-up: Alert on pool exhaustion',
        '- 2026-11-26 09:01 UTC · Sophie: Added a follow-up: Load test checkout',
        '- 2026-11-26 09:01 UTC · Sophie: Completed the follow-up: Alert on pool exhaustion',
        '- 2026-11-26 09:01 UTC · Sophie: Customer update (status page): Investigating.',
        '- 2026-11-26 09:01 UTC · Sophie: Screenshot of Checkout (<https://shop.example/checkout>)',
        '- 2026-11-26 09:01 UTC · Sophie: Removed a screenshot.',
        '- 2026-11-26 09:01 UTC · Sophie: Feedback: Good call rolling back',
        '- 2026-11-26 10:06 UTC · Sophie: Resolved: Fixed.',
        '',
      ].join('\n'),
    );
  });

  it('keeps user text literal: no emphasis, no javascript: link, no raw HTML', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, {
      title: '*bold* [x](javascript:alert(1))',
      lead: { id: LAWRENCE.userId, name: '<img src=x onerror=alert(1)>' },
    });
    await addNote(ctx, id, { text: '# not a heading\n[click](javascript:alert(document.cookie))' });
    const md = await incidentMarkdown(ctx.db, id);
    expect(md.split('\n')[0]).toBe(`# ${id.replace(/-/g, '').slice(-8)} · \\*bold\\* \\[x\\](javascript:alert(1))`);
    expect(md).toContain('Lead: \\<img src=x onerror=alert(1)\\>');
    expect(md).toContain(': \\# not a heading  \n  \\[click\\](javascript:alert(document.cookie))');
    expect(md).not.toMatch(/(^|[^\\])\[[^\]]*\]\(javascript:/m);
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('shows an active incident as running, with no resolved time', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Slow search' });
    const md = await incidentMarkdown(ctx.db, id, { now: () => ctx.now() + 35 * 60_000 });
    expect(md).toContain('**Minor** · Active · Lead: Sophie · Declared 2026-11-26 09:00 UTC · Running for 35 min');
    expect(md).not.toContain('## Follow-ups');
  });

  it('uses the names it is given for authors', async () => {
    const ctx = makeContext({ actor: LAWRENCE });
    const { id } = await declareIncident(ctx, { title: 'VPN', lead: { id: '0190a000-0000-7000-8000-000000000009', name: 'Ana' } });
    expect(await incidentMarkdown(ctx.db, id)).toContain('- 2026-11-26 09:00 UTC: Declared');
    expect(await incidentMarkdown(ctx.db, id, { nameOf: () => 'Lawrence' })).toContain('- 2026-11-26 09:00 UTC · Lawrence: Declared');
  });

  it("shows an annotated screenshot once, where and when the original was taken, saying who annotated it", async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Latency' });
    const shot = await screenshot(ctx, id);
    ctx.advance(30 * 60_000);
    await saveAnnotatedCopy({ ...ctx, actor: LAWRENCE }, id, shot.eventId, {
      bytes: new Blob(['annotated'], { type: 'image/webp' }),
      mimeType: 'image/webp',
      width: 4,
      height: 3,
      thumbnail: 'data:image/webp;base64,AAAA',
    });
    const names: Record<string, string> = { [LAWRENCE.userId]: 'Lawrence', [ctx.actor.userId]: 'Sophie' };
    const timeline = (await incidentMarkdown(ctx.db, id, { nameOf: (u) => names[u] })).split('## Timeline')[1]!;
    expect(timeline.match(/Screenshot of/g)).toHaveLength(1);
    expect(timeline).toContain('- 2026-11-26 09:00 UTC · Sophie: Screenshot of Checkout (<https://shop.example/checkout>), annotated by Lawrence');
  });

  it('refuses an incident that is not here', async () => {
    const ctx = makeContext();
    await expect(incidentMarkdown(ctx.db, '0190a000-0000-7000-8000-0000000000ff')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('copyIncidentMarkdown', () => {
  it('puts the report on the clipboard and returns it', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Checkout 500s' });
    const writeText = vi.fn(async () => {});
    const md = await copyIncidentMarkdown(ctx.db, id, { clipboard: { writeText } });
    expect(writeText).toHaveBeenCalledWith(md);
    expect(md).toMatch(/^# [0-9a-f]{8} · Checkout 500s\n/);
  });
});
