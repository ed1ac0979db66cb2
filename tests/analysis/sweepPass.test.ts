import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { planSweepJobs, readSweep } from '../../src/ui/analysis/sweepReport.ts';
import { design } from './helpers.ts';

const mm1 = (objectives?: unknown[]) =>
  design(
    [
      { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 50 } } },
      {
        id: 'api',
        type: 'service',
        params: { serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
      },
    ],
    [['c', 'api']],
    objectives ? { objectives } : {},
  );

function sweep(doc: ReturnType<typeof mm1>) {
  const inputs = {
    fromPct: 50,
    toPct: 190,
    stepPct: 70,
    baseRps: 50,
    sloP99Ms: 200,
    durationS: 30,
  };
  const jobs = planSweepJobs(doc, inputs);
  return readSweep(
    doc,
    jobs,
    jobs.map((j) => runToEnd(j.doc, j.opts)),
    inputs.sloP99Ms,
  );
}

describe('the load sweep’s pass region', () => {
  it('without objectives: p99 within the SLO decides, and says so', () => {
    const r = sweep(mm1());
    expect(r.passBy).toBe('slo');
    expect(r.passLabel).toBe('p99 ≤ 200 ms');
    // M/M/1 at 10 ms: ρ = 0.25, 0.6 pass easily; ρ = 0.95 has p99 ≈ 10 ms × ln(100)/0.05 ≈ 920 ms.
    expect(r.rows.map((p) => p.pass)).toEqual([true, true, false]);
    expect(r.passRanges).toEqual([[25, 60]]);
  });

  it('with objectives: they decide, the label names them, the SLO field does not', () => {
    const r = sweep(mm1([{ id: 'fast', metric: 'p99Ms', max: 50 }]));
    expect(r.passBy).toBe('objectives');
    expect(r.passLabel).toMatch(/^every objective met \(p99 latency ≤ 50 ms\)$/);
    // p99 of M/M/1 = ln(100) × 10 ms / (1 − ρ): 61 ms at ρ = 0.25 already misses 50 ms.
    expect(r.rows.map((p) => p.pass)).toEqual([false, false, false]);
    expect(r.capacitySentence).toMatch(/none of the points passes/);
    const cheap = sweep(mm1([{ id: 'cheap', metric: 'costPerHour', max: 1 }]));
    expect(cheap.rows.every((p) => p.pass)).toBe(true);
    expect(cheap.capacitySentence).toMatch(/95 rps \(every point passed\)/);
  });
});
