import { describe, expect, it } from 'vitest';
import { ValidationError } from '../incidents/errors';
import { encodeImageFile, MAX_IMAGE_FILE_BYTES, refuseImageFile } from './image-file';

describe('pasted and dropped images', () => {
  it.each([
    [{ type: 'text/plain', size: 10 }, /Only images/],
    [{ type: 'image/png', size: 0 }, /empty/],
    [{ type: 'image/png', size: MAX_IMAGE_FILE_BYTES + 1 }, /larger than 25 MB/],
  ])('refuses %o', (file, reason) => {
    expect(refuseImageFile(file)).toMatch(reason);
  });

  it('accepts an ordinary image', () => {
    expect(refuseImageFile({ type: 'image/png', size: 120_000 })).toBeNull();
  });

  it('turns a refusal into a ValidationError before decoding anything', async () => {
    await expect(encodeImageFile(new Blob(['hello'], { type: 'text/plain' }))).rejects.toBeInstanceOf(ValidationError);
  });
});
