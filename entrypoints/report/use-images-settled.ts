import { useCallback, useRef, useState } from 'react';

/**
 * Counts images that have finished, one way or the other: decoded, failed to
 * decode, or not on this device. Each image settles once (by event id), so a
 * StrictMode double effect or a re-render never counts twice.
 */
export function useImagesSettled(total: number): { ready: boolean; settle: (eventId: string) => void } {
  const settled = useRef(new Set<string>());
  const [count, setCount] = useState(0);
  const settle = useCallback((eventId: string) => {
    if (settled.current.has(eventId)) return;
    settled.current.add(eventId);
    setCount(settled.current.size);
  }, []);
  return { ready: count >= total, settle };
}
