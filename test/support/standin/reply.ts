import type { IncomingHttpHeaders } from 'node:http';

/** One parsed HTTP request, as every surface handler receives it. */
export interface StandinRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * What a handler answers. Handlers build a value instead of writing to the
 * socket so the fault injector can run a handler to completion (commit) and
 * still throw its answer away (`error500-after-commit`, `drop-after-commit`).
 */
export interface Reply {
  status: number;
  /** The reason phrase, when the service sets its own (PostgREST does for `PTxyz`); else Node's default. */
  statusText?: string;
  headers: Record<string, string>;
  body: Buffer;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

export function bytes(status: number, body: Buffer, headers: Record<string, string>): Reply {
  return { status, headers, body };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: Buffer.alloc(0) };
}

export function header(request: StandinRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The bearer token from `Authorization`, `undefined` when the header is absent. */
export function bearer(request: StandinRequest): string | undefined {
  const value = header(request, 'authorization');
  if (value === undefined) return undefined;
  return value.replace(/^Bearer\s*/i, '').trim();
}

/** Parses a JSON body; `{}` for an empty one. Throws `SyntaxError` on bad JSON. */
export function jsonBody(request: StandinRequest): unknown {
  const text = request.body.toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}
