import { describe, expect, it } from 'vitest';
import type { Announcement } from './announcement';
import { DISCORD_LIMITS, discordPayload } from './format-discord';
import { jsonPayload } from './format-json';
import { mattermostPayload } from './format-mattermost';
import { slackPayload } from './format-slack';
import { teamsPayload } from './format-teams';

const HOSTILE = '<!channel> @everyone @here **bold** [click](https://evil.example) & <https://x|y> `code`';

function announcement(patch: Partial<Announcement['incident']> = {}, rest: Partial<Announcement> = {}): Announcement {
  return {
    eventId: '0190a000-0000-7000-8000-0000000000aa',
    what: 'declared',
    topics: ['declared', 'major'],
    headline: 'Major incident declared',
    at: '2026-11-26T09:00:00.000Z',
    customerUpdate: null,
    incident: {
      id: '0190a000-0000-7000-8000-0000000000aa',
      number: 12,
      title: 'Payments down',
      severity: 'major',
      status: 'active',
      leadName: 'Sophie',
      summary: 'EU cards failing',
      outcome: null,
      duration: null,
      link: 'https://sentry.io/issues/1?a=1&b=2',
      ...patch,
    },
    ...rest,
  };
}

describe('Slack', () => {
  it('is { text } in mrkdwn: headline, bold title, lead, summary, link', () => {
    expect(slackPayload(announcement())).toEqual({
      text: ':rotating_light: Major incident declared: *INC-12 · Payments down*\nLead: Sophie\nEU cards failing\n<https://sentry.io/issues/1?a=1&amp;b=2|Declared from this page>',
    });
  });
  it('escapes &, < and > so a hostile title pings nobody and makes no link', () => {
    const { text } = slackPayload(announcement({ title: HOSTILE, link: null }));
    expect(text).not.toContain('<!channel>');
    expect(text).not.toMatch(/<https/);
    expect(text).toContain('&lt;!channel&gt; @everyone');
    expect(text).toContain('&amp;');
  });
});

describe('Mattermost', () => {
  it('is { text } in Markdown: **bold**, not Slack’s *bold*', () => {
    const { text } = mattermostPayload(announcement({ link: null }));
    expect(text).toBe(':rotating_light: Major incident declared: **INC\\-12 · Payments down**\nLead: Sophie\nEU cards failing');
  });
  it('breaks @mentions and Slack tokens, and escapes Markdown, in a hostile title', () => {
    const { text } = mattermostPayload(announcement({ title: HOSTILE }));
    const firstLine = text.split('\n')[0]!;
    expect(firstLine).not.toMatch(/@(everyone|here|channel)\b/);
    expect(firstLine).not.toContain('<!channel>');
    expect(firstLine).not.toContain('[click](');
    expect(firstLine).toContain('\\*\\*bold\\*\\*');
    expect(text).toContain('[Declared from this page](https://sentry.io/issues/1?a=1&b=2)');
  });
});

describe('Discord', () => {
  it('is content plus one embed with title, description, colour, fields and timestamp, mentions off', () => {
    const p = discordPayload(announcement());
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.content).toBe('Major incident declared: **INC\\-12 · Payments down**');
    expect(p.embeds).toHaveLength(1);
    expect(p.embeds[0]).toEqual({
      title: 'INC-12 · Payments down',
      description: 'EU cards failing',
      url: 'https://sentry.io/issues/1?a=1&b=2',
      color: 0xd93025,
      fields: [
        { name: 'Severity', value: 'Major', inline: true },
        { name: 'Lead', value: 'Sophie', inline: true },
      ],
      timestamp: '2026-11-26T09:00:00.000Z',
    });
  });
  it('keeps within every limit with huge text', () => {
    const huge = 'x'.repeat(20_000);
    const p = discordPayload(
      announcement({ title: huge, summary: huge, leadName: huge }, { what: 'customer_update', customerUpdate: { channel: 'email', text: huge } }),
    );
    const e = p.embeds[0]!;
    expect(p.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(e.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    for (const f of e.fields) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    const total = e.title.length + (e.description?.length ?? 0) + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  });
  it('escapes Markdown in content so a hostile title makes no link', () => {
    const p = discordPayload(announcement({ title: HOSTILE }));
    expect(p.content).not.toContain('[click](');
    expect(p.content).toContain('\\[click\\]\\(https');
  });
});

describe('Microsoft Teams', () => {
  it('is a message with one Adaptive Card attachment (1.4)', () => {
    const p = teamsPayload(announcement({}, { what: 'resolved', headline: 'Major incident resolved after 1 h 5 min' }));
    expect(p.type).toBe('message');
    expect(p.attachments).toHaveLength(1);
    const [att] = p.attachments;
    expect(att!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(att!.contentUrl).toBeNull();
    expect(att!.content).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
    expect(att!.content.body[0]).toMatchObject({ type: 'TextBlock', text: 'Major incident resolved after 1 h 5 min', color: 'Good', wrap: true });
    expect(att!.content.body[2]).toMatchObject({ type: 'FactSet', facts: expect.arrayContaining([{ title: 'Lead', value: 'Sophie' }]) });
    expect(att!.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the page it was declared from', url: 'https://sentry.io/issues/1?a=1&b=2' }]);
  });
  it('escapes Markdown so a hostile title makes no link', () => {
    const text = JSON.stringify(teamsPayload(announcement({ title: HOSTILE, link: null })));
    expect(text).not.toContain('[click](');
  });
});

describe('generic JSON', () => {
  it('is version 1 with the event id, type, topics and the incident', () => {
    const p = jsonPayload(announcement());
    expect(p).toMatchObject({ version: 1, type: 'incident.declared', id: '0190a000-0000-7000-8000-0000000000aa', topics: ['declared', 'major'] });
    expect(p.incident.title).toBe('Payments down');
    expect(jsonPayload(announcement({}, { what: 'test' })).type).toBe('test');
  });
  it('carries a hostile title as data, unchanged', () => {
    expect(JSON.parse(JSON.stringify(jsonPayload(announcement({ title: HOSTILE })))).incident.title).toBe(HOSTILE);
  });
});
