import { describe, expect, it } from 'vitest';
import { ValidationError } from '../incidents/errors';
import { decodeForAnnotation } from './compose';

describe('decodeForAnnotation', () => {
  it('says plainly when there is no image on this device', async () => {
    await expect(decodeForAnnotation(undefined)).rejects.toThrow(/not on this device/);
    await expect(decodeForAnnotation(new Blob([]))).rejects.toThrow(ValidationError);
  });

  it('turns damaged bytes into a sentence, not a DOMException', async () => {
    const refuse = () => Promise.reject(new DOMException('The source image could not be decoded.', 'InvalidStateError'));
    await expect(decodeForAnnotation(new Blob(['not an image']), refuse)).rejects.toThrow(/could not be read.*Nothing was changed/);
  });

  it('hands back what decodes', async () => {
    const bitmap = { width: 2, height: 2 } as ImageBitmap;
    await expect(decodeForAnnotation(new Blob(['x']), () => Promise.resolve(bitmap))).resolves.toBe(bitmap);
  });
});
