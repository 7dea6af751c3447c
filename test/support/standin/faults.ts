/**
 * Ways a request can fail on its way to or from the database:
 * - `error500` / `error503`: an error answer before anything touched the database;
 * - `error500-after-commit`: the request runs and commits, then the answer is a 500,
 *   so the client cannot tell it succeeded (it must retry idempotently);
 * - `drop`: the socket is destroyed with no answer, before the database;
 * - `drop-after-commit`: the request commits, then the socket is destroyed;
 * - `delay`: the request is served after `delayMs`;
 * - `timeout`: no answer ever; the socket stays open until the client gives up.
 */
export type FaultKind = 'error500' | 'error503' | 'error500-after-commit' | 'drop' | 'drop-after-commit' | 'delay' | 'timeout';

export interface FaultPlan {
  /** Probability (0..1) that a matching request gets a fault. */
  rate: number;
  /** The kinds to choose from, uniformly. */
  kinds: FaultKind[];
  /** For `delay`; default 250 ms. */
  delayMs?: number;
  /** Only requests whose path (with query) matches; default every request. */
  paths?: RegExp;
  /** PRNG seed, so a run is repeatable; default 1. */
  seed?: number;
}

export interface Fault {
  kind: FaultKind;
  delayMs: number;
}

const DEFAULT_DELAY_MS = 250;

/** mulberry32: a tiny, well-distributed 32-bit PRNG (public domain, Tommy Ettinger). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Decides, per request, whether and how the stand-in misbehaves. One-shot
 * faults queued with `next()` come first (in order), then the random plan.
 * Preflight (OPTIONS) requests are never faulted: browsers handle them apart.
 */
export class FaultInjector {
  private plan: FaultPlan | undefined;
  private random: () => number = mulberry32(1);
  private readonly queued: { kind: FaultKind; paths?: RegExp; delayMs: number }[] = [];
  /** How many faults have been injected so far (tests assert the faults really happened). */
  injected = 0;

  set(plan: FaultPlan): void {
    if (plan.rate < 0 || plan.rate > 1) throw new RangeError(`fault rate must be within 0..1, got ${plan.rate}`);
    if (plan.kinds.length === 0) throw new RangeError('fault plan needs at least one kind');
    this.plan = plan;
    this.random = mulberry32(plan.seed ?? 1);
  }

  /** Removes the plan and any queued one-shot faults. */
  clear(): void {
    this.plan = undefined;
    this.queued.length = 0;
  }

  /** Injects `kind` once, on the next request whose path matches `options.paths` (default: any). */
  next(kind: FaultKind, options: { paths?: RegExp; delayMs?: number } = {}): void {
    this.queued.push({ kind, paths: options.paths, delayMs: options.delayMs ?? DEFAULT_DELAY_MS });
  }

  /** Called by the server for each request; consumes a queued fault when one matches. */
  decide(method: string, path: string): Fault | undefined {
    if (method === 'OPTIONS') return undefined;
    const index = this.queued.findIndex((q) => !q.paths || matches(q.paths, path));
    if (index >= 0) {
      const [queued] = this.queued.splice(index, 1);
      this.injected += 1;
      return { kind: queued!.kind, delayMs: queued!.delayMs };
    }
    const plan = this.plan;
    if (!plan || (plan.paths && !matches(plan.paths, path))) return undefined;
    if (this.random() >= plan.rate) return undefined;
    const kind = plan.kinds[Math.floor(this.random() * plan.kinds.length)]!;
    this.injected += 1;
    return { kind, delayMs: plan.delayMs ?? DEFAULT_DELAY_MS };
  }
}

function matches(pattern: RegExp, path: string): boolean {
  pattern.lastIndex = 0; // a /g or /y pattern keeps state between test() calls
  return pattern.test(path);
}
