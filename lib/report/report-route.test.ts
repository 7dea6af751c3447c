import { describe, expect, it } from 'vitest';
import { parseReportRoute, reportPath } from './report-route';

const ID = '0190a000-0000-7000-8000-000000000001';

describe('parseReportRoute', () => {
  it('reads the incident id of a report link, the one reportPath writes', () => {
    expect(reportPath(ID)).toBe(`/report.html#/incident/${ID}`);
    expect(parseReportRoute(new URL(reportPath(ID), 'chrome-extension://x').hash)).toEqual({ ok: true, incidentId: ID });
  });

  it('says no incident was named for an empty hash', () => {
    for (const hash of ['', '#', '#/']) {
      expect(parseReportRoute(hash)).toEqual({ ok: false, message: expect.stringContaining('No incident was named') });
    }
  });

  it('refuses a malformed hash with a sentence', () => {
    for (const hash of ['#/incident/', '#/incident/nope', `#/incident/${ID}/x`, `#/incidents/${ID}`, '#/incident/%E0%A4%A', `#${ID}`, `#/incident/<img src=x>`]) {
      expect(parseReportRoute(hash), hash).toEqual({ ok: false, message: 'This report link is not valid: it does not name an incident.' });
    }
  });
});

describe('knownNames', () => {
  it('names me and the team, former members included, and no one else', async () => {
    const { knownNames } = await import('./report-names');
    const other = '0190a000-0000-7000-8000-000000000002';
    const gone = '0190a000-0000-7000-8000-000000000003';
    const nameOf = knownNames({ userId: ID, displayName: 'Sophie' }, [
      { id: other, name: 'Lawrence', former: false },
      { id: gone, name: 'Mei', former: true },
    ]);
    expect([ID, other, gone, '0190a000-0000-7000-8000-00000000000f'].map(nameOf)).toEqual(['Sophie', 'Lawrence', 'Mei', undefined]);
    expect(knownNames(null, [])(ID)).toBeUndefined();
  });
});
