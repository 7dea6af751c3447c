import { z } from 'zod';

/**
 * The one protocol between extension contexts. Pages write IndexedDB directly
 * (same origin); messages only ask the background to do privileged work or to
 * react to a change while it may be asleep.
 */
export const messageSchema = z.discriminatedUnion('type', [
  /** Incidents changed: recount the badge. Sent after every local write. */
  z.object({ type: z.literal('incidentsChanged') }),
]);
export type Message = z.infer<typeof messageSchema>;

/** The slice of `browser` messaging uses, so tests pass a fake. */
export interface MessagingPort {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: { id?: string }, sendResponse: (r?: unknown) => void) => boolean | void,
      ): void;
    };
  };
}
