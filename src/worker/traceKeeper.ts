/**
 * The run's kept traces on the worker's side, and what of them a metric frame carries. At Max a
 * 100-node design keeps several hundred traces a second; receiving them cost the page's main
 * thread about 2 % of a core (and their garbage), though the page shows them only while its
 * Traces view is open. So every frame says how many are kept (for the Traces button), and
 * carries the traces only while the page wants them: all that are kept when it starts wanting
 * them, then each frame's new ones, which the page adds with the same rule (keptTraces.ts).
 */
import type { Trace } from '../engine/tracing/types.ts';
import { keepTraces, MAX_KEPT } from './keptTraces.ts';
import type { MetricFrame } from './protocol.ts';

export class TraceKeeper {
  private kept: Trace[] = [];

  constructor(private readonly maxKept = MAX_KEPT) {}

  private wanted = false;
  /** The page has started wanting them: the next frame carries every kept trace. */
  private sendAll = false;

  /** A new run: none kept (the page empties its list on the run's first frame). */
  reset(): void {
    this.kept = [];
    this.sendAll = false;
  }

  /** Whether the page wants the traces now; true when it did not before. */
  want(on: boolean): boolean {
    const started = on && !this.wanted;
    this.wanted = on;
    if (started) this.sendAll = true;
    return started;
  }

  /** Keeps `fresh` and writes into `frame` what it carries of the traces. */
  fill(frame: MetricFrame, fresh: readonly Trace[] | null | undefined): void {
    if (fresh) this.kept = keepTraces(this.kept, fresh, this.maxKept);
    frame.tracesKept = this.kept.length;
    if (!this.wanted) return;
    if (this.sendAll) {
      this.sendAll = false;
      frame.traces = this.kept;
      frame.tracesAll = true;
    } else if (fresh && fresh.length > 0) frame.traces = [...fresh];
  }
}
