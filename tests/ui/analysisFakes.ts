// Plain-object runners for the analysis panels (no Web Workers in jsdom), and results built
// from the job's document so each test can predict what the panel must show.
import { vi } from 'vitest';
import type { RunJob } from '../../src/analysis/run.ts';
import type { SimResult } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/model/types.ts';
import type { RunnerPoolFactory } from '../../src/ui/analysis/runners.ts';
import preset from '../../presets/load-balancing.json';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

export const lbDoc = (): Scenario => loadScenarioOrThrow(preset);

export function fakeResult(
  seed: number,
  f: { p50: number; p99: number; rps: number; errorRate?: number; util?: Record<string, number> },
): SimResult {
  const counted = 100;
  const total = Math.round(f.rps * counted);
  const failed = Math.round(total * (f.errorRate ?? 0));
  const lat = (p50: number, p99: number) => ({
    mean: p50 * 1.2,
    p50,
    p90: (p50 + p99) / 2,
    p95: (p50 + p99 * 2) / 3,
    p99,
    max: p99 * 2,
  });
  const nodes: SimResult['nodes'] = {};
  for (const [id, utilization] of Object.entries(f.util ?? {})) {
    nodes[id] = {
      type: 'service',
      arrivals: total,
      ok: total - failed,
      failed,
      throughputRps: f.rps,
      utilization,
      meanQueueLength: 0,
      latencyMs: lat(f.p50, f.p99),
    };
  }
  return {
    name: 'fake',
    seed,
    durationS: counted,
    warmupS: 0,
    events: 0,
    wallMs: 0,
    requests: { total, ok: total - failed, failed },
    throughputRps: f.rps,
    errorRate: f.errorRate ?? 0,
    latencyMs: lat(f.p50, f.p99),
    nodes,
    timeline: [1, 2, 3].map((tS) => ({
      tS,
      throughputRps: f.rps,
      errorRate: 0,
      latencyMs: { p50: f.p50, p99: f.p99 },
    })),
  };
}

export function clientRps(doc: Scenario): number {
  const c = doc.nodes.find((n) => n.type === 'client');
  return c?.type === 'client' && c.params.arrival.process !== 'closed' ? c.params.arrival.rps : 0;
}

export function replicasOf(doc: Scenario, id = 'api'): number {
  const n = doc.nodes.find((x) => x.id === id);
  return n?.type === 'service' ? n.params.replicas : NaN;
}

/**
 * A factory of pools whose runners answer with `answer(job)`; with `gated` each run waits
 * until the test releases it. Records every job and every terminate.
 */
export function fakePools(answer: (job: RunJob) => SimResult, gated = false) {
  const jobs: RunJob[] = [];
  const waiting: Array<() => void> = [];
  const rejects: Array<(e: unknown) => void> = [];
  // Like the worker pool: terminating rejects the runs in flight.
  const terminate = vi.fn(() => {
    for (const r of rejects.splice(0)) r(new DOMException('Cancelled', 'AbortError'));
  });
  const factory: RunnerPoolFactory = (size) => ({
    runners: Array.from({ length: size }, () => ({
      run: async (job: RunJob) => {
        jobs.push(job);
        if (gated)
          await new Promise<void>((resolve, reject) => {
            waiting.push(resolve);
            rejects.push(reject);
          });
        return answer(job);
      },
    })),
    terminate,
  });
  const releaseOne = () => waiting.shift()?.();
  return { factory, jobs, terminate, releaseOne, waiting };
}
