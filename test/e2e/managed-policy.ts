import { cpSync, existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Standin } from '../support/standin';

/**
 * Chromium reads every JSON file in this folder at start (and re-reads it on
 * change), for EVERY Chromium on the machine, other helpers' tests included.
 * https://www.chromium.org/administrators/linux-quick-start/
 */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/** One file per extension copy: two runs of the spec at once (two worktrees) never overwrite each other's. */
export const policyFile = (id: string) => join(CHROMIUM_POLICY_DIR, `incident-capture-e2e-managed-${id}.json`);
let written: string | null = null;

/**
 * An unpacked extension's id is the first 128 bits of SHA-256 over its
 * absolute path, written with the letters a–p
 * (chromium/src/extensions/common/extension_id.cc, GenerateIdForPath). A copy
 * in another folder is therefore another extension: the policy written for
 * it never reaches the normal e2e build the other specs load.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** A copy of the built extension in a folder of its own; removed by `remove()`. */
export function copyExtension(from: string): { dir: string; id: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'incident-managed-'));
  const dir = join(parent, 'extension');
  cpSync(from, dir, { recursive: true });
  return { dir, id: unpackedExtensionId(dir), remove: () => rmSync(parent, { recursive: true, force: true }) };
}

let madeFolders: string[] = [];

/** Deploys `values` as the `3rdparty` policy for extension `id` (Chrome's documented shape). */
export function writeChromiumPolicy(id: string, values: Record<string, unknown>): void {
  if (!madeFolders.length) madeFolders = [CHROMIUM_POLICY_DIR, dirname(CHROMIUM_POLICY_DIR)].filter((folder) => !existsSync(folder));
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  written = policyFile(id);
  writeFileSync(written, JSON.stringify({ '3rdparty': { extensions: { [id]: values } } }, null, 2));
}

/** Removes the file, and the folders writeChromiumPolicy made if they are empty again. */
export function removeChromiumPolicy(): void {
  if (written) rmSync(written, { force: true });
  written = null;
  for (const folder of madeFolders) {
    try {
      rmdirSync(folder);
    } catch {
      // not empty: someone else's policy lives there now
    }
  }
  madeFolders = [];
}

/** An owner signs in over the REST API and makes a team; answers its invite code (as create_team issues one). */
export async function teamWithInvite(standin: Standin, email: string, password: string, name: string): Promise<string> {
  await standin.createUser(email, password);
  const headers = { apikey: standin.anonKey, 'content-type': 'application/json' };
  const token = await fetch(`${standin.url}/auth/v1/token?grant_type=password`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  const { access_token } = (await token.json()) as { access_token: string };
  const rpc = async (fn: string, args: object) => {
    const res = await fetch(`${standin.url}/rest/v1/rpc/${fn}`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${access_token}` },
      body: JSON.stringify(args),
    });
    if (!res.ok) throw new Error(`${fn}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const teamId = await rpc('create_team', { p_name: name, p_display_name: 'Olivia' });
  return String(await rpc('team_invite_code', { p_team_id: teamId }));
}
