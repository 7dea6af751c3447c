import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../test/support/domain';
import { saveAnnotatedCopy } from '../lib/incidents/annotations';
import { changeLead, declareIncident } from '../lib/incidents/operations';
import { addScreenshot } from '../lib/incidents/screenshots';
import { viewerRights } from './screenshot-rights';

const ANA = { id: '0190a000-0000-7000-8000-000000000009', name: 'Ana' };
const MALLORY = '0190a000-0000-7000-8000-0000000000ee';
const NAMES: Record<string, string> = { [ME.userId]: 'Sophie', [LAWRENCE.userId]: 'Lawrence', [ANA.id]: 'Ana', [MALLORY]: 'Mallory' };
const image = (text: string) => ({ bytes: new Blob([text]), mimeType: 'image/webp' as const, width: 4, height: 3, thumbnail: 'data:image/webp;base64,AAAA' });

/** Sophie's screenshot, annotated by Lawrence, in an incident Ana now leads. */
async function annotated() {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Latency' });
  const shot = await addScreenshot(ctx, incident.id, { ...image('original'), source: 'visible' });
  await changeLead(ctx, incident.id, ANA);
  const copy = await saveAnnotatedCopy({ ...ctx, actor: LAWRENCE }, incident.id, shot.eventId, image('annotated'));
  const events = await ctx.db.events.toArray();
  const now = (await ctx.db.incidents.get(incident.id))!;
  const rights = (me: string, id = copy.eventId) => viewerRights(events, id, now, me, (u) => NAMES[u] ?? 'Someone');
  return { rights, shotId: shot.eventId };
}

describe('viewerRights', () => {
  it("the original's author and the lead may remove the screenshot with its copy", async () => {
    const { rights } = await annotated();
    expect(rights(ME.userId)).toEqual({ scope: 'family', copies: 1, refusal: null });
    expect(rights(ANA.id)).toEqual({ scope: 'family', copies: 1, refusal: null });
  });

  it('the annotator may remove only their copy, and is told by name who can remove the original', async () => {
    const { rights } = await annotated();
    expect(rights(LAWRENCE.userId)).toEqual({
      scope: 'copy',
      copies: 1,
      refusal:
        "You can remove your annotated copy; the original then shows again. Only Sophie, who took it, or the incident's lead, Ana, can remove or redact the original.",
    });
  });

  it('anyone else may do neither, and is told who can', async () => {
    const { rights, shotId } = await annotated();
    expect(rights(MALLORY, shotId)).toEqual({
      scope: 'none',
      copies: 1,
      refusal: "Only Sophie, who took it, or the incident's lead, Ana, can remove or redact this screenshot.",
    });
  });
});
