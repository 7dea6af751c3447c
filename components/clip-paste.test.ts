import { describe, expect, it } from 'vitest';
import { clipPaste } from './clip-paste';

describe('clipPaste', () => {
  it('keeps a paste that fits, minus terminal colour codes', () => {
    expect(clipPaste('\u001b[31mERROR\u001b[0m db down\nretrying', 100)).toEqual({ text: 'ERROR db down\nretrying', cut: false });
    expect(clipPaste('exactly', 7)).toEqual({ text: 'exactly', cut: false });
  });

  it('cuts at the room left and says so', () => {
    expect(clipPaste('abcdef', 4)).toEqual({ text: 'abcd', cut: true });
    expect(clipPaste('abc', 0)).toEqual({ text: '', cut: true });
    expect(clipPaste('abc', -5)).toEqual({ text: '', cut: true });
  });

  it('fills the room even when colour codes are spread through a long paste, never cutting one in two', () => {
    const line = '\u001b[1;32mok\u001b[0m step\n'; // 8 characters once cleaned
    const pasted = line.repeat(100_000);
    const { text, cut } = clipPaste(pasted, 16_000);
    expect(cut).toBe(true);
    expect(text).toHaveLength(16_000);
    expect(text).not.toContain('\u001b');
    expect(text).toBe('ok step\n'.repeat(2_000));
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const { text, cut } = clipPaste('ab😀cd', 3);
    expect(cut).toBe(true);
    expect(text).toBe('ab');
  });

  it('reads only the start of a 50 MB paste', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    expect(huge.indexOf('y')).toBe(-1); // flattens V8's repeat() rope first, as a clipboard string already is
    const started = performance.now();
    const { text, cut } = clipPaste(huge, 16_000);
    expect(performance.now() - started).toBeLessThan(200); // generous: the machine running tests is shared; the work is a few 64 KB slices
    expect(text).toHaveLength(16_000);
    expect(cut).toBe(true);
  });
});
