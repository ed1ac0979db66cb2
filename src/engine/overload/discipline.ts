/**
 * A waiting line's discipline (the kinds' `discipline`, src/model/kinds/discipline.ts): which
 * waiting call a free worker takes, and which it drops unserved on the way.
 *
 * - Order: oldest first (FIFO), newest first (LIFO), or newest first only while more than
 *   `lifoAbove` wait (adaptive LIFO: under a standing queue the newest request is the one whose
 *   caller is most likely still waiting; Maurer, "Fail at Scale", ACM Queue 13(8), 2015).
 * - CoDel for request queues, as servers use it (Facebook's folly `Codel`, after Nichols and
 *   Jacobson, "Controlling Queue Delay", ACM Queue 10(5), 2012): time is cut into intervals;
 *   when the shortest wait seen over the last interval was above `target`, the line is standing,
 *   and each call taken that waited over 2 · target is dropped ('shed') instead of served.
 * - Dropping abandoned work: a call whose caller, or any caller above it, has given up (its
 *   timeout fired) is dropped ('timeout', which its caller already heard) instead of served.
 *
 * Drops are answered only after the worker is taken (`flush`), so an answer that comes straight
 * back in (a retry) finds the books in order.
 */
import type { Discipline as DisciplineParams } from '../../model/kinds/discipline.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import { SHED, TIMEOUT } from '../reasons.ts';

/** What a discipline needs of the line it serves. */
export interface WaitingLine {
  readonly queued: number;
  takeOldest(): number;
  takeNewest(): number;
}

/** How far up the callers a request is followed to see whether anyone still waits for it. */
const MAX_CALLER_DEPTH = 16;

export class Discipline {
  /** Calls dropped: in the window, since warm-up (counted requests only). */
  windowDropped = 0;
  dropped = 0;
  private intervalEnd = 0;
  private minWaitS = Infinity;
  private standing = false;
  private readonly drops: number[] = [];

  constructor(
    private readonly k: Kernel,
    public p: DisciplineParams,
  ) {}

  /** The next call to serve, dropping on the way what the discipline drops; null if none. */
  pick(line: WaitingLine): Call | null {
    const calls = this.k.pool.calls;
    const p = this.p;
    while (line.queued > 0) {
      const lifo = p.order === 'lifo' || (p.order === 'adaptiveLifo' && line.queued > p.lifoAbove);
      const c = calls[lifo ? line.takeNewest() : line.takeOldest()]!;
      if (p.dropAbandoned && this.abandoned(c)) this.drop(c, TIMEOUT);
      else if (p.codelTargetMs !== undefined && this.codelDrops(c, p.codelTargetMs / 1000))
        this.drop(c, SHED);
      else return c;
    }
    return null;
  }

  /** Answer the calls dropped by the last `pick`. */
  flush(): void {
    const drops = this.drops;
    while (drops.length > 0) {
      const reason = drops.pop()!;
      this.k.respond(this.k.pool.calls[drops.pop()!]!, reason);
    }
  }

  private drop(c: Call, reason: number): void {
    this.windowDropped++;
    if (c.counted) this.dropped++;
    this.drops.push(c.id, reason);
  }

  /** Nobody waits for `c`: its caller, or one above it, stopped waiting. */
  private abandoned(c: Call): boolean {
    const calls = this.k.pool.calls;
    let call = c;
    for (let depth = 0; depth < MAX_CALLER_DEPTH; depth++) {
      if (call.answered) return true;
      if (call.parent < 0) return false;
      const up = calls[call.parent];
      if (up === undefined || up.gen !== call.parentGen || up.killed) return true;
      call = up;
    }
    return false;
  }

  private codelDrops(c: Call, targetS: number): boolean {
    const now = this.k.now;
    const wait = now - c.arriveT;
    if (now >= this.intervalEnd) {
      this.standing = this.minWaitS > targetS;
      this.minWaitS = wait;
      this.intervalEnd = now + this.p.codelIntervalMs / 1000;
    } else if (wait < this.minWaitS) this.minWaitS = wait;
    return this.standing && wait > 2 * targetS;
  }
}
