/** The snapshot: the contract's SimResult from the kernel's counters. */
import type { Kernel } from '../kernel.ts';
import { reasonCounts } from '../reasons.ts';
import type { EdgeResult, NodeResult, SimResult } from '../types.ts';
import { r4, summarize } from './summary.ts';
import type { Windows } from './windows.ts';

export interface RunMeta {
  name: string;
  seed: number;
  durationS: number;
  warmupS: number;
  truncated?: SimResult['truncated'];
}

export function buildResult(k: Kernel, windows: Windows, meta: RunMeta): SimResult {
  const t = k.now;
  const span = Math.max(0, t - k.warmupS);
  const run = k.global.run;
  const total = run.ok + run.failed;
  const nodes: Record<string, NodeResult> = {};
  for (const node of k.nodes) {
    const s = node.stats;
    const avg = s.averages(Math.max(t, k.warmupS));
    const r: NodeResult = {
      type: node.type,
      arrivals: s.arrivals,
      ok: s.ok,
      failed: s.failed,
      throughputRps: span > 0 ? r4(s.ok / span) : 0,
      utilization: r4(avg.utilization),
      meanQueueLength: r4(avg.meanQueueLength),
      latencyMs: summarize(s.settledHist()),
    };
    if (s.failed > 0) r.errors = reasonCounts(s.errors);
    node.describe(r, false);
    k.policy.describeNode?.(node.index, r, false);
    s.byClass?.describe(r, false);
    k.uptimes[node.index]?.describe(r, false);
    nodes[node.id] = r;
  }
  const edges: Record<string, EdgeResult> = {};
  for (const e of k.edges) {
    const r: EdgeResult = { calls: e.calls, failed: e.failed };
    k.policy.describeEdge?.(e, r, false);
    const breaker = k.policy.edgeState?.(e);
    if (breaker !== undefined) r.breaker = breaker;
    edges[e.id] = r;
  }
  const result: SimResult = {
    name: meta.name,
    seed: meta.seed,
    durationS: meta.durationS,
    warmupS: meta.warmupS,
    events: k.events,
    wallMs: 0,
    requests: { total, ok: run.ok, failed: run.failed },
    throughputRps: span > 0 ? r4(run.ok / span) : 0,
    errorRate: total > 0 ? r4(run.failed / total) : 0,
    latencyMs: summarize(k.global.settledRun()),
    nodes,
    timeline: windows.timeline.slice(),
    errors: reasonCounts(run.errors),
    goodputRps: span > 0 ? r4((run.ok - run.notGood) / span) : 0,
    retries: run.retries,
    fallbacks: run.fallbacks,
    edges,
  };
  if (k.global.byClass !== null) {
    const byClass: Pick<NodeResult, 'classes'> = {};
    k.global.byClass.describe(byClass as NodeResult, false);
    result.classes = byClass.classes!;
  }
  if (k.global.byRegion !== null) result.regions = k.global.byRegion.result(t);
  if (meta.truncated !== undefined) result.truncated = meta.truncated;
  return result;
}
