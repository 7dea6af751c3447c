import { INSTALL_HOSTS } from './install-links';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, INVITE_CODE_SHAPE, inviteCodeOf } from './invite-code';

/** What a pasted text holds; each part is null when it is not there. */
export interface FoundInvite {
  code: string | null;
  url: string | null;
  anonKey: string | null;
}
export type InviteParse = { ok: true; invite: FoundInvite } | { ok: false; error: string };

export const NOTHING_FOUND =
  'No invite found in that text. Paste the whole invite message, or just the invite code.';
export const NO_CODE = 'That text has no invite code. Paste the whole invite message, or just the code (like ABCDE23456).';
export const NO_CONNECTION =
  'That text has no project URL and key. Paste the whole invite message, or type the URL and key.';
export const NOT_HTTPS =
  'The project URL in that message does not start with https://, so it is not used. Ask for a new invite.';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Undoes what chat apps do to pasted text. Slack shows links as <url|label> or
 * <url> in its message format (https://api.slack.com/reference/surfaces/formatting#linking-urls);
 * Markdown apps wrap values in backticks or **bold** or turn links into [label](url);
 * smart quotes, no-break and zero-width spaces arrive from rich-text editors.
 */
function unwrap(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/gi, ' $1 ')
    .replace(/\[[^\]]*\]\((https?:\/\/[^)\s]+)\)/gi, ' $1 ')
    .replace(/[`*"'“”‘’«»]/g, ' ');
}

/** Sentence punctuation and closing brackets a URL or key never ends with. */
const trimEnd = (value: string) => value.replace(/[.,;:!?)\]}>]+$/, '');

function findUrl(text: string): string | null {
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s<>|]+/gi)) {
    const url = trimEnd(match[0]);
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      continue;
    }
    if (!INSTALL_HOSTS.has(host)) return url;
  }
  return null;
}

// Publishable/secret keys (sb_publishable_…, sb_secret_…) or a legacy JWT (anon or service_role);
// lib/supabase/connection.ts judges which are acceptable.
const KEY = /\bsb_(?:publishable|secret)_[A-Za-z0-9_-]+|\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const LABELLED_CODE = /invite\s+code\s*[:：=]\s*([A-Za-z0-9-]*)/i;
const LOOSE_CODE = new RegExp(`(?<![A-Za-z0-9_-])[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}(?![A-Za-z0-9_-])`);
const BARE = /^[A-Za-z0-9 -]{1,24}$/;

const wrongShape = (code: string) => `"${code}" is not an invite code. ${INVITE_CODE_SHAPE}`;

function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname));
  } catch {
    return false;
  }
}

/**
 * Finds the invite code, project URL and key in a whole pasted invite message
 * (invite-message.ts), however a chat app reformatted it, or reads a bare code.
 * Refuses, with a sentence, a code of the wrong shape, a project URL that is
 * not https (http only for a local Supabase, as the connect step allows) and
 * text with nothing in it.
 */
export function parseInviteMessage(text: string): InviteParse {
  const clean = unwrap(text).trim();
  if (!clean) return { ok: false, error: NOTHING_FOUND };

  const url = findUrl(clean);
  if (url && !isHttps(url)) return { ok: false, error: NOT_HTTPS };
  const anonKey = trimEnd(KEY.exec(clean)?.[0] ?? '') || null;

  let code: string | null = null;
  const labelled = LABELLED_CODE.exec(clean);
  if (labelled) {
    const raw = trimEnd(labelled[1] ?? '');
    code = inviteCodeOf(raw);
    if (!code) return { ok: false, error: raw ? wrongShape(raw) : NO_CODE };
  } else if (!url && !anonKey && BARE.test(clean)) {
    code = inviteCodeOf(clean);
    if (!code) return { ok: false, error: wrongShape(clean) };
  } else {
    // An unlabelled code somewhere in the text, looked for outside the URL and key.
    const rest = clean.replace(url ?? '\u0000', ' ').replace(anonKey ?? '\u0000', ' ');
    code = LOOSE_CODE.exec(rest)?.[0] ?? null;
  }
  if (!code && !url && !anonKey) return { ok: false, error: NOTHING_FOUND };
  return { ok: true, invite: { code, url, anonKey } };
}

/** For the join step: the code in a pasted message or a bare code. */
export function inviteCodeFromPaste(text: string): { ok: true; code: string } | { ok: false; error: string } {
  const parsed = parseInviteMessage(text);
  if (!parsed.ok) return parsed;
  return parsed.invite.code ? { ok: true, code: parsed.invite.code } : { ok: false, error: NO_CODE };
}

/** For the connect step: the project URL and key in a pasted message (and its code, kept for the join step). */
export function connectionFromPaste(
  text: string,
): { ok: true; url: string; anonKey: string; code: string | null } | { ok: false; error: string } {
  const parsed = parseInviteMessage(text);
  if (!parsed.ok) return parsed;
  const { url, anonKey, code } = parsed.invite;
  return url && anonKey ? { ok: true, url, anonKey, code } : { ok: false, error: NO_CONNECTION };
}
