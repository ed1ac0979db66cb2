/** An edge at run time: its sampler, its policy settings and the state faults put on it. */
import type { ScenarioEdge } from '../model/types.ts';
import { Sampler } from './dists.ts';
import type { Rng } from './rng.ts';

export class EdgeRuntime {
  latency: Sampler;
  timeoutS: number;
  // Fault state, recomputed from the active faults.
  addMs = 0;
  loss = 0;
  partitioned = false;
  /** Replication lag added by a `lag` fault (for the database behaviour). */
  lagMs = 0;
  /** The one-way latency between its ends' regions; null inside one region, so a design
   *  without regions draws exactly the numbers it drew before regions existed. */
  region: Sampler | null = null;
  // Counters for the current window and the run.
  wCalls = 0;
  wFailed = 0;
  calls = 0;
  failed = 0;

  constructor(
    readonly index: number,
    public doc: ScenarioEdge,
    readonly source: number,
    readonly target: number,
    private readonly rng: Rng,
  ) {
    this.latency = new Sampler(doc.latencyMs, rng);
    this.timeoutS = doc.timeoutMs !== undefined ? doc.timeoutMs / 1000 : 0;
  }

  /** Live fields (src/engine/actions.ts); the caller policies are retuned by the policy. */
  retune(doc: ScenarioEdge): void {
    if (doc.latencyMs !== this.doc.latencyMs) this.latency = new Sampler(doc.latencyMs, this.rng);
    this.timeoutS = doc.timeoutMs !== undefined ? doc.timeoutMs / 1000 : 0;
    this.doc = doc;
  }

  get id(): string {
    return this.doc.id;
  }

  get weight(): number {
    return this.doc.weight;
  }

  /** One-way latency in seconds, or 0 without drawing when the edge is instantaneous. */
  oneWayS(): number {
    if (this.addMs === 0 && this.latency.isZero && this.region === null) return 0;
    const regionMs = this.region === null ? 0 : this.region.sample();
    return (this.latency.sample() + this.addMs + regionMs) / 1000;
  }

  /** One replication delay in ms: the edge's lag, a `lag` fault's, and the regions' distance. */
  lagDrawMs(): number {
    const regionMs = this.region === null ? 0 : this.region.sample();
    return this.latency.sample() + this.lagMs + regionMs;
  }
}
