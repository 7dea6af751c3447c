import { z } from 'zod';

/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014).
 *
 * Encoded as `wall-counter-node` with fixed widths so that plain string
 * comparison orders timestamps: 15 decimal digits of milliseconds, 5 of
 * counter, then the node id as the tiebreak between devices.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;
const HLC_PATTERN = /^(\d{15})-(\d{5})-([0-9a-z]{1,32})$/;

export const hlcSchema = z.string().regex(HLC_PATTERN, 'Not a hybrid logical clock timestamp');
export const nodeIdSchema = z.string().regex(/^[0-9a-z]{1,32}$/);

export function formatHlc({ wall, counter, node }: Hlc): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  if (!m) throw new Error(`Not a hybrid logical clock timestamp: ${JSON.stringify(text)}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

// When the counter would overflow, borrow a millisecond from the future rather
// than wrap: ordering must stay strictly increasing.
function normalise(wall: number, counter: number, node: string): Hlc {
  return counter > COUNTER_MAX ? { wall: wall + 1, counter: 0, node } : { wall, counter, node };
}

/** Timestamp for a local event: strictly after `previous`, never behind `nowMs`. */
export function tick(previous: Hlc | null, nowMs: number, node: string): Hlc {
  const now = Math.floor(nowMs);
  if (!previous || now > previous.wall) return { wall: now, counter: 0, node };
  return normalise(previous.wall, previous.counter + 1, node);
}

/** Advance the local clock past a remote timestamp (an event pulled from the team). */
export function receive(previous: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const now = Math.floor(nowMs);
  const prevWall = previous?.wall ?? 0;
  const wall = Math.max(prevWall, remote.wall, now);
  let counter: number;
  if (wall === prevWall && wall === remote.wall) counter = Math.max(previous!.counter, remote.counter) + 1;
  else if (wall === prevWall) counter = previous!.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  return normalise(wall, counter, node);
}
