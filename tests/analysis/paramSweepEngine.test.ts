// Param sweeps on the real engine, against Erlang C and against the capacity-planning lesson.
import { describe, expect, it } from 'vitest';
import { paramSweepJobs, planParamSweep } from '../../src/analysis/paramSweep.ts';
import { analyseParamSweep } from '../../src/analysis/paramSweepAnalysis.ts';
import { mmc } from '../../src/analysis/queueing.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import capacityPreset from '../../presets/capacity-planning.json';

function sweep(
  doc: ReturnType<typeof loadScenarioOrThrow>,
  path: string,
  from: number,
  to: number,
  seeds: number,
  slo: number,
) {
  const plan = planParamSweep(doc, [{ path, from, to, step: 1 }], seeds);
  const results = paramSweepJobs(plan).map((j) => runToEnd(j.doc, j.opts));
  return analyseParamSweep(plan, results, { sloP99Ms: slo });
}

describe('param sweep on the engine', () => {
  it('workers 4..8 of an M/M/c at 350 rps, 10 ms: mean latency as Erlang C says', () => {
    const doc = loadScenarioOrThrow({
      version: 1,
      seed: 1,
      durationS: 220,
      warmupS: 20,
      nodes: [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 350 } } },
        {
          id: 's',
          type: 'service',
          params: { serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
        },
      ],
      edges: [{ id: 'e', source: 'c', target: 's' }],
    });
    const a = sweep(doc, 'nodes.s.params.workers', 4, 8, 6, 1000);
    for (const p of a.points) {
      const c = p.values[0]!;
      const predicted = mmc(0.35, 0.1, c).W; // per-ms rates: λ = 0.35, μ = 0.1
      // Six seeds give a 95 % interval of the mean (±3 % at c = 4 where ρ = 0.875, ±0.3 % at
      // c = 8); Erlang C must lie inside it, widened by half for five comparisons at once.
      expect(p.meanHalfWidthMs / p.meanMs).toBeLessThan(0.04);
      expect(Math.abs(p.meanMs - predicted)).toBeLessThanOrEqual(1.5 * p.meanHalfWidthMs);
    }
  }, 120_000);

  // The preset at its peak (600 rps, no ramp), 100 s counted after 20 s of warm-up, two seeds.
  const peak = (crashed: boolean) => {
    type Raw = { id: string; params: Record<string, unknown> };
    const raw = structuredClone(capacityPreset) as unknown as { nodes: Raw[]; faults: unknown[] };
    Object.assign(raw, { durationS: 120, warmupS: 20 });
    // The lesson's question is p99 alone: the challenge's cost objective and its alerts (whose
    // automated responses change the replicas) would answer another one.
    for (const key of ['objectives', 'alerts', 'challenge'])
      delete (raw as Record<string, unknown>)[key];
    const node = (id: string) => raw.nodes.find((n) => n.id === id)!.params;
    node('traffic').arrival = { process: 'poisson', rps: 600 };
    delete node('traffic').profile;
    if (crashed) {
      // One replica down all run; the lesson's health check takes it out of rotation (in warm-up).
      raw.faults = [{ atS: 0, kind: 'crash', target: 'api', replicas: 1 }];
      node('lb').healthCheck = {
        intervalMs: 1000,
        timeoutMs: 500,
        unhealthyAfter: 3,
        healthyAfter: 2,
      };
    }
    return loadScenarioOrThrow(raw);
  };

  it('the capacity-planning preset needs 3 replicas at 600 rps for p99 ≤ 150 ms', () => {
    const a = sweep(peak(false), 'nodes.api.params.replicas', 2, 5, 2, 150);
    expect(a.best?.values).toEqual([3]);
    expect(a.points[0]?.meetsSlo).toBe(false); // 2 replicas: 8 workers for 9 erlangs
    expect(a.best?.p99Ms).toBeGreaterThan(60); // the work's own tail, about 80 ms
  }, 120_000);

  it('… and 4 with one replica crashed (N+1)', () => {
    const a = sweep(peak(true), 'nodes.api.params.replicas', 2, 5, 2, 150);
    expect(a.best?.values).toEqual([4]);
    expect(a.points[1]?.meetsSlo).toBe(false);
  }, 120_000);
});
