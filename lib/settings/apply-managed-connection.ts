import type { Connection } from '../supabase/connection';
import type { Slot } from '../team/team-server';
import type { ManagedPolicy } from './managed-settings';
import { parseManagedStatus, type ManagedStatus } from './managed-status';

export interface ApplyConnectionPorts {
  policy(): Promise<ManagedPolicy>;
  /** `local:supabaseConnection`, which every part of the extension connects with. */
  connection: Slot<Connection | null>;
  /** The signed-in account and the team record: both belong to one project. */
  account: Slot<unknown>;
  team: Slot<unknown>;
  /** Ends the old project's session on this device only. */
  signOutLocally(): Promise<void>;
  /** Whether the project answers at all (any HTTP answer counts). */
  reachable(connection: Connection): Promise<boolean>;
  status: Slot<unknown>;
}

export const unreachableSentence = (url: string) =>
  `Could not reach ${url}, the project your organisation set. Check your network connection; if it stays unreachable, ask your admin to check the policy's supabaseUrl.`;

/**
 * Makes the organisation's project the one this device is connected to. The
 * managed value wins over the person's own: switching to another project ends
 * the session and forgets the team, which belong to the old one. A policy
 * without a connection leaves whatever the person set alone (a policy removed
 * later does not disconnect anyone). Returns the connection applied, if any.
 */
export async function applyManagedConnection(ports: ApplyConnectionPorts): Promise<Connection | null> {
  const wanted = (await ports.policy()).settings?.connection ?? null;
  if (!wanted) {
    await updateStatus(ports, { connectionError: null });
    return null;
  }
  const current = await ports.connection.getValue();
  if (current?.url !== wanted.url || current.anonKey !== wanted.anonKey) {
    if (current && current.url !== wanted.url) {
      await ports.signOutLocally().catch(() => undefined);
      await Promise.all([ports.account.setValue(null), ports.team.setValue(null)]);
    }
    await ports.connection.setValue(wanted);
  }
  const reachable = await ports.reachable(wanted).catch(() => false);
  await updateStatus(ports, { connectionError: reachable ? null : unreachableSentence(wanted.url) });
  return wanted;
}

export async function updateStatus(ports: { status: Slot<unknown> }, change: Partial<ManagedStatus>): Promise<void> {
  const status = parseManagedStatus(await ports.status.getValue());
  await ports.status.setValue({ ...status, ...change });
}
