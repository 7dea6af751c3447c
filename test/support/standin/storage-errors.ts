import type { DatabaseError } from 'pg';
import type { JwtProblem } from './jwt.ts';
import { json, type Reply } from './reply.ts';

// ---------------------------------------------------------------------------
// Storage: body { statusCode: '<code as text>', code, error, message }; the HTTP
// status is 500 for 500s and 400 for everything else (StorageBackendError's
// userStatusCode). https://github.com/supabase/storage/blob/master/src/internal/errors/codes.ts
// and src/http/error-handler.ts
// ---------------------------------------------------------------------------

export function storageError(statusCode: number, code: string, message: string, error = code): Reply {
  return json(statusCode === 500 ? 500 : 400, { statusCode: String(statusCode), code, error, message });
}

export const storageErrors = {
  noSuchKey: () => storageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  noSuchBucket: () => storageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  accessDenied: (message: string) => storageError(403, 'AccessDenied', message, 'Unauthorized'),
  keyAlreadyExists: () => storageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  invalidKey: (key: string) => storageError(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidRequest: (message: string) => storageError(400, 'InvalidRequest', message),
  entityTooLarge: () => storageError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large'),
  invalidMimeType: (mime: string) => storageError(415, 'InvalidMimeType', `mime type ${mime} is not supported`, 'invalid_mime_type'),
};

/** `DBError.fromDBError` in src/storage/database/errors.ts. */
export function storageSqlError(error: DatabaseError): Reply {
  switch (error.code) {
    case '42501':
      return storageErrors.accessDenied(
        error.message.includes('row-level security') ? 'new row violates row-level security policy' : error.message,
      );
    case '23505':
      return storageErrors.keyAlreadyExists();
    case '22P02':
      return storageError(400, 'InvalidParameter', error.message);
    default:
      return storageError(500, 'DatabaseError', `database error, code: ${error.code}`);
  }
}

/**
 * A token Storage refuses: `ERRORS.AccessDenied(err.message)` with the verifier's own
 * message (src/http/plugins/jwt.ts and src/internal/auth/jwt.ts, `verifyJWT`), so HTTP 400
 * with `{ statusCode: '403', code: 'AccessDenied', error: 'Unauthorized', message }`.
 * Since v1.22.9 the verifier is jose (supabase/storage#678, commit 5fe27e5b "switch from
 * jsonwebtoken to jose"): `"exp" claim timestamp check failed`, `signature verification
 * failed`, `Invalid Compact JWS` (an empty or non-three-part token too). Before it,
 * jsonwebtoken said `jwt expired`, `invalid signature`, `jwt malformed`, `jwt must be provided`.
 */
export function storageJwtError(verified: { problem: JwtProblem; joseMessage: string }): Reply {
  return storageErrors.accessDenied(verified.joseMessage);
}
