import type { Team } from '../team/team-record';
import type { Message } from './protocol';

/** What a sign-in answers: the account, and the team on record for it (lib/team/sign-in.ts). */
export interface SignedIn {
  userId: string;
  email: string;
  team: Team | null;
}

/**
 * What each message answers, as read-frog's `ProtocolMap` for
 * `@webext-core/messaging` does: the sender's `request` returns this type and
 * the background's `handle` must return it, so neither side chooses a type.
 * A notification or a bare "done" answers `void`. Types only: nothing here
 * reaches a bundle. (`@webext-core/messaging` itself is not used: it brings
 * its own listener, and ours parses with zod and refuses foreign senders
 * before anything is handled, lib/messaging/receive.ts.)
 */
export interface ProtocolMap {
  incidentsChanged: void;
  captureScreenshot: { eventId: string };
  capturePage: { eventId: string; truncated: boolean };
  startElementPicker: void;
  elementPicked: { eventId: string };
  pickCancelled: void;
  connectProject: { url: string };
  disconnectProject: void;
  signInWithPassword: SignedIn;
  /** `confirmEmail` when the project asks the person to confirm the address first. */
  signUp: SignedIn | { confirmEmail: true };
  sendSignInCode: { sent: true };
  verifySignInCode: SignedIn;
  signInWithProvider: SignedIn;
  oauthRedirectUrl: { url: string };
  signOut: void;
  createTeam: Team | null;
  joinTeam: Team | null;
  refreshTeam: Team | null;
  syncNow: void;
  shareIncident: void;
  createInvite: Team | null;
  revokeInvite: Team | null;
  removeMember: Team | null;
  transferOwnership: Team | null;
  leaveTeam: void;
  testDestination: { ok: true };
  downloadImage: { bytes: number };
}

export type MessageType = Message['type'];
/** What `message` answers. */
export type ReplyOf<T extends MessageType> = ProtocolMap[T];

// Fails to compile when a message has no reply type, or a reply names no message.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyMessageAnswered: Same<keyof ProtocolMap, MessageType> = true;
void everyMessageAnswered;
