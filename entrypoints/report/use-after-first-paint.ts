import { useEffect, useState } from 'react';

/**
 * True once the page has painted what it has: a frame, then a task after it
 * (the frame callback runs before that paint, the task after it;
 * https://html.spec.whatwg.org/multipage/webappapis.html#update-the-rendering).
 * Fifty images read and decoded before that would hold back the first paint of
 * the text (bench/report.mjs).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A tab opened in the background gets no frames until shown
    // (https://developer.mozilla.org/en-US/docs/Web/API/Window/requestAnimationFrame):
    // nothing is painted there to wait for, and printing must not hang.
    if (document.visibilityState === 'hidden') return setPainted(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
