import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MessagingPort } from './protocol';
import type { SignedIn } from './protocol-map';
import { request } from './send';

function portAnswering(reply: unknown): MessagingPort {
  return {
    runtime: { id: 'x', getURL: (p) => p, sendMessage: async () => reply, onMessage: { addListener: () => undefined } },
  };
}

describe('request', () => {
  it('returns the value the background answered, typed by the message (ProtocolMap)', async () => {
    const bytes = await request(portAnswering({ ok: true, value: { bytes: 12 } }), {
      type: 'downloadImage',
      eventId: '0190a000-0000-7000-8000-000000000001',
    });
    expect(bytes).toEqual({ bytes: 12 });
    // The compiler (tsc --noEmit) checks these: the caller no longer chooses the type.
    expectTypeOf(bytes).toEqualTypeOf<{ bytes: number }>();
    const port = portAnswering({ ok: true, value: undefined });
    expectTypeOf(() => request(port, { type: 'signInWithPassword', email: 'a@b.c', password: 'p' })).returns.resolves.toEqualTypeOf<SignedIn>();
    expectTypeOf(() => request(port, { type: 'syncNow' })).returns.resolves.toEqualTypeOf<void>();
  });

  it('throws the refusal’s sentence, and says so when nothing answered', async () => {
    await expect(request(portAnswering({ ok: false, error: 'No.' }), { type: 'syncNow' })).rejects.toThrow('No.');
    await expect(request(portAnswering(undefined), { type: 'syncNow' })).rejects.toThrow('did not answer');
  });
});
