import { useCallback, useState } from 'react';
import { extensionPort } from './extension-port';
import { describeError, ValidationError } from '../lib/incidents/errors';
import { sendMessage } from '../lib/messaging/send';

export interface ActionError {
  message: string;
  /** The input at fault, when a person can fix it there. */
  field?: string;
}

/**
 * Runs a domain operation for a control: tracks "busy", turns any failure into
 * one readable sentence (with the field at fault), and tells the background
 * that incidents changed so the badge follows.
 */
export function useAction<A extends unknown[], R>(operation: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        const result = await operation(...args);
        void sendMessage(extensionPort, { type: 'incidentsChanged' }).catch(() => {});
        return result;
      } catch (e) {
        setError({
          message: describeError(e),
          ...(e instanceof ValidationError && e.field ? { field: e.field } : {}),
        });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [operation],
  );
  return { run, busy, error, setError };
}
