/**
 * Closed form for a live change: M/M/1 (exponential service, mean 10 ms, μ = 100/s) whose
 * poisson arrival rate goes from λ = 50/s (ρ 0.5, mean response 1/(μ−λ) = 20 ms) to 80/s
 * (ρ 0.8, 50 ms) at t = 200 s by an action. The queue forgets its past within seconds (the
 * relaxation time of M/M/1 at ρ 0.8 is about 1/(μ(1−√ρ)²) ≈ 0.9 s), so the windows from 20 s
 * after the change on settle to the new ρ's mean.
 *
 * Tolerance from the spread over seeds: each seed's estimate after the change is the mean of
 * about 38,000 strongly correlated responses, whose spread over seeds is a few per cent (the
 * test measures it; measured: 48.9 ± 0.56 ms standard error after, over 6 seeds). The seeds' average must lie within 4 standard errors of the closed form,
 * and the standard error must itself be small (under 2 %), so a wrong rate (ρ 0.75 gives 40 ms)
 * or a change applied late cannot pass.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { WindowStats } from '../../../src/engine/types.ts';
import { client, edge, exp, scenario, service } from '../harness.ts';

const MU = 100;
const SEEDS = [1, 2, 3, 4, 5, 6];

function windowsFor(seed: number): WindowStats[] {
  const doc = scenario({
    seed,
    durationS: 700,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 50 } }),
      service('s', { serviceTimeMs: exp(10) }),
    ],
    edges: [edge('c', 's')],
    actions: [{ atS: 200, target: 'c', set: { 'arrival.rps': 80 } }],
  });
  const sim = createSimulation(doc);
  sim.runUntil(Infinity);
  return sim.drainWindows();
}

/** Mean response (ms) over windows starting in [from, to), weighted by answers. */
function meanMs(ws: WindowStats[], from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (const w of ws) {
    if (w.startS < from || w.startS >= to) continue;
    const ok = w.throughputRps * w.lengthS;
    sum += (w.latencyMs.mean ?? 0) * ok;
    n += ok;
  }
  return sum / n;
}

function spread(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, se: sd / Math.sqrt(xs.length) };
}

describe('M/M/1 whose arrival rate changes live', () => {
  const runs = SEEDS.map(windowsFor);
  const before = spread(runs.map((ws) => meanMs(ws, 20, 200)));
  const after = spread(runs.map((ws) => meanMs(ws, 220, 700)));

  it('before the change: ρ 0.5, mean response 1/(μ−λ) = 20 ms', () => {
    const W = 1000 / (MU - 50);
    expect(before.se / W).toBeLessThan(0.02);
    expect(Math.abs(before.mean - W)).toBeLessThan(4 * before.se);
  });

  it('after the change: ρ 0.8, mean response 50 ms', () => {
    const W = 1000 / (MU - 80);
    expect(after.se / W).toBeLessThan(0.02);
    expect(Math.abs(after.mean - W)).toBeLessThan(4 * after.se);
  });
});
