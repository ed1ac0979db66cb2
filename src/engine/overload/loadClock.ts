/**
 * The work clock of a node whose service slows with its load (`loadDependence`): each request
 * in service holds an amount of base work (ms, drawn from the service-time distribution) and
 * makes progress at 1 / factor, where the factor is the load-dependent slowdown at its replica
 * now, times the node's slow and cpu faults (Infinity while a pause stops the world). Whenever a
 * replica's load changes, every request in service there is re-timed: what it did at the old
 * speed is taken off, and its completion is rescheduled at the new speed.
 *
 * With exponential work this makes a single replica exactly a birth-death chain (the remaining
 * work of an exponential is exponential whatever the speed was), which is what the test checks.
 * A stale completion event is told apart by a stamp per call id, bumped at every re-timing, so
 * re-timing cancels nothing in the event list. Only a node configured with load dependence
 * builds one: a node without it keeps its one-event-per-request path.
 */
import { loadFactor, loadOf, type LoadDependence } from '../../model/kinds/loadDependence.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import type { WorkerPool } from '../workerPool.ts';

export class LoadClock {
  /** By call id: base work left (ms) as of `since`, the speed since then, the live stamp. */
  private left = new Float64Array(256);
  private since = new Float64Array(256);
  private speed = new Float64Array(256);
  private stamp = new Int32Array(256);
  /** By call id: when its work began and how much base work it had, for the slowdown figure. */
  private began = new Float64Array(256);
  private work = new Float64Array(256);
  /** Slowdowns (elapsed / base work) summed over work finished: in the window, since warm-up. */
  private windowSum = 0;
  private windowDone = 0;
  private totalSum = 0;
  private totalDone = 0;

  constructor(
    private readonly k: Kernel,
    private readonly node: number,
    private readonly sub: number,
    public ld: LoadDependence,
  ) {}

  /** `c` has just taken a worker in `pool` with `workMs` of base work: time every holder. */
  begin(c: Call, pool: WorkerPool, workMs: number, outside: number): void {
    const id = c.id;
    if (id >= this.left.length) this.grow(id);
    this.left[id] = workMs;
    this.work[id] = workMs > 0 ? workMs : 1e-9;
    this.began[id] = this.k.now;
    this.since[id] = this.k.now;
    this.speed[id] = 0;
    this.retime(pool, outside);
  }

  /**
   * The completion event (a = id, b = stamp): the call, if the event is still its latest; its
   * work is then over (it may still hold its worker, blocked on its own calls).
   */
  due(a: number, b: number): Call | null {
    if (this.stamp[a] !== b) return null;
    const c = this.k.pool.calls[a]!;
    if (c.killed || c.slot < 0 || c.node !== this.node) return null;
    const slowdown = ((this.k.now - this.began[a]!) * 1000) / this.work[a]!;
    this.windowSum += slowdown;
    this.windowDone++;
    if (c.counted) {
      this.totalSum += slowdown;
      this.totalDone++;
    }
    this.end(a);
    return c;
  }

  /** Call `id` stops working (done, or its replica crashed): its pending event is void. */
  end(id: number): void {
    if (id >= this.stamp.length) return;
    this.stamp[id] = (this.stamp[id]! + 1) | 0;
    this.left[id] = -1;
  }

  /**
   * The mean slowdown (elapsed / base work) of the work finished in the window just closed
   * (`window`, then the window's sums restart) or since warm-up; undefined when none finished.
   */
  slowdown(window: boolean): number | undefined {
    const sum = window ? this.windowSum : this.totalSum;
    const n = window ? this.windowDone : this.totalDone;
    if (window) {
      this.windowSum = 0;
      this.windowDone = 0;
    }
    return n > 0 ? sum / n : undefined;
  }

  /**
   * The load at `pool` changed (or the factor from outside: `outside` multiplies the slowdown,
   * Infinity stops all progress): re-time every request in service there.
   */
  retime(pool: WorkerPool, outside: number): void {
    const now = this.k.now;
    const factor =
      outside * loadFactor(this.ld, loadOf(this.ld.on, pool.busy, pool.queued, pool.workers));
    const speed = factor === Infinity ? 0 : 1 / factor;
    for (let i = 0; i < pool.busy; i++) {
      const id = pool.holderAt(i);
      if (this.left[id]! < 0) continue; // its work is done: it waits on its own calls
      const old = this.speed[id]!;
      if (old === speed && old !== 0) continue; // same speed: its event stands
      const done = (now - this.since[id]!) * 1000 * old;
      const left = this.left[id]! - done;
      this.left[id] = left > 0 ? left : 0;
      this.since[id] = now;
      this.speed[id] = speed;
      const s = (this.stamp[id] = (this.stamp[id]! + 1) | 0);
      if (speed > 0)
        this.k.scheduleNode((this.left[id]! * factor) / 1000, this.node, this.sub, id, s);
    }
  }

  private grow(id: number): void {
    let n = this.left.length;
    while (n <= id) n *= 2;
    const grown = <T extends Float64Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.left = grown(this.left, new Float64Array(n));
    this.since = grown(this.since, new Float64Array(n));
    this.speed = grown(this.speed, new Float64Array(n));
    this.stamp = grown(this.stamp, new Int32Array(n));
    this.began = grown(this.began, new Float64Array(n));
    this.work = grown(this.work, new Float64Array(n));
  }
}
