/**
 * Random failures against the alternating-renewal closed forms. One replica up for Exp(MTBF) and
 * down for Exp(MTTR) is available A = MTBF / (MTBF + MTTR); k of n independent replicas give
 * Σ_{i≥k} C(n,i) Aⁱ(1−A)ⁿ⁻ⁱ; a zone outage process multiplies by its own availability.
 *
 * Spread over seeds (measured, 20 seeds of 1,000 simulated hours each): one replica (MTBF 1 h,
 * MTTR 6 min) sd 0.0041 per seed; 2 of 3 replicas sd 0.0015. Ten seeds' mean has a standard
 * error of about sd/√10, so the tolerances below (0.006 and 0.0025) are about 4.5 standard errors.
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/model/types.ts';
import { client, edge, run, scenario, service, sim } from '../harness.ts';

const HOUR = 3600;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A service of `replicas` with random failures, nearly idle (the failures are the story). */
function failing(replicas: number, f: Partial<Fault>, durationS = 1000 * HOUR, seed = 1) {
  return scenario({
    durationS,
    seed,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 0.001 } }),
      service('api', { replicas }),
    ],
    edges: [edge('c', 'api')],
    faults: [{ kind: 'failures', target: 'api', atS: 0, mtbfS: HOUR, mttrS: 360, ...f }],
  });
}

/** Each seed's result for node 'api' (long windows: the figure is the run's). */
const runs = (replicas: number, f: Partial<Fault>) =>
  SEEDS.map(
    (seed) => run(failing(replicas, f, 1000 * HOUR, seed), { windowS: 100 * HOUR }).nodes.api!,
  );

const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** P(at least k of n up), each up with probability a. */
function kOfN(k: number, n: number, a: number): number {
  let p = 0;
  let c = 1; // C(n, i), built up from C(n, 0)
  for (let i = 0; i <= n; i++) {
    if (i >= k) p += c * a ** i * (1 - a) ** (n - i);
    c = (c * (n - i)) / (i + 1);
  }
  return p;
}

describe('random failures: availability', () => {
  const A = 3600 / 3960; // 0.90909…

  it('one node, MTBF 1 h and MTTR 6 min, is available MTBF / (MTBF + MTTR) = 0.909', () => {
    const rs = runs(1, {});
    expect(Math.abs(meanOf(rs.map((r) => r.availability as number)) - A)).toBeLessThan(0.006);
    // Incidents: one per up/down cycle, T / (MTBF + MTTR) ≈ 909 per 1,000 h (Poisson-like
    // spread, sd ≈ 30 per seed: ten seeds' mean within 30).
    expect(Math.abs(meanOf(rs.map((r) => r.incidents as number)) - 1000 / 1.1)).toBeLessThan(30);
    const r = rs[0]!;
    expect(r.downtimeMinPerMonth).toBeCloseTo((1 - (r.availability as number)) * 43_800, 1);
    expect(r.nines).toBeCloseTo(-Math.log10(1 - (r.availability as number)), 1);
  });

  it('three replicas of which two must be up: 0.9767', () => {
    const expected = kOfN(2, 3, A);
    expect(expected).toBeCloseTo(0.9767, 4);
    const a = meanOf(runs(3, { minUp: 2 }).map((r) => r.availability as number));
    expect(Math.abs(a - expected)).toBeLessThan(0.0025);
  });

  it('a zone outage takes every replica at once: availability multiplies by the zone’s', () => {
    // Zone MTBF 10 h, MTTR 1 h: A_zone = 10/11. Two replicas, one needed: 1 − (1 − A)².
    const expected = (10 / 11) * kOfN(1, 2, A);
    const a = meanOf(
      runs(2, { minUp: 1, zoneMtbfS: 10 * HOUR, zoneMttrS: HOUR }).map(
        (r) => r.availability as number,
      ),
    );
    // The zone's own cycles (11 h) are few in 1,000 h (about 90): sd ≈ 0.01 per seed.
    expect(Math.abs(a - expected)).toBeLessThan(0.012);
  });

  it('a crash fault on top of random failures counts as downtime: an incident, a window at 0', () => {
    const story = sim(failing(1, { mtbfS: 1e9 }, 100), { windowS: 10 });
    story.runFor(50).crash('api', undefined, 10).runToEnd();
    const r = story.result().nodes.api!;
    expect(r.availability).toBeCloseTo(0.9, 6);
    expect(r.incidents).toBe(1);
    const w = story.windows.map((x) => x.nodes.api!.availability);
    expect(w.slice(4, 7)).toEqual([1, 0, 1]);
  });

  it('when the fault ends every replica is repaired; the same seed gives the same run', () => {
    const doc = failing(3, { mtbfS: 60, mttrS: 60, forS: 500 }, 1000);
    const a = run(doc, { windowS: 100 });
    const b = run(doc, { windowS: 100 });
    expect(a.nodes.api).toEqual(b.nodes.api);
    const story = sim(doc, { windowS: 100 }).runToEnd();
    expect(story.windows.at(-1)!.nodes.api!.replicasUp).toBe(3);
    expect(story.windows.some((w) => (w.nodes.api!.replicasUp as number) < 3)).toBe(true);
  });

  it('traffic is the same with and without failures (the draws have a stream of their own)', () => {
    const doc = failing(2, { mtbfS: 30, mttrS: 5 }, 600);
    const rps = { arrival: { process: 'poisson' as const, rps: 50 } };
    doc.nodes[0] = client('c', rps);
    const without = { ...doc, faults: [] };
    expect(run(doc).nodes.c!.arrivals).toBe(run(without).nodes.c!.arrivals);
  });
});
