import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * How close to the end of the list still counts as "at the end" (px): the
 * composer below the list, or a newest entry drawn taller than its estimate,
 * must not stop the timeline following.
 */
const END_SLACK = 48;

/**
 * Makes a windowed, window-scrolled list follow its newest entry as a chat
 * does. A reader at the end is kept there when an entry is added at the end
 * (scrolled into view; the virtualiser then measures and reconciles the
 * scroll, @tanstack/virtual-core's reconcileScroll). A reader elsewhere is
 * left where they are and told how many arrived (`unseen`); `jump` takes them
 * to the newest and focuses it. An entry synced into the middle of the log
 * (an older clock) is not "newest" and moves nothing.
 *
 * `enabled` waits for the whole log: the first screenful that opens a long
 * incident is not followed by "new" entries when the rest is read.
 * `onEndSeen` is called whenever the end is on screen (the last-seen point).
 */
export function useFollowNewest({
  list,
  virtualizer,
  count,
  lastId,
  enabled,
  onEndSeen,
}: {
  list: RefObject<HTMLElement | null>;
  virtualizer: Virtualizer<Window, Element>;
  count: number;
  lastId: string | undefined;
  enabled: boolean;
  onEndSeen?: (() => void) | undefined;
}) {
  const [unseen, setUnseen] = useState(0);
  const [followed, setFollowed] = useState(0);
  const last = useRef<{ id: string | undefined; count: number; total: number } | null>(null);
  // The newest callbacks and state, for listeners added once.
  const latest = useRef({ onEndSeen, enabled });
  latest.current = { onEndSeen, enabled };

  const check = useCallback(() => {
    const el = list.current;
    if (!el) return;
    if (el.getBoundingClientRect().bottom <= window.innerHeight + END_SLACK && latest.current.enabled) {
      setUnseen(0);
      latest.current.onEndSeen?.();
    }
  }, [list]);

  useEffect(() => {
    window.addEventListener('scroll', check, { passive: true });
    window.addEventListener('resize', check);
    return () => {
      window.removeEventListener('scroll', check);
      window.removeEventListener('resize', check);
    };
  }, [check]);

  // Once the whole log is in: where is the reader? (A short log is all on screen.)
  useEffect(() => {
    if (enabled) check();
  }, [enabled, check]);

  // Before paint: a new newest entry is followed, or counted.
  useLayoutEffect(() => {
    if (!enabled) {
      last.current = null;
      return;
    }
    const before = last.current;
    const total = virtualizer.getTotalSize();
    last.current = { id: lastId, count, total };
    if (!before || before.id === lastId || count <= before.count) return;
    const added = count - before.count;
    // Was the reader at the end before these rows grew the list? Measured now rather than
    // trusted from the last scroll event: a page that is not being painted (a background
    // tab) gets no scroll events (https://html.spec.whatwg.org/#run-the-scroll-steps).
    const bottom = list.current ? list.current.getBoundingClientRect().bottom - (total - before.total) : Infinity;
    if (bottom <= window.innerHeight + END_SLACK) {
      virtualizer.scrollToIndex(count - 1, { align: 'end' });
      setFollowed((n) => n + added);
      latest.current.onEndSeen?.();
    } else {
      setUnseen((n) => n + added);
    }
  }, [enabled, lastId, count, virtualizer]);

  const jump = useCallback(() => {
    virtualizer.scrollToIndex(count - 1, { align: 'end' });
    setUnseen(0);
    // Focus follows, so a keyboard user lands on what they were taken to (once the row is drawn).
    const focusNewest = (tries: number) =>
      requestAnimationFrame(() => {
        const row = list.current?.querySelector<HTMLElement>(`[data-index="${count - 1}"]`);
        if (row) row.focus({ preventScroll: true });
        else if (tries > 0) focusNewest(tries - 1);
      });
    focusNewest(10);
  }, [virtualizer, count, list]);

  return { unseen, followed, jump };
}
