/** Input a person can fix: shown inline beside the field, nothing written. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The browser refused to store more (QuotaExceededError); the write was rolled back whole. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      'Your browser is out of storage space for this extension, so nothing was saved. ' +
        'Free some disk space and try again.',
      { cause },
    );
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

interface ZodLikeError {
  /** Full zod's ZodError; zod/mini's (the profile's) is named $ZodError. */
  name: 'ZodError' | '$ZodError';
  issues: { message: string; path: PropertyKey[] }[];
}

// Recognised by shape, not `instanceof`, so this module (on the popup's
// critical path) does not import zod.
function isZodError(error: unknown): error is ZodLikeError {
  const name = (error as { name?: unknown })?.name;
  return (name === 'ZodError' || name === '$ZodError') && Array.isArray((error as ZodLikeError).issues);
}

/** A schema failure as the first issue's message, with the field it concerns. */
export function toValidationError(error: unknown): ValidationError | null {
  if (!isZodError(error)) return null;
  const issue = error.issues[0];
  const field = issue?.path.filter((p): p is string => typeof p === 'string').at(-1);
  return new ValidationError(issue?.message ?? 'That input is not valid.', field);
}

// Dexie reports a failed transaction as an AbortError whose `inner` is the
// cause; IndexedDB itself uses a DOMException named QuotaExceededError.
// https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns anything a domain operation threw into one sentence a person can act on. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError || error instanceof StorageFullError || error instanceof NotFoundError) {
    return error.message;
  }
  if (isQuotaExceeded(error)) return new StorageFullError().message;
  const invalid = toValidationError(error);
  if (invalid) return invalid.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Something went wrong and nothing was saved: ${message}`;
}
