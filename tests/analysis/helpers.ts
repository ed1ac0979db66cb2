import type { NodeResult, SimResult } from '../../src/engine/types.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';

/** A loaded scenario from terse nodes and edges (`[source, target, extra?]`). */
export function design(
  nodes: Array<{ id: string; type: string; label?: string; params?: Record<string, unknown> }>,
  edges: Array<[string, string, Record<string, unknown>?]>,
  top: Record<string, unknown> = {},
): Scenario {
  return loadScenarioOrThrow({
    version: 1,
    name: 'test',
    seed: 1,
    durationS: 60,
    warmupS: 0,
    faults: [],
    ...top,
    nodes: nodes.map((n) => ({ params: {}, ...n })),
    edges: edges.map(([source, target, extra], i) => ({ id: `e${i}`, source, target, ...extra })),
  });
}

const latency = (mean: number, p99 = mean * 4.6) => ({
  mean,
  p50: mean * 0.7,
  p90: mean * 2.3,
  p95: mean * 3,
  p99,
  max: p99 * 2,
});

export function nodeResult(over: Partial<NodeResult> = {}): NodeResult {
  return {
    type: 'service',
    arrivals: 0,
    ok: 0,
    failed: 0,
    throughputRps: 0,
    utilization: 0,
    meanQueueLength: 0,
    latencyMs: latency(10),
    ...over,
  };
}

/** A SimResult with the figures a test cares about. */
export function fakeResult(over: {
  p50?: number;
  p99?: number;
  mean?: number;
  throughputRps?: number;
  errorRate?: number;
  nodes?: Record<string, Partial<NodeResult>>;
  seed?: number;
  durationS?: number;
}): SimResult {
  const mean = over.mean ?? 20;
  const lat = {
    ...latency(mean),
    ...(over.p50 !== undefined ? { p50: over.p50 } : {}),
    ...(over.p99 !== undefined ? { p99: over.p99 } : {}),
  };
  const durationS = over.durationS ?? 60;
  const thr = over.throughputRps ?? 100;
  const total = Math.round(thr * durationS);
  const failed = Math.round(total * (over.errorRate ?? 0));
  return {
    name: 'test',
    seed: over.seed ?? 1,
    durationS,
    warmupS: 0,
    events: total * 4,
    wallMs: 1,
    requests: { total, ok: total - failed, failed },
    throughputRps: thr,
    errorRate: over.errorRate ?? 0,
    latencyMs: lat,
    nodes: Object.fromEntries(
      Object.entries(over.nodes ?? {}).map(([id, n]) => [id, nodeResult(n)]),
    ),
    timeline: [],
  };
}
