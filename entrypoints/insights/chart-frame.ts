/**
 * Every chart draws in a 360-wide viewBox (the side panel's width) and scales
 * with width: 100%, so 11 px labels stay legible from 360 px up.
 */
export const WIDTH = 360;
export const HEIGHT = 180;
export const MARGIN = { top: 8, right: 8, bottom: 22, left: 40 };
export const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };

/** Show every n-th bucket label so at most `max` fit ("30 Nov" is about 34 px at 11 px). */
export function labelStep(count: number, max = 6): number {
  return Math.max(1, Math.ceil(count / max));
}
