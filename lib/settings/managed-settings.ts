import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { destinationSchema, type Destination } from '../announce/destination';
import { parseConnection, type Connection } from '../supabase/connection';
import { INVITE_CODE_SHAPE, inviteCodeOf } from '../team/invite-code';
import { captureSettingsSchema } from './capture-settings';

/**
 * Settings an admin deploys (issue 12, part 2). Browsers hand an extension
 * its policy through the read-only `storage.managed` area: Chrome and Edge
 * from the `3rdparty` → `extensions` → <id> policy, validated against
 * public/managed_schema.json
 * (https://developer.chrome.com/docs/extensions/reference/manifest/storage),
 * Firefox from policies.json's `3rdparty.Extensions.<add-on id>`
 * (https://mozilla.github.io/policy-templates/#3rdparty).
 *
 * The policy is untrusted input like any other: an admin may deploy it for an
 * older or newer version, or by hand. Each field is judged on its own; a bad
 * field is left out and reported, and the good ones still apply. Nothing is
 * ever half-applied: the URL and key apply together or not at all. List
 * entries are judged one by one, because dropping a whole mask list for one
 * typo would unmask the fields the admin listed correctly.
 */
export const MANAGED_KEYS = ['supabaseUrl', 'supabaseKey', 'inviteCode', 'maskSelectors', 'webhooks'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export interface ManagedSettings {
  /** From supabaseUrl + supabaseKey, judged by parseConnection (a secret or service-role key is refused). */
  connection?: Connection;
  /** Normalised as join_team reads it (lib/team/invite-code.ts). */
  inviteCode?: string;
  maskSelectors?: string[];
  /** Each judged by lib/announce/destination.ts's schema; an entry without an id gets `managed-<n>`. */
  webhooks?: Destination[];
}

export interface ManagedProblem {
  field: string;
  reason: string;
}

export interface ManagedPolicy {
  /** null: no policy deployed (or this browser has no managed storage). */
  settings: ManagedSettings | null;
  problems: ManagedProblem[];
}

export const NO_POLICY: ManagedPolicy = { settings: null, problems: [] };

/** One WXT storage item per policy key, in the read-only `managed:` area. */
export const managedItems = Object.fromEntries(
  MANAGED_KEYS.map((key) => [key, storage.defineItem<unknown>(`managed:${key}`, { fallback: null })]),
) as Record<ManagedKey, ReturnType<typeof storage.defineItem<unknown>>>;

/** The sentence the options page shows for a field it had to ignore. */
export function describeProblem(problem: ManagedProblem): string {
  return `Your organisation's policy has a setting this version can't read: ${problem.field} (${problem.reason}). It is ignored; ask your admin to correct it.`;
}

const selectorSchema = captureSettingsSchema.shape.maskSelectors.element;
const MAX_SELECTORS = 100;
const MAX_WEBHOOKS = 20;

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function judgeConnection(url: unknown, key: unknown, problems: ManagedProblem[]): Connection | undefined {
  if (!isPresent(url) && !isPresent(key)) return undefined;
  if (typeof url !== 'string' || typeof key !== 'string') {
    const missing = typeof url !== 'string' ? 'supabaseUrl' : 'supabaseKey';
    problems.push({ field: missing, reason: 'supabaseUrl and supabaseKey must both be set, as text; the connection is not applied' });
    return undefined;
  }
  const parsed = parseConnection(url, key);
  if (!parsed.ok) {
    problems.push({ field: parsed.field === 'url' ? 'supabaseUrl' : 'supabaseKey', reason: parsed.error });
    return undefined;
  }
  return parsed.connection;
}

function judgeInviteCode(value: unknown, problems: ManagedProblem[]): string | undefined {
  if (!isPresent(value)) return undefined;
  const code = typeof value === 'string' ? inviteCodeOf(value) : null;
  if (!code) {
    problems.push({ field: 'inviteCode', reason: INVITE_CODE_SHAPE });
    return undefined;
  }
  return code;
}

function judgeList<T>(field: string, value: unknown, max: number, judge: (item: unknown, index: number) => T | string, problems: ManagedProblem[]): T[] | undefined {
  if (!isPresent(value)) return undefined;
  if (!Array.isArray(value)) {
    problems.push({ field, reason: 'must be a list' });
    return undefined;
  }
  if (value.length > max) problems.push({ field, reason: `lists at most ${max} entries; the rest are ignored` });
  const kept: T[] = [];
  value.slice(0, max).forEach((item, index) => {
    const judged = judge(item, index);
    if (typeof judged === 'string') problems.push({ field: `${field}[${index + 1}]`, reason: judged });
    else kept.push(judged);
  });
  return kept;
}

function judgeSelector(item: unknown): string | { selector: string } {
  const parsed = selectorSchema.safeParse(item);
  return parsed.success ? { selector: parsed.data } : 'a selector is text of 1 to 500 characters';
}

function isWebhookUrl(url: string): boolean {
  try {
    const u = new URL(url);
    // http only on this machine (tests, local relays), as for the person's own webhooks.
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost'));
  } catch {
    return false;
  }
}

function judgeWebhook(item: unknown, index: number): Destination | string {
  const withId = item && typeof item === 'object' && !Array.isArray(item) ? { id: `managed-${index + 1}`, ...item } : item;
  const parsed = destinationSchema.safeParse(withId);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'not a destination'}`;
  }
  if (!isWebhookUrl(parsed.data.url)) return 'url must be an https:// address';
  return parsed.data;
}

/**
 * Judges what `storage.managed` holds. Pure: the options page, the background
 * and the tests all read a policy through this one function.
 */
export function judgeManagedPolicy(raw: Partial<Record<ManagedKey, unknown>>): ManagedPolicy {
  if (!MANAGED_KEYS.some((key) => isPresent(raw[key]))) return NO_POLICY;
  const problems: ManagedProblem[] = [];
  const settings: ManagedSettings = {};
  const connection = judgeConnection(raw.supabaseUrl, raw.supabaseKey, problems);
  if (connection) settings.connection = connection;
  const inviteCode = judgeInviteCode(raw.inviteCode, problems);
  if (inviteCode) settings.inviteCode = inviteCode;
  const selectors = judgeList('maskSelectors', raw.maskSelectors, MAX_SELECTORS, judgeSelector, problems);
  if (selectors) settings.maskSelectors = selectors.map((s) => s.selector);
  const webhooks = judgeList('webhooks', raw.webhooks, MAX_WEBHOOKS, judgeWebhook, problems);
  if (webhooks) settings.webhooks = webhooks;
  return { settings, problems };
}

/**
 * Reads the policy. With nothing deployed, Chromium answers `{}` and Firefox
 * rejects with "Managed storage manifest not found" (both seen by probing
 * Chromium 156 and Firefox ESR 153); both mean no policy. Any other failure
 * is reported, and nothing is applied.
 */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  let values: { key: string; value: unknown }[];
  try {
    values = await storage.getItems(MANAGED_KEYS.map((key) => managedItems[key]));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/managed storage manifest not found|storage\.managed" is undefined/i.test(message)) return NO_POLICY;
    return { settings: null, problems: [{ field: 'policy', reason: `could not be read: ${message}` }] };
  }
  const raw = Object.fromEntries(values.map(({ key, value }) => [key.slice('managed:'.length), value]));
  return judgeManagedPolicy(raw);
}

/** The agreed seam for other parts (announce): the usable settings, or null when no policy is deployed. */
export async function loadManagedSettings(): Promise<ManagedSettings | null> {
  return (await readManagedPolicy()).settings;
}

/**
 * Calls back when the policy changes (Chromium re-reads policy while running;
 * Firefox reads policies.json only at startup, and its managed area may have
 * no change event at all, so a failure to watch is not an error).
 */
export function watchManagedPolicy(onChange: () => void): () => void {
  const stops: (() => void)[] = [];
  for (const key of MANAGED_KEYS) {
    try {
      stops.push(managedItems[key].watch(() => onChange()));
    } catch {
      // no storage.managed.onChanged in this browser
    }
  }
  return () => stops.forEach((stop) => stop());
}
