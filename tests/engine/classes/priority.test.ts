/**
 * Priority by class at one server against the closed forms (Cobham 1954 for non-preemptive
 * priority; the preemptive-resume M/G/1 formulas, e.g. Harchol-Balter, "Performance Modeling
 * and Design of Computer Systems", ch. 32). Two classes at 30 rps each, exponential service of
 * 10 ms, one server: ρ1 = ρ2 = 0.3, ρ = 0.6, mean residual work R = Σλ·E[S²]/2 = 6 ms.
 * - Non-preemptive: Wq1 = R/(1-ρ1) = 8.571 ms, Wq2 = R/((1-ρ1)(1-ρ)) = 21.43 ms; their mean is
 *   M/M/1's Wq = ρ/(μ-λ) = 15 ms (the conservation law).
 * - Preemptive resume: T1 = E[S]/(1-ρ1) = 14.29 ms (class 1 sees only itself);
 *   T2 = E[S]/(1-ρ1) + R/((1-ρ1)(1-ρ)) = 35.71 ms; their mean is M/M/1's T = 25 ms.
 *
 * Spread over seeds 1..8 at 2,000 measured s (60k requests per class), sd of the class means:
 * non-preemptive high 0.11 ms, low 0.34 ms; preemptive high 0.15 ms, low 0.37 ms; both classes
 * together 0.18 ms. The tolerances are 4 sd, on seed 1.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../harness.ts';
import { twoClasses } from './priorityDocs.ts';

const S = 10; // ms of service
const R = 6; // ms of mean residual work

describe('non-preemptive priority (Cobham)', () => {
  const r = run(twoClasses('nonPreemptive', 1, 2050));
  const by = r.nodes.c!.classes!;
  const wait = (name: string) => by[name]!.latencyMs.mean - S;

  it('waits 8.57 ms for the high class and 21.4 ms for the low', () => {
    expect(Math.abs(wait('high') - R / 0.7)).toBeLessThan(0.45);
    expect(Math.abs(wait('low') - R / (0.7 * 0.4))).toBeLessThan(1.4);
  });

  it("shows the same waits in the server's own figures by class (nothing else on the path)", () => {
    // The edge takes no time, so a request's time at the server is its time end to end: the
    // server's per-class books hold the same requests and the same latencies as the client's.
    const at = r.nodes.s!.classes!;
    for (const name of ['high', 'low']) {
      expect(at[name]!.ok).toBe(by[name]!.ok);
      expect(at[name]!.latencyMs.mean).toBeCloseTo(by[name]!.latencyMs.mean, 6);
      expect(at[name]!.latencyMs.p99).toBe(by[name]!.latencyMs.p99);
    }
  });

  it("averages to M/M/1's 15 ms wait, each class at 30 rps", () => {
    expect(Math.abs((wait('high') + wait('low')) / 2 - 15)).toBeLessThan(0.75);
    expect(Math.abs(by.high!.throughputRps - 30)).toBeLessThan(0.6);
    expect(Math.abs(by.low!.throughputRps - 30)).toBeLessThan(0.6);
  });
});

describe('preemptive-resume priority', () => {
  const r = run(twoClasses('preemptiveResume', 1, 2050));
  const by = r.nodes.c!.classes!;

  it('gives the high class the M/M/1 of its own load: 14.29 ms', () => {
    expect(Math.abs(by.high!.latencyMs.mean - S / 0.7)).toBeLessThan(0.6);
  });

  it('gives the low class 35.71 ms, and both together M/M/1’s 25 ms', () => {
    expect(Math.abs(by.low!.latencyMs.mean - (S / 0.7 + R / (0.7 * 0.4)))).toBeLessThan(1.5);
    expect(Math.abs(r.latencyMs.mean - 25)).toBeLessThan(0.75);
  });

  it('loses no work: every request is served once, none fails', () => {
    expect(r.requests.failed).toBe(0);
    // Work is conserved: the server is busy ρ = 0.6 of the time, as without priorities.
    expect(Math.abs(r.nodes.s!.utilization - 0.6)).toBeLessThan(0.01);
  });
});
