import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { clockItem, incidentNumbers } from '../db/meta-items';
import { incidentRef, readIncidentNumber, readIncidentNumbers, readIncidentNumbersOf } from './numbers';

describe('incident numbers', () => {
  it('reads the numbers sync stored, ignoring other meta rows', async () => {
    const { db } = makeContext();
    await db.meta.bulkPut([
      { key: incidentNumbers.key('a'), value: 12 },
      { key: incidentNumbers.key('b'), value: 'junk' },
      { key: clockItem.key, value: '001764147600000-00000-a' },
    ]);
    expect(await readIncidentNumbers(db)).toEqual(new Map([['a', 12]]));
    expect(incidentRef(12)).toBe('INC-12');
    expect(incidentRef(undefined)).toBeNull();
  });

  it('reads one incident\'s number, and none for a malformed or missing row', async () => {
    const { db } = makeContext();
    await db.meta.bulkPut([
      { key: incidentNumbers.key('a'), value: 12 },
      { key: incidentNumbers.key('b'), value: 'junk' },
    ]);
    expect(await readIncidentNumber(db, 'a')).toBe(12);
    expect(await readIncidentNumber(db, 'b')).toBeUndefined();
    expect(await readIncidentNumber(db, 'c')).toBeUndefined();
  });

  it('reads the numbers of the rows a list shows, and only theirs', async () => {
    const { db } = makeContext();
    await db.meta.bulkPut([
      { key: incidentNumbers.key('a'), value: 12 },
      { key: incidentNumbers.key('b'), value: 'junk' },
      { key: incidentNumbers.key('c'), value: 14 },
      { key: incidentNumbers.key('d'), value: 15 },
    ]);
    expect(await readIncidentNumbersOf(db, ['c', 'a', 'b', 'none'])).toEqual(new Map([['c', 14], ['a', 12]]));
    expect(await readIncidentNumbersOf(db, [])).toEqual(new Map());
  });
});
