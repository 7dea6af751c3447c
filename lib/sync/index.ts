/**
 * # How sync resolves conflicts (read this before the code)
 *
 * The source of truth is an append-only log of immutable events. Sync moves
 * events, never state, so there is nothing to merge field by field:
 *
 * - **Set union.** Every device ends up holding the same set of events. An
 *   event's id is a client-made UUIDv7; the server inserts `on conflict (id)
 *   do nothing`, and the client skips ids it already has. Retrying anything is
 *   always safe: a push that succeeded but whose answer was lost is simply
 *   accepted again.
 * - **One order.** Events are ordered by their hybrid logical clock (then id)
 *   everywhere. Each device folds the same ordered set into the same incident
 *   row, so concurrent edits converge without coordination: for a field, the
 *   change with the later clock wins (last writer wins, by clock, not by
 *   arrival). Clocks are advanced past every pulled event, so a device whose
 *   wall clock is an hour behind still stamps its next change after what it
 *   has seen.
 * - **Nothing lost.** Local writes land in the log, the projection and the
 *   outbox in one transaction. An outbox row is deleted only after the server
 *   acknowledged its event; a refused event moves to a visible dead-letter
 *   list with the server's reason. Network and server failures are retried
 *   with capped exponential backoff and jitter; nothing lives only in memory,
 *   so a killed service worker resumes where it stopped.
 * - **Nothing skipped, nothing dropped.** The server serialises pushes per
 *   team (an advisory lock), so `server_seq` commits in order and a pull from
 *   the persisted cursor sees every row. Pulled rows are validated with zod
 *   and judged (below); one that does not parse or may not apply yet is
 *   quarantined with its reason and the cursor moves on, but it stays pending:
 *   every later pull (and so the first sync after an extension update) judges
 *   it again, so a clock that ran two days fast, or a kind a newer version
 *   introduced, applies once it can. Options → Team shows them with a count.
 * - **Authority over the record.** The server (`push_events`) and every
 *   client apply the same rules, and pull and import bring other people's
 *   events in through one path (./ingest.ts, ../incidents/authority.ts): an
 *   incident has exactly one `declared` (its id is the incident id); a
 *   `redacted` counts only from the entry's author or the incident's lead as
 *   of the redaction, within the incident; events stamped more than a day
 *   ahead wait. A teammate's forged event is refused by the server, held back
 *   by a client that meets it anyway (an old server, an import), and ignored
 *   by the fold. A downloaded image must match its event's SHA-256.
 * - **One account's queue.** Outbox rows carry their author; only the
 *   signed-in account's are pushed, so signing in as someone else leaves the
 *   first account's work queued for it instead of dead-lettering it. A rate
 *   limit (HTTP 429) is retried with backoff like any transient failure.
 * - **Images before events.** A screenshot's bytes are uploaded to Storage
 *   before its event is pushed, so a teammate never sees a dangling image;
 *   teammates download images lazily when they open them.
 * - **Redaction** is the one exception to immutability: a `redacted` event
 *   (pushed like any other) makes every device delete the image and empty the
 *   thumbnail it hides, and the server's `redact_event` clears the body.
 * - **Local-only incidents** (declared before joining a team, teamId null)
 *   never leave the device until someone shares them into the team.
 */
export { backoffDelay } from './backoff';
export { pullTeam } from './pull';
export { pushOutbox } from './push';
export { syncOnce, type SyncDeps } from './engine';
export { readSyncStatus, type SyncStatus } from './status';
