import { describe, expect, it } from 'vitest';
import { badgeFor, MAJOR_RED, MINOR_GREY } from './badge';

describe('badgeFor', () => {
  it('is blank with nothing active', () => {
    expect(badgeFor([]).text).toBe('');
  });
  it('counts active incidents, grey while all are Minor', () => {
    expect(badgeFor([{ severity: 'minor' }, { severity: 'minor' }])).toEqual({ text: '2', color: MINOR_GREY });
  });
  it('turns red when any is Major', () => {
    expect(badgeFor([{ severity: 'minor' }, { severity: 'major' }])).toEqual({ text: '2', color: MAJOR_RED });
  });
  it('caps the text so it fits', () => {
    expect(badgeFor(Array.from({ length: 120 }, () => ({ severity: 'minor' as const }))).text).toBe('99+');
  });
});
