import type { OutgoingRequest } from './request';

/**
 * One attempt to deliver, sorted the way lib/sync/classify.ts sorts server
 * errors: a network failure, a timeout, 429 and 5xx are worth retrying; any
 * other 4xx means the service refused this message (a revoked webhook, a
 * payload it will never take), so retrying would only repeat it.
 */
/** `message` says what happened in one sentence; the caller says what happens next. */
export type PostResult = { ok: true } | { ok: false; retry: boolean; message: string };

/** Long enough for a slow service, short enough that a hung one does not hold the queue (the brief: ~10 s). */
export const POST_TIMEOUT_MS = 10_000;

export async function postRequest(
  fetcher: typeof fetch,
  url: string,
  request: OutgoingRequest,
  serviceName: string,
  timeoutMs = POST_TIMEOUT_MS,
): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetcher(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // AbortSignal.timeout rejects with a "TimeoutError" DOMException
    // (https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/timeout_static).
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      retry: true,
      message: timedOut ? `${serviceName} did not answer within ${Math.round(timeoutMs / 1000)} s.` : `Could not reach ${serviceName}.`,
    };
  }
  if (response.ok) return { ok: true };
  const detail = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 100);
  const said = `${response.status}${detail ? ` ${detail}` : ''}`;
  const retry = response.status === 429 || response.status >= 500;
  return {
    ok: false,
    retry,
    message: retry ? `${serviceName} could not take the message (${said}).` : `${serviceName} refused the message (${said}).`,
  };
}
