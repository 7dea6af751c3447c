import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [100 * 1024, '100.0 KB'],
    [3.25 * 1024 * 1024, '3.3 MB'],
    [5 * 1024 ** 3, '5.0 GB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
