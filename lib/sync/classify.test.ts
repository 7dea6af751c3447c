import { describe, expect, it } from 'vitest';
import { classifyError } from './classify';
import { AuthSyncError, FinalSyncError, TransientSyncError } from './transport';

describe('classifyError', () => {
  it.each([
    [{ status: 0, message: 'TypeError: Failed to fetch' }, TransientSyncError],
    [{ status: 503, message: 'Service Unavailable' }, TransientSyncError],
    [{ status: 429, message: 'Too many requests' }, TransientSyncError],
    [{ status: 401, code: 'PGRST303', message: 'JWT expired' }, AuthSyncError],
    [{ status: 400, message: 'jwt expired' }, AuthSyncError],
    [{ status: 400, message: 'new row violates row-level security policy' }, FinalSyncError],
    [{ status: 403, code: '42501', message: 'permission denied' }, FinalSyncError],
    [{ status: 400, code: 'P0001', message: 'bad event' }, FinalSyncError],
  ])('%o is %s', (error, kind) => {
    expect(classifyError(error, 'push')).toBeInstanceOf(kind);
  });

  it('marks network failures as offline', () => {
    expect((classifyError({ status: 0, message: 'fetch failed' }, 'pull') as TransientSyncError).offline).toBe(true);
  });
});
