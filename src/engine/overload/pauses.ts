/**
 * Stop-the-world pauses (the `pause` fault): every `everyS` seconds the node stops for `pauseS`,
 * plus `perRequestS` for each request present at the node when the pause starts (a collector
 * whose work grows with the live heap, which grows with the backlog: the GC death spiral, where
 * longer pauses build a longer backlog that makes the next pause longer still); no request in
 * service makes progress meanwhile, and arrivals wait. For a node whose service
 * times are drawn once (no load dependence), the pauses are paid lazily: a request's completion
 * event, when it fires, asks how much paused time P has passed since the request's mark, and if
 * any, the request still owes that much work and is rescheduled (after the pause, if one is on).
 * Before the first pause P is 0, so calls started earlier need no mark: the marks array is only
 * written once a pause has been set, and a node never paused pays nothing.
 */
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';

/** The node's own event numbers for the pause ticks (below 16, above the kinds' own). */
export const SUB_PAUSE_START = 4;
export const SUB_PAUSE_END = 5;

export class Pauses {
  paused = false;
  /** Paused seconds before the current pause. */
  private total = 0;
  private startT = 0;
  private endT = 0;
  private everyS = 0;
  private pauseS = 0;
  private perRequestS = 0;
  /** Bumped when the schedule changes: a start tick of an older schedule is void. */
  private epoch = 0;
  /** Bumped at every (re)start of a pause: an end tick of an extended pause is void. */
  private serial = 0;
  private mark = new Float64Array(256);

  constructor(
    private readonly k: Kernel,
    private readonly node: number,
    /** A pause began or ended (a load clock re-times its work). */
    private readonly onChange: () => void,
    /** The requests present at the node now (waiting or in service). */
    private readonly present: () => number,
  ) {}

  /** The active pause fault's schedule (null: none): the first pause starts now. */
  set(everyS: number, pauseS: number, perRequestS: number): void {
    this.epoch++;
    this.everyS = everyS;
    this.pauseS = pauseS;
    this.perRequestS = perRequestS;
    if (everyS > 0) this.begin();
  }

  onEvent(sub: number, b: number): void {
    if (sub === SUB_PAUSE_START) {
      if (b === this.epoch) this.begin();
    } else if (b === this.serial && this.paused) {
      this.total += this.endT - this.startT;
      this.paused = false;
      this.onChange();
    }
  }

  /** `c` starts its work now. */
  markStart(c: Call): void {
    this.setMark(c.id, this.pausedSoFar());
  }

  /**
   * `c`'s completion event fired: true when pauses since its mark still owe work, in which case
   * its completion has been rescheduled with (`sub`, id, gen) for after what it owes.
   */
  owes(c: Call, sub: number): boolean {
    const now = this.k.now;
    const p = this.pausedSoFar();
    const owed = p - (c.id < this.mark.length ? this.mark[c.id]! : 0);
    if (owed <= 1e-12 && !this.paused) return false;
    const resume = this.paused ? this.endT - now : 0;
    this.setMark(c.id, p + resume);
    this.k.scheduleNode(resume + Math.max(0, owed), this.node, sub, c.id, c.gen);
    return true;
  }

  private setMark(id: number, p: number): void {
    if (id >= this.mark.length) {
      let n = this.mark.length;
      while (n <= id) n *= 2;
      const grown = new Float64Array(n);
      grown.set(this.mark);
      this.mark = grown;
    }
    this.mark[id] = p;
  }

  private pausedSoFar(): number {
    return this.total + (this.paused ? this.k.now - this.startT : 0);
  }

  private begin(): void {
    const now = this.k.now;
    const wasPaused = this.paused;
    const length =
      this.perRequestS > 0 ? this.pauseS + this.perRequestS * this.present() : this.pauseS;
    if (wasPaused) {
      // A new schedule, or a pause due while one is still on: it runs to the later end.
      this.endT = Math.max(this.endT, now + length);
    } else {
      this.paused = true;
      this.startT = now;
      this.endT = now + length;
    }
    this.k.scheduleNode(this.endT - now, this.node, SUB_PAUSE_END, 0, ++this.serial);
    this.k.scheduleNode(this.everyS, this.node, SUB_PAUSE_START, 0, this.epoch);
    if (!wasPaused) this.onChange();
  }
}
