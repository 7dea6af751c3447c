import { useState, type ClipboardEvent } from 'react';
import { parseConnection } from '../../../lib/supabase/connection';
import { connectionFromPaste, inviteCodeFromPaste } from '../../../lib/team/invite-message-parse';
import { pendingInviteCodeItem } from '../../../lib/team/pending-invite';

const pasted = (e: ClipboardEvent<HTMLInputElement>) => e.clipboardData.getData('text');

/**
 * The connect step takes a whole invite message (lib/team/invite-message.ts)
 * pasted into Project URL or the key: it fills both and keeps the code for the
 * join step. A single value (a bare URL or key: no whitespace in it) pastes as
 * usual. A message it cannot use is refused with a sentence, and nothing changes.
 */
export function useConnectPaste(fill: (url: string, anonKey: string) => void) {
  const [error, setError] = useState<string | null>(null);
  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    const text = pasted(e);
    if (!/\S\s+\S/.test(text.trim())) return setError(null);
    e.preventDefault();
    const found = connectionFromPaste(text);
    const checked = found.ok ? parseConnection(found.url, found.anonKey) : null;
    if (!found.ok || !checked?.ok) return setError(found.ok ? (checked as { error: string }).error : found.error);
    setError(null);
    fill(checked.connection.url, checked.connection.anonKey);
    if (found.code) void pendingInviteCodeItem.setValue(found.code);
  }
  return { onPaste, error };
}

/** The join step takes a whole invite message or a bare code, and reads the code out of it. */
export function useJoinPaste(setCode: (code: string) => void) {
  const [error, setError] = useState<string | null>(null);
  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    e.preventDefault();
    const found = inviteCodeFromPaste(pasted(e));
    setError(found.ok ? null : found.error);
    if (found.ok) setCode(found.code);
  }
  return { onPaste, error, setError };
}
