import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import type { IncidentEvent } from '../model/event';
import { writeEventChain } from './event-chain-writer';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';
const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-00000-node`;
const event = (id: string, incidentId: string, at: number) =>
  ({ id: `0190a000-0000-7000-8000-${id.padStart(12, '0')}`, incidentId, teamId: null, authorId: A, hlc: hlc(at), createdAt: new Date(at).toISOString(), kind: 'reviewed', body: {} }) as IncidentEvent;

describe('writeEventChain', () => {
  it('pages through the hlc index in (hlc, id) order without losing a run of equal clocks, keeping only the packed incidents', async () => {
    const { db } = makeContext();
    // Five events share one clock (two devices can stamp the same hlc): more than a page of two.
    const events = [event('9', A, 1), event('1', A, 2), event('3', B, 2), event('2', A, 2), event('5', A, 2), event('4', A, 2), event('6', A, 3), event('7', B, 4)];
    await db.events.bulkPut(events);
    let text = '';
    const pages: number[] = [];
    const { events: count } = await writeEventChain(db, { write: (t) => void (text += t), close: () => {} }, new Set([A]), (n) => pages.push(n), 2);
    const ids = text.split('\n').slice(1, -2).map((l) => /"hlc":"[^"]*","id":"[^"]*-0*(\d+)"/.exec(l)![1]);
    expect(ids).toEqual(['9', '1', '2', '4', '5', '6']);
    expect(count).toBe(6);
    expect(pages.at(-1)).toBe(6);
  });
});
