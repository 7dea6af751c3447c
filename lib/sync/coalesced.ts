/**
 * One run at a time. A call made while a run is going asks for one more round
 * right after it (however many calls came), and every caller's promise settles
 * when the rounds end. So a write made during a round is never left waiting for
 * the next timer, and two rounds never overlap. Used by the sync loop and the
 * announcement sender (entrypoints/background/set-up-sync.ts, set-up-announce.ts).
 */
export function coalesced(round: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
