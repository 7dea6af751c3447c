import { describe, expect, it } from 'vitest';
import { classifyError } from './classify';
import { AuthSyncError, FinalSyncError, TransientSyncError } from './transport';

describe('classifyError', () => {
  it.each([
    [{ status: 0, message: 'TypeError: Failed to fetch' }, TransientSyncError],
    [{ status: 503, message: 'Service Unavailable' }, TransientSyncError],
    [{ status: 429, message: 'Too many requests' }, TransientSyncError],
    // push_events over its per-minute budget: PostgREST maps SQLSTATE PT429 to HTTP 429.
    [{ status: 429, code: 'PT429', message: 'Too many events: at most 20,000 events and 20 MB a minute' }, TransientSyncError],
    [{ status: 401, code: 'PGRST303', message: 'JWT expired' }, AuthSyncError],
    [{ status: 401, code: 'PGRST301', message: 'JWT cryptographic operation failed' }, AuthSyncError],
    // Storage ≥ v1.22.9 (jose) answers a refused token with HTTP 400 and jose's message …
    [{ status: 400, message: '"exp" claim timestamp check failed' }, AuthSyncError],
    [{ status: 400, message: 'signature verification failed' }, AuthSyncError],
    [{ status: 400, message: 'Invalid Compact JWS' }, AuthSyncError],
    // … and older Storage with jsonwebtoken's.
    [{ status: 400, message: 'jwt expired' }, AuthSyncError],
    [{ status: 400, message: 'invalid signature' }, AuthSyncError],
    [{ status: 400, message: 'jwt malformed' }, AuthSyncError],
    [{ status: 400, message: 'new row violates row-level security policy' }, FinalSyncError],
    [{ status: 400, message: 'Object not found' }, FinalSyncError],
    [{ status: 403, code: '42501', message: 'permission denied' }, FinalSyncError],
    [{ status: 400, code: 'P0001', message: 'bad event' }, FinalSyncError],
    // The wording is matched whole: a data error that merely mentions it stays final.
    [{ status: 400, code: 'P0001', message: 'title mentions "exp" claim timestamp check failed' }, FinalSyncError],
  ])('%o is %s', (error, kind) => {
    expect(classifyError(error, 'push')).toBeInstanceOf(kind);
  });

  it('marks network failures as offline', () => {
    expect((classifyError({ status: 0, message: 'fetch failed' }, 'pull') as TransientSyncError).offline).toBe(true);
  });

  it('keeps what failed in the message', () => {
    expect(classifyError({ status: 400, message: '"exp" claim timestamp check failed' }, 'Image upload').message).toBe(
      'Image upload: "exp" claim timestamp check failed',
    );
  });
});
