import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { incidentRef, readIncidentNumbers } from './numbers';

describe('incident numbers', () => {
  it('reads the numbers sync stored, ignoring other meta rows', async () => {
    const { db } = makeContext();
    await db.meta.bulkPut([
      { key: 'incidentNumber:a', value: 12 },
      { key: 'incidentNumber:b', value: 'junk' },
      { key: 'clock', value: '001764147600000-00000-a' },
    ]);
    expect(await readIncidentNumbers(db)).toEqual(new Map([['a', 12]]));
    expect(incidentRef(12)).toBe('INC-12');
    expect(incidentRef(undefined)).toBeNull();
  });
});
