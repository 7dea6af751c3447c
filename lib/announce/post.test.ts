import { describe, expect, it, vi } from 'vitest';
import { postRequest } from './post';

const request = { body: '{"text":"hi"}', headers: { 'content-type': 'application/json' } };

describe('postRequest', () => {
  it('posts the body and headers as given', async () => {
    const fetcher = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    expect(await postRequest(fetcher, 'https://x/hook', request, 'Discord')).toEqual({ ok: true });
    expect(fetcher.mock.calls[0]![1]).toMatchObject({ method: 'POST', body: '{"text":"hi"}', headers: request.headers });
    expect(fetcher.mock.calls[0]![1].signal).toBeInstanceOf(AbortSignal);
  });

  it('retries 5xx and 429, network failures and timeouts; 4xx is final', async () => {
    const answer = (status: number, body = 'nope') => vi.fn().mockResolvedValue(new Response(body, { status }));
    expect(await postRequest(answer(500, 'server_error'), 'https://x', request, 'Slack')).toEqual({
      ok: false,
      retry: true,
      message: 'Slack could not take the message (500 server_error).',
    });
    expect(await postRequest(answer(429), 'https://x', request, 'Slack')).toMatchObject({ retry: true });
    expect(await postRequest(answer(404, 'no_service'), 'https://x', request, 'Slack')).toEqual({
      ok: false,
      retry: false,
      message: 'Slack refused the message (404 no_service).',
    });
    expect(await postRequest(vi.fn().mockRejectedValue(new TypeError('Failed to fetch')), 'https://x', request, 'Mattermost')).toEqual({
      ok: false,
      retry: true,
      message: 'Could not reach Mattermost.',
    });
  });

  it('gives up on a service that never answers after the timeout', async () => {
    const hang = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_ok, fail) => init.signal!.addEventListener('abort', () => fail(init.signal!.reason))));
    const result = await postRequest(hang as unknown as typeof fetch, 'https://x', request, 'Microsoft Teams', 50);
    expect(result).toEqual({ ok: false, retry: true, message: 'Microsoft Teams did not answer within 0 s.' });
  });
});
