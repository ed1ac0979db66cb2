/**
 * `sim --traces OUT.json`: the traces kept over the run, collected up to the document's
 * `tracing.maxTraces` in all (a bound on the file, whatever the run's length), as OTLP JSON.
 */
import { toOtlp } from '../engine/tracing/otlp.ts';
import type { Trace, TracingSettings } from '../engine/tracing/types.ts';
import type { Scenario } from '../model/types.ts';

export class TraceCollector {
  private readonly traces: Trace[] = [];
  private dropped = 0;

  constructor(private readonly settings: TracingSettings | undefined) {}

  add(batch: Trace[] | null | undefined): void {
    if (!batch || this.settings === undefined) return;
    const room = Math.max(0, this.settings.maxTraces - this.traces.length);
    this.traces.push(...batch.slice(0, room));
    this.dropped += Math.max(0, batch.length - room);
  }

  otlp(doc: Scenario): string {
    return JSON.stringify(
      toOtlp(this.traces, {
        scenario: doc.name,
        seed: doc.seed,
        nodes: doc.nodes.map((n) => n.id),
        edges: doc.edges.map((e) => e.id),
      }),
    );
  }

  summary(file: string): string {
    const why = (w: string): number => this.traces.filter((t) => t.why === w).length;
    const extra = this.dropped > 0 ? `; ${this.dropped} more over tracing.maxTraces left out` : '';
    return `wrote ${this.traces.length} traces to ${file} (${why('head')} sampled, ${why('slow')} slowest, ${why('failed')} failed)${extra}`;
  }
}
