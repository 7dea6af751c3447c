import { describe, expect, it, vi } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { changeSeverity, declareIncident, resolveIncident } from '../incidents/operations';
import { readTimeline } from '../incidents/queries';
import { postToSlack, slackMessageFor, slackText } from './messages';

describe('Slack messages', () => {
  it('announces declaring and resolving a Major incident I did, nothing else', async () => {
    const ctx = makeContext();
    const major = await declareIncident(ctx, { title: 'Payments <down> & out', severity: 'major', summary: 'EU cards' });
    ctx.advance(65 * 60_000);
    const resolved = await resolveIncident(ctx, major.id, 'fixed');
    const [declared, status] = await readTimeline(ctx.db, major.id);
    expect(slackMessageFor(declared!, resolved, ME.userId)).toBe(
      ':rotating_light: Major incident: *Payments &lt;down&gt; &amp; out*, Sophie is leading.\nEU cards',
    );
    expect(slackMessageFor(status!, resolved, ME.userId)).toBe(
      ':white_check_mark: Resolved (fixed) after 1 h 5 min: *Payments &lt;down&gt; &amp; out*',
    );
    expect(slackMessageFor(declared!, resolved, LAWRENCE.userId)).toBeNull(); // a teammate's device does not repost it
    const minor = await declareIncident(ctx, { title: 'Minor' });
    expect(slackMessageFor((await readTimeline(ctx.db, minor.id))[0]!, minor, ME.userId)).toBeNull();
    const raised = await changeSeverity(ctx, minor.id, 'major');
    expect(slackMessageFor((await readTimeline(ctx.db, minor.id))[1]!, raised, ME.userId)).toMatch(/Major incident: \*Minor\*/);
  });

  it('escapes Slack control characters', () => {
    expect(slackText('<!channel> & co')).toBe('&lt;!channel&gt; &amp; co');
  });

  it('turns failures into one sentence', async () => {
    await expect(postToSlack('https://hooks.slack.com/x', 'hi', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))).rejects.toThrow(
      /Could not reach Slack/,
    );
    await expect(
      postToSlack('https://hooks.slack.com/x', 'hi', vi.fn().mockResolvedValue(new Response('invalid_token', { status: 403 }))),
    ).rejects.toThrow(/Slack refused the message \(403 invalid_token\)/);
    const ok = vi.fn().mockResolvedValue(new Response('ok'));
    await postToSlack('https://hooks.slack.com/x', 'hi', ok);
    expect(JSON.parse(ok.mock.calls[0]![1].body)).toEqual({ text: 'hi' });
  });
});
