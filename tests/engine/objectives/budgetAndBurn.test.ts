/**
 * Error budgets and burn-rate alerts on the real engine. A poisson client at 100 rps calls a
 * service that a crash fault takes down from t = 60 s: every request after it fails.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { SimResult, SimulationOptions } from '../../../src/engine/types.ts';
import type { AlertRule, Fault, Objective, Scenario } from '../../../src/model/types.ts';
import { client, edge, exp, scenario, service } from '../harness.ts';

function doc(faults: Fault[], objectives: Objective[], alerts: AlertRule[]): Scenario {
  return {
    ...scenario({
      durationS: 300,
      warmupS: 10,
      seed: 5,
      faults,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 100 } }),
        service('api', { replicas: 2, workers: 4, serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 'api', { id: 'c-api' })],
    }),
    objectives,
    alerts,
  };
}

function run(d: Scenario, opts: SimulationOptions = {}): SimResult {
  const sim = createSimulation(d, { windows: false, ...opts });
  sim.runUntil(Infinity);
  return sim.snapshot();
}

const avail: Objective = { id: 'avail', metric: 'availability', min: 0.99 };
const burn: AlertRule = { id: 'burn', objective: 'avail', kind: 'burnRate' };
const crashAt60: Fault = { atS: 60, kind: 'crash', target: 'api' };
// A 10 s crash: part of the run fails, then the service is back.
const crashFor10: Fault = { atS: 60, forS: 10, kind: 'crash', target: 'api' };

describe('error budget', () => {
  it('burned equals failed ÷ ((1 − target) × counted requests), exactly from the counts', () => {
    const r = run(doc([crashFor10], [avail], [burn]));
    const b = r.budgets!['avail']!;
    expect(r.requests.failed).toBeGreaterThan(900); // 10 s at 100 rps
    expect(b.total).toBe(r.requests.total);
    expect(b.failed).toBe(r.requests.failed);
    expect(b.burned).toBe(r.requests.failed / ((1 - 0.99) * r.requests.total));
    // The series ends where the run does, and its last point is the whole run's figure.
    expect(b.series.at(-1)!.tS).toBe(300);
    expect(b.series.at(-1)!.burned).toBe(b.burned);
    // Before the fault nothing fails; one point inside it burns at 1 ÷ (1 − 0.99) = 100×.
    expect(b.series.find((p) => p.tS === 50)!.burned).toBe(0);
    expect(b.series.find((p) => p.tS === 65)!.burnRate).toBeCloseTo(100, 9);
  });

  it('an error-rate objective sets the same budget as the availability one it mirrors', () => {
    const r = run(doc([crashFor10], [avail, { id: 'errors', metric: 'errorRate', max: 0.01 }], []));
    expect(r.budgets!['errors']!.burned).toBeCloseTo(r.budgets!['avail']!.burned, 12);
  });
});

describe('multi-window burn-rate alert', () => {
  it('fires the fast pair within the fast window after a fault that fails every request', () => {
    const r = run(doc([crashAt60], [avail], [burn]));
    const fast = r.alerts!.find((a) => a.pair === 'fast' && a.event === 'fire')!;
    // The fast pair on a 290 s counted run: 14.4× over 12 s and over 1 s (see defaultBurnWindows).
    // Failing everything burns 100×: the long window passes 14.4× once 14.4 % of its 12 s failed.
    expect(fast.tS).toBeGreaterThan(60);
    expect(fast.tS).toBeLessThanOrEqual(60 + 12);
    expect(fast.tS).toBe(62);
    expect(fast.severity).toBe('page');
    // Nothing fired before the fault.
    expect(r.alerts!.every((a) => a.tS > 60)).toBe(true);
    // The slow pair (6× over 72 s and 6 s) fires later than the fast one.
    const slow = r.alerts!.find((a) => a.pair === 'slow' && a.event === 'fire')!;
    expect(slow.tS).toBeGreaterThan(fast.tS);
    expect(slow.tS).toBeLessThanOrEqual(60 + 72);
  });

  it('resolves when the failures stop, and the same alerts come out with and without windows', () => {
    const d = doc([crashFor10], [avail], [burn]);
    const headless = run(d);
    const browser = run(d, { windows: true });
    expect(browser.alerts).toEqual(headless.alerts);
    const fast = headless.alerts!.filter((a) => a.pair === 'fast');
    expect(fast.map((a) => a.event)).toEqual(['fire', 'resolve']);
    // The short 1 s window clears at the first second without failures after the crash ends.
    expect(fast[1]!.tS).toBe(71);
  });

  it('escalates an alert that stays firing', () => {
    const r = run(
      doc(
        [crashAt60],
        [avail],
        [{ id: 'down', objective: 'avail', kind: 'threshold', escalateAfterS: 30 }],
      ),
    );
    const events = r.alerts!.map((a) => [a.tS, a.event, a.severity, a.level]);
    expect(events.slice(0, 3)).toEqual([
      [61, 'fire', 'ticket', 1],
      [91, 'escalate', 'page', 2],
      [121, 'escalate', 'page', 3],
    ]);
  });
});
