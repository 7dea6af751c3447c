import { z } from 'zod';
import { teamNameSchema } from '../model/incident-fields';
import { oauthProviderSchema } from '../supabase/oauth-provider';

/**
 * The one protocol between extension contexts. Pages write IndexedDB directly
 * (same origin); messages ask the background for privileged work (captures)
 * or tell it to react to a change while it may be asleep.
 */
const id = z.uuid();
const tabTarget = { incidentId: id, tabId: z.number().int().nonnegative(), windowId: z.number().int() };
const email = z.email('Enter a valid email address.').max(320);
const password = z.string().min(1, 'Enter the password.').max(200);
const rect = z.object({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() });

export const messageSchema = z.discriminatedUnion('type', [
  /** Incidents changed: recount the badge. Sent after every local write. */
  z.object({ type: z.literal('incidentsChanged') }),
  /** Screenshot the visible part of a tab onto an incident. Answers { eventId }. */
  z.object({ type: z.literal('captureScreenshot'), ...tabTarget }),
  /** Screenshot the whole page (rendered with html2canvas). Answers { eventId }. */
  z.object({ type: z.literal('capturePage'), ...tabTarget }),
  /** Start the element picker in a tab; the pick arrives later as `elementPicked`. */
  z.object({ type: z.literal('startElementPicker'), ...tabTarget }),
  /** From the picker (content script): the element chosen, in CSS pixels. */
  z.object({
    type: z.literal('elementPicked'),
    rect,
    viewport: z.object({ width: z.number().positive(), height: z.number().positive() }),
  }),
  /** From the picker: Esc pressed. */
  z.object({ type: z.literal('pickCancelled') }),

  // Team sync (options page and side panel → background, where supabase-js lives).
  z.object({ type: z.literal('connectProject'), url: z.string().max(500), anonKey: z.string().max(4_000) }),
  z.object({ type: z.literal('disconnectProject') }),
  z.object({ type: z.literal('signInWithPassword'), email, password }),
  z.object({ type: z.literal('signUp'), email, password }),
  z.object({ type: z.literal('sendSignInCode'), email }),
  z.object({ type: z.literal('verifySignInCode'), email, code: z.string().trim().regex(/^\d{6,10}$/, 'Enter the code from the email.') }),
  /** "Continue with GitHub/Google": opens the browser's sign-in window (lib/supabase/oauth.ts). */
  z.object({ type: z.literal('signInWithProvider'), provider: oauthProviderSchema }),
  /** This browser's OAuth redirect URL, for the options page to show (Supabase must allow it). */
  z.object({ type: z.literal('oauthRedirectUrl') }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('createTeam'), name: teamNameSchema }),
  z.object({ type: z.literal('joinTeam'), code: z.string().trim().min(4, 'Enter the invite code.').max(40) }),
  z.object({ type: z.literal('refreshTeam') }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('shareIncident'), incidentId: id }),
  // Team lifecycle (Options → Team). The team is the one on record; the server decides who may.
  z.object({ type: z.literal('createInvite') }),
  z.object({ type: z.literal('revokeInvite'), code: z.string().trim().min(4).max(40) }),
  z.object({ type: z.literal('removeMember'), userId: id }),
  z.object({ type: z.literal('transferOwnership'), userId: id }),
  z.object({ type: z.literal('leaveTeam') }),
  /** Options: send a test message to one saved destination (lib/announce). */
  z.object({ type: z.literal('testDestination'), id: z.string().min(1).max(64) }),
  /** A teammate's screenshot, fetched from Storage when someone opens it. */
  z.object({ type: z.literal('downloadImage'), eventId: id }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/**
 * The only messages a content script may send: what the capture helpers
 * (entrypoints/*.content.ts) report back. A content script shares its renderer
 * with the web page, so a compromised page can speak with its voice; it must
 * never reach sign-in, teams or sharing. A test keeps this list in step with
 * what the content scripts actually send.
 */
export const CONTENT_SCRIPT_MESSAGE_TYPES = ['elementPicked', 'pickCancelled'] as const satisfies readonly Message['type'][];

/** What a request answers: a value, or one sentence saying why not. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/**
 * What the browser says about a sender (runtime.MessageSender). `tab` is set
 * for anything running in a tab, content scripts included, and also for an
 * extension page opened in a tab; `url` is the sending frame's URL
 * (chrome-extension://… or moz-extension://… for our pages, the web page's URL
 * for a content script); `origin` (Chrome 80+) likewise.
 * Chrome: @wxt-dev/browser's generated chrome.runtime.MessageSender docs;
 * Firefox: https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/runtime/MessageSender
 */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number; url?: string; title?: string };
}

/** The slice of `browser` messaging uses, so tests pass a fake. */
export interface MessagingPort {
  runtime: {
    id: string;
    /** getURL('/') is this extension's base URL: how its own pages are told from web pages. */
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: MessageSender, sendResponse: (r?: unknown) => void) => boolean | void,
      ): void;
    };
  };
}
