/**
 * A scheduled job source: bursts of K jobs into c workers of a constant S. Jobs all arrive at the
 * tick and are served in waves of c, so the burst's makespan is exactly ceil(K / c) · S, and the
 * i-th job (1-based) finishes at ceil(i / c) · S: the mean completion time and wait follow.
 */
import { describe, expect, it } from 'vitest';
import { client, constant, edge, run, scenario, service } from '../harness.ts';

function jobs(k: number, c: number, sMs: number, jitterMs = 0) {
  return run(
    scenario({
      durationS: 130,
      nodes: [
        client('cron', { schedule: { everyS: 60, jobs: k, firstS: 5, jitterMs } }),
        service('worker', { workers: c, serviceTimeMs: constant(sMs) }),
      ],
      edges: [edge('cron', 'worker')],
    }),
  );
}

describe('a scheduled burst of jobs', () => {
  it('10 jobs of 100 ms on 3 workers: makespan ceil(10/3) · 100 = 400 ms, every burst', () => {
    const r = jobs(10, 3, 100);
    const cron = r.nodes.cron!;
    // Ticks at 5, 65 and 125 s: three bursts, 30 jobs.
    expect(cron.bursts).toBe(3);
    expect(r.requests.ok).toBe(30);
    // Histograms are within 0.2 %.
    expect(cron.makespanMs!.mean).toBeCloseTo(400, 0);
    expect(cron.makespanMs!.max).toBeCloseTo(400, 0);
    // Waves finish at 100, 200, 300 ms (3 jobs each) and 400 ms (1): mean 2,200 / 10 = 220 ms,
    // of which 100 ms is work: a mean wait of 120 ms.
    expect(r.latencyMs.mean).toBeCloseTo(220, 0);
    expect(r.nodes.worker!.latencyMs.mean).toBeCloseTo(220, 0);
  });

  it('as many workers as jobs: no wait, makespan S', () => {
    const r = jobs(8, 8, 50);
    expect(r.nodes.cron!.makespanMs!.max).toBeCloseTo(50, 0);
    expect(r.latencyMs.max).toBeCloseTo(50, 0);
  });

  it('jitter spreads a burst: each job starts within it, so the makespan is at most jitter + S', () => {
    const r = jobs(100, 100, 50, 2000);
    const m = r.nodes.cron!.makespanMs!;
    expect(m.max).toBeLessThanOrEqual(2050 * 1.002);
    // The last of 100 uniform draws over 2 s lands in its last 5 % with probability 1 − 0.95¹⁰⁰.
    expect(m.mean).toBeGreaterThan(1900);
    expect(r.latencyMs.max).toBeCloseTo(50, 0);
  });
});
