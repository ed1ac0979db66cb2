/**
 * A service's replicas as slots that can be added and removed at run time. A slot is OFF,
 * STARTING (provisioned, not yet serving: `startupS`), ACTIVE (serving) or DRAINING (removed:
 * takes no new work, finishes what it holds and what waits in its queue, then turns OFF).
 * Arrays are sized for the most replicas the service can ever have (`replicaSlots`), so
 * scaling allocates nothing. Capacity (available workers, for utilization and for queues that
 * push to this service) counts ACTIVE and DRAINING slots that are not crashed.
 */
import type { ServiceParams } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeStats } from '../metrics/nodeStats.ts';
import type { WorkerPool } from '../workerPool.ts';

export const OFF = 0;
export const STARTING = 1;
export const ACTIVE = 2;
export const DRAINING = 3;

/** Sub-event numbers the service forwards to its scaling parts (0 is the service's own). */
export const SUB_SCALE = 1;
export const SUB_READY = 2;

/**
 * The most replicas a service can have at once (array sizes; balancers' backends); `planned`:
 * the most its actions ask for (src/engine/actions.ts).
 */
export function replicaSlots(p: ServiceParams, planned = 0): number {
  return Math.max(planned, ownSlots(p));
}

function ownSlots(p: ServiceParams): number {
  const a = p.autoscale;
  if (a === undefined) return p.replicas;
  if (a.mode === 'scheduled') return Math.max(p.replicas, ...a.schedule.map((s) => s[1]));
  return Math.max(p.replicas, a.max);
}

/** Replicas serving at time 0. */
export function initialReplicas(p: ServiceParams): number {
  const a = p.autoscale;
  if (a === undefined) return p.replicas;
  if (a.mode === 'scheduled') {
    const first = [...a.schedule].sort((x, y) => x[0] - y[0])[0];
    return first !== undefined && first[0] <= 0 ? first[1] : p.replicas;
  }
  return Math.min(a.max, Math.max(a.min, p.replicas));
}

export interface SlotHost {
  readonly index: number;
  readonly workers: number;
  readonly pools: readonly WorkerPool[];
  readonly downR: Uint8Array;
  readonly stats: NodeStats;
}

export class ReplicaSlots {
  readonly state: Uint8Array;
  private readonly gen: Int32Array;
  /** Slots not OFF (what is paid for), with its time integral and peak. */
  provisioned = 0;
  private area = 0;
  private lastT = 0;
  peak = 0;

  constructor(
    private readonly k: Kernel,
    private readonly host: SlotHost,
    slots: number,
    initial: number,
  ) {
    this.state = new Uint8Array(slots);
    this.gen = new Int32Array(slots);
    for (let r = 0; r < initial; r++) this.state[r] = ACTIVE;
    this.provisioned = initial;
    this.peak = initial;
  }

  isActive(r: number): boolean {
    return this.state[r] === ACTIVE;
  }

  /** Does slot r's state give workers (ignoring crashes)? */
  serves(r: number): boolean {
    const s = this.state[r];
    return s === ACTIVE || s === DRAINING;
  }

  /** ACTIVE + STARTING: the count the scaler steers. */
  get target(): number {
    let n = 0;
    for (let r = 0; r < this.state.length; r++) {
      const s = this.state[r];
      if (s === ACTIVE || s === STARTING) n++;
    }
    return n;
  }

  /** ACTIVE and not crashed. */
  get up(): number {
    let n = 0;
    for (let r = 0; r < this.state.length; r++)
      if (this.state[r] === ACTIVE && this.host.downR[r] === 0) n++;
    return n;
  }

  /** Move towards `n` serving-or-starting replicas. */
  scaleTo(n: number, startupS: number): void {
    let have = this.target;
    // Up: take back draining replicas first (they are warm), then start new ones.
    for (let r = 0; r < this.state.length && have < n; r++)
      if (this.state[r] === DRAINING) {
        this.set(r, ACTIVE);
        have++;
      }
    for (let r = 0; r < this.state.length && have < n; r++)
      if (this.state[r] === OFF) {
        this.set(r, STARTING);
        this.gen[r]!++;
        this.k.scheduleNode(startupS, this.host.index, SUB_READY, r, this.gen[r]!);
        have++;
      }
    // Down: cancel starting replicas first, then drain the highest-numbered active ones.
    for (let r = this.state.length - 1; r >= 0 && have > n; r--)
      if (this.state[r] === STARTING) {
        this.gen[r]!++;
        this.set(r, OFF);
        have--;
      }
    for (let r = this.state.length - 1; r >= 0 && have > n; r--)
      if (this.state[r] === ACTIVE) {
        this.set(r, DRAINING);
        this.idle(r);
        have--;
      }
  }

  /** Operator drain of replica r (-1: the highest-numbered active one); false if none. */
  drain(r: number): boolean {
    let slot = r;
    if (slot < 0)
      for (let i = this.state.length - 1; i >= 0 && slot < 0; i--)
        if (this.state[i] === ACTIVE) slot = i;
    if (slot < 0 || slot >= this.state.length || this.state[slot] !== ACTIVE) return false;
    this.set(slot, DRAINING);
    this.idle(slot);
    return true;
  }

  /** A starting replica finished its start-up. */
  ready(r: number, gen: number): void {
    if (this.gen[r] === gen && this.state[r] === STARTING) this.set(r, ACTIVE);
  }

  /** After a replica freed a worker: a drained replica turns off. */
  idle(r: number): void {
    if (this.state[r] === DRAINING && this.host.pools[r]!.idle) this.set(r, OFF);
  }

  /** Time-average provisioned replicas since 0. */
  average(now: number): number {
    this.advance(now);
    return now > 0 ? this.area / now : this.provisioned;
  }

  private set(r: number, s: number): void {
    const before = this.serves(r);
    const wasOn = this.state[r] !== OFF;
    this.state[r] = s;
    const after = this.serves(r);
    if (before !== after && this.host.downR[r] === 0)
      this.host.stats.addCapacity(this.k.now, after ? this.host.workers : -this.host.workers);
    const isOn = s !== OFF;
    if (wasOn !== isOn) {
      this.advance(this.k.now);
      this.provisioned += isOn ? 1 : -1;
      if (this.provisioned > this.peak) this.peak = this.provisioned;
    }
  }

  private advance(t: number): void {
    this.area += this.provisioned * (t - this.lastT);
    this.lastT = t;
  }
}
