/**
 * Random failures of one node (a `failures` fault): each replica alternates between up, for an
 * exponential draw of mean `mtbfS`, and down, for a draw of mean `mttrS`, independently of the
 * others; with `zoneMtbfS`, zone outages take every replica down at once (a correlated failure),
 * lasting a draw of mean `zoneMttrS`. The draws come from a stream of the fault's own, so the
 * clients' traffic is the same with and without it. Events go through the fault queue entry
 * (EV_FAULT, a = fault index, b = TICK + replica; the zone is replica `replicas`).
 *
 * The engine takes replicas down by count (a crash of k takes replicas 0..k−1), so which replica
 * is down may differ from the one drawn; replicas are alike, so the number down is what matters.
 */
import type { Fault } from '../../model/types.ts';
import { EV_FAULT, type Kernel } from '../kernel.ts';
import { Rng, streamSeed } from '../rng.ts';

/** Fault event codes from here up are a failure process's own (0 end, 1 start). */
export const TICK = 2;
/** The stream numbers of failure processes, past any client's (2 × node index + 1). */
const STREAM_BASE = 0x4000_0000;

export class FailureProcess {
  private readonly down: Uint8Array;
  private readonly rng: Rng;
  private active = false;
  private downCount = 0;
  private readonly mtbfS: number;
  private readonly mttrS: number;
  private readonly zoneMtbfS: number | undefined;
  private readonly zoneMttrS: number;

  constructor(
    private readonly k: Kernel,
    private readonly faultIndex: number,
    readonly replicas: number,
    f: Fault,
    defaults: { mtbfS: number; mttrS: number },
  ) {
    this.down = new Uint8Array(replicas + 1);
    this.rng = new Rng(streamSeed(k.rng.seed, STREAM_BASE + faultIndex));
    this.mtbfS = f.mtbfS ?? defaults.mtbfS;
    this.mttrS = f.mttrS ?? defaults.mttrS;
    this.zoneMtbfS = f.zoneMtbfS;
    this.zoneMttrS = f.zoneMttrS ?? this.mttrS;
  }

  /** Replicas down now (every one while the zone is out). */
  get replicasDown(): number {
    return this.down[this.replicas] === 1 ? this.replicas : this.downCount;
  }

  start(): void {
    this.active = true;
    for (let r = 0; r < this.replicas; r++) this.schedule(r, this.mtbfS);
    if (this.zoneMtbfS !== undefined) this.schedule(this.replicas, this.zoneMtbfS);
  }

  /** The fault is over: every replica is repaired now and no more failures come. */
  stop(): void {
    this.active = false;
    this.down.fill(0);
    this.downCount = 0;
  }

  /** Replica `r` (or the zone) fails or is repaired now; false when the fault is over. */
  tick(r: number): boolean {
    if (!this.active) return false;
    const zone = r === this.replicas;
    const wasDown = this.down[r] === 1;
    this.down[r] = wasDown ? 0 : 1;
    if (!zone) this.downCount += wasDown ? -1 : 1;
    const mean = wasDown
      ? zone
        ? this.zoneMtbfS!
        : this.mtbfS
      : zone
        ? this.zoneMttrS
        : this.mttrS;
    this.schedule(r, mean);
    return true;
  }

  private schedule(r: number, meanS: number): void {
    const q = this.k.queue;
    q.at = this.k.now - Math.log(1 - this.rng.next()) * meanS;
    q.pushAt(EV_FAULT, this.faultIndex, TICK + r, 0);
  }
}
