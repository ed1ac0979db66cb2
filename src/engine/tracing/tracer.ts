/**
 * The tracer: the kernel calls it when a request starts (`root`), when a traced call goes out
 * (`open`: a call whose `span` names a row of the hop store) and when a request ends (`finish`);
 * the steps between are written on the call's row itself (HopRow's hooks). Untraced calls have a
 * null span and cost one comparison per hook. Which requests are traced:
 *
 * - head sampling: request n is traced when a hash of (seed, n) falls below `sampleRate`: no
 *   draw from the simulation's random streams, so tracing never changes what the run does;
 * - tail capture: with `slowestPerWindow` or `failed`, every request is recorded while in
 *   flight, and kept at its end only if it failed, or was among the slowest of the window it
 *   ended in (held until that window is over). That recording is the tracer's cost: one row of
 *   the store per hop, a store per step, and the decision at the end, where a request that is
 *   neither head-sampled, failed nor slow enough costs one comparison and gives its rows back.
 *
 * Memory is bounded: the live hops by the store's capacity (a request that finds no room is not
 * traced, counted as dropped), the kept traces by `maxTraces` between two drains. A kept trace
 * becomes plain objects (`Trace`) once, when kept; nothing else is allocated per event.
 */
import type { Call } from '../call.ts';
import { HopStore, type HopRow } from './hopStore.ts';
import type { Trace, TraceReason, TracingCounts, TracingSettings } from './types.ts';

/** Live hop rows: enough for thousands of requests in flight at a few hops each. */
const LIVE_HOPS = 1 << 15;
/** A request starts being traced only with this many rows free, so its hops find room. */
const ROOM_PER_REQUEST = 64;

/** A uniform 32-bit integer from (seed, n): murmur3's finalizer over the mixed pair. */
function sampleHash(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) from (seed, n): request n is head-sampled when below the rate. */
export const sampleUnit = (seed: number, n: number): number => sampleHash(seed, n) / 4294967296;

/** The kernel as the tracer sees it: the clock, and the calls by id (HopStore.detach). */
interface TracedKernel {
  readonly now: number;
  readonly pool: { readonly calls: readonly Call[] };
}

export class Tracer {
  readonly store: HopStore;
  private readonly tail: boolean;
  /** Requests seen so far: the next one's number. */
  private seq = 0;
  private kept = 0;
  private dropped = 0;
  private out: Trace[] = [];
  /**
   * The slowest requests of the window `slowWindow` so far: their root rows, held (sealed, not
   * built) until the window is over or a slower one evicts them, and their latencies. Most
   * requests are not among them: one comparison with `slowMin` turns them away.
   */
  private readonly slowRow: HopRow[] = [];
  private readonly slowS: Float64Array;
  private slowCount = 0;
  /** How many are held (settings.slowestPerWindow). */
  private readonly slowMax: number;
  /** settings.failed, in a field of the tracer's own (one load, not two). */
  private readonly keepFailed: boolean;
  /** Every place is taken (false without tail capture of the slowest). */
  private slowFull = false;
  /** Once every place is taken: the fastest held one, which a request must beat to get in. */
  private slowMin = 0;
  private slowMinAt = 0;
  private slowWindow = -1;
  /** Where `slowWindow` ends: until then a request's window needs no division. */
  private slowWindowEnd = -Infinity;
  /** sampleRate as a bound on sampleUnit's 32-bit hash. */
  private readonly headBelow: number;
  /** What the tracer saw (the numbers live in fields: one increment each, no object read). */
  get counts(): TracingCounts {
    return { requests: this.seq, kept: this.kept, dropped: this.dropped };
  }

  constructor(
    private readonly clock: TracedKernel,
    readonly settings: TracingSettings,
    private readonly seed: number,
    private readonly windowS: number,
    capacity = LIVE_HOPS,
  ) {
    this.store = new HopStore(clock, capacity, clock.pool.calls);
    this.headBelow = settings.sampleRate * 4294967296;
    this.tail = settings.slowestPerWindow > 0 || settings.failed;
    this.slowMax = settings.slowestPerWindow;
    this.keepFailed = settings.failed;
    this.slowS = new Float64Array(settings.slowestPerWindow);
  }

  /** A client created root request `c`. */
  root(c: Call): void {
    const n = this.seq++;
    const head = sampleHash(this.seed, n) < this.headBelow;
    if (!head && !this.tail) return;
    if (this.store.room < ROOM_PER_REQUEST) {
      if (head) this.dropped++;
      return;
    }
    c.span = this.store.openRoot(c, n, head, c.counted);
  }

  /** `c` is about to go over its edge on behalf of the hop in row `parentSpan`: its row. */
  open(c: Call, parentSpan: HopRow): HopRow | null {
    return this.store.openHop(parentSpan, c);
  }

  /**
   * Root request `c` is over with `reason`: keep its trace or not, and free its rows. The common
   * case, a request neither head-sampled, failed nor among the slowest so far, costs a comparison
   * with the slowest held and one walk that gives its rows back.
   */
  finish(c: Call, reason: number): void {
    const r = c.span!;
    const now = this.clock.now;
    // Most requests: neither head-sampled, incomplete nor failed (or failures are not kept),
    // and not slower than the fastest of the window's slowest held so far. Their rows go back
    // as they are (nothing reads a discarded root's end); the rest is out of line, so that
    // what V8 inlines into the engine's request path stays small.
    if (
      this.slowFull &&
      !r.head &&
      !r.incomplete &&
      (reason === 0 || !this.keepFailed) &&
      now < this.slowWindowEnd &&
      now - r.sendS <= this.slowMin
    ) {
      return this.store.discard(r);
    }
    this.store.close(r, reason);
    this.decide(r, reason);
  }

  /** `finish` for a request that may be kept. */
  private decide(r: HopRow, reason: number): void {
    const s = this.store;
    if (r.incomplete) {
      if (r.head || reason !== 0) this.dropped++;
      return s.discard(r);
    }
    const why: TraceReason | null = r.head
      ? 'head'
      : reason !== 0 && this.settings.failed
        ? 'failed'
        : null;
    if (why === null) {
      if (this.slowMax === 0 || !this.offerSlow(r)) return s.discard(r);
      return s.detach(r); // held until its window is over
    }
    s.detach(r);
    this.keep(s.build(r, why));
    s.release(r);
  }

  /**
   * The traces kept since the last call: with them the slowest of a window that is over (even
   * when no later request has ended to close it, as in an outage) and, with `end`, of the last.
   */
  drain(end = false): Trace[] {
    if (end || Math.floor(this.clock.now / this.windowS) !== this.slowWindow) this.flushSlow();
    const out = this.out;
    this.out = [];
    return out;
  }

  /** A candidate for the slowest of its window: held (true) until the window is over, or not. */
  private offerSlow(r: HopRow): boolean {
    const s = this.store;
    const now = this.clock.now;
    if (now >= this.slowWindowEnd) {
      const w = Math.floor(now / this.windowS);
      if (w !== this.slowWindow) {
        this.flushSlow();
        this.slowWindow = w;
      }
      this.slowWindowEnd = (w + 1) * this.windowS;
    }
    const latency = r.answerS - r.sendS;
    let i = this.slowCount;
    if (i === this.slowMax) {
      if (latency <= this.slowMin) return false;
      i = this.slowMinAt;
      s.release(this.slowRow[i]!);
    } else this.slowCount++;
    this.slowRow[i] = r;
    this.slowS[i] = latency;
    if (this.slowCount === this.slowMax) this.findSlowMin();
    this.slowFull = this.slowCount === this.slowMax;
    return true;
  }

  private findSlowMin(): void {
    let min = 0;
    for (let i = 1; i < this.slowCount; i++) if (this.slowS[i]! < this.slowS[min]!) min = i;
    this.slowMinAt = min;
    this.slowMin = this.slowS[min]!;
  }

  /** Keep the held candidates, oldest request first, and free their rows. */
  private flushSlow(): void {
    const n = this.slowCount;
    if (n === 0) return;
    const s = this.store;
    s.sortBySeq(this.slowRow, n);
    for (let i = 0; i < n; i++) {
      const r = this.slowRow[i]!;
      this.keep(s.build(r, 'slow'));
      s.release(r);
    }
    this.slowCount = 0;
    this.slowFull = false;
  }

  private keep(t: Trace): void {
    if (this.out.length >= this.settings.maxTraces) {
      this.dropped++;
      return;
    }
    this.kept++;
    this.out.push(t);
  }
}
