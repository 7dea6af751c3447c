import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { foldIncident } from '../lib/incidents/fold';
import { renderIncidentMarkdown } from '../lib/export/markdown';
import { eventKinds, type EventKind } from '../lib/model/event';
import { sampleEvent } from '../test/support/event-samples';
import { EntryBody } from './EntryBody';

/**
 * A kind that is not an entry of its own: a reaction is counted on the entry it
 * reacts to (components/Reactions.tsx) and left out of reports. Adding a kind
 * here is a decision, made in review.
 */
const SHOWN_ON_ANOTHER_ENTRY: ReadonlySet<EventKind> = new Set(['reaction']);

const declared = sampleEvent('declared');
const incident = foldIncident([declared])!;

function timelineText(kind: EventKind): string {
  const html = renderToStaticMarkup(<EntryBody event={sampleEvent(kind)} followUpText={new Map()} />);
  return html.replace(/<[^>]*>/g, '').trim();
}

function markdownLines(kind: EventKind): string[] {
  const events = kind === 'declared' ? [declared] : [declared, sampleEvent(kind)];
  const markdown = renderIncidentMarkdown(incident, events, 'INC-1', { now: () => 1_780_000_100_000 });
  return markdown.split('## Timeline')[1]!.split('\n').filter((line) => line.startsWith('- '));
}

describe('every event kind', () => {
  it.each(eventKinds.filter((k) => !SHOWN_ON_ANOTHER_ENTRY.has(k)))('%s has a timeline rendering and a Markdown line', (kind) => {
    expect(timelineText(kind)).not.toBe('');
    // The declaration's line, plus one for this entry.
    expect(markdownLines(kind)).toHaveLength(kind === 'declared' ? 1 : 2);
  });

  it.each([...SHOWN_ON_ANOTHER_ENTRY])('%s is shown on the entry it belongs to, not as an entry', (kind) => {
    expect(eventKinds).toContain(kind);
    expect(timelineText(kind)).toBe('');
    expect(markdownLines(kind)).toHaveLength(1);
  });
});
