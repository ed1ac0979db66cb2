/**
 * The cost objective prices the replica-seconds actually run: a service scaled from 2 to 4
 * replicas half way through a 60 s run costs price × (2·30 + 4·30) ÷ 3600 dollars, which is
 * price × 3 per hour of the run; not price × 2 (as loaded) nor price × 4 (as it ends).
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/analysis/objectives.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Action, AlertRule, Scenario } from '../../../src/model/types.ts';
import { client, edge, exp, scenario, service } from '../harness.ts';

const PRICE = 0.1; // the document's price per service replica-hour

function doc(warmupS: number, actions: Action[], alerts: AlertRule[] = []): Scenario {
  return {
    ...scenario({
      durationS: 60,
      warmupS,
      seed: 3,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 50 } }),
        service('api', { replicas: 2, workers: 4, serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 'api', { id: 'c-api' })],
    }),
    prices: { service: PRICE },
    actions,
    objectives: [{ id: 'cheap', metric: 'costPerHour', max: 0.35 }],
    alerts,
  };
}

const scaleAt30: Action = { atS: 30, target: 'api', set: { replicas: 4 } };

function run(d: Scenario) {
  const sim = createSimulation(d, { windows: true });
  sim.runUntil(Infinity);
  const live = sim.drainObjectives!()!.sofar['cheap'];
  const result = sim.snapshot();
  return { result, graded: grade(d.objectives!, result, d)[0]!, live };
}

describe('costPerHour over the replica-seconds run', () => {
  it('2 replicas for 30 s then 4 for 30 s: price × (2·30 + 4·30) ÷ 60 s per hour', () => {
    const { result, graded, live } = run(doc(0, [scaleAt30]));
    const dollars = (PRICE * (2 * 30 + 4 * 30)) / 3600;
    const perHour = dollars / (60 / 3600);
    expect(perHour).toBeCloseTo(0.3, 12);
    expect(result.nodes['api']!.replicas).toBe(3);
    expect(graded.value).toBeCloseTo(perHour, 12);
    expect(graded.met).toBe(true);
    // The live scorecard's figure at the end is the same one.
    expect(live).toBeCloseTo(perHour, 4);
  });

  it('the warm-up is paid for too: the same figure with a 10 s warm-up', () => {
    expect(run(doc(10, [scaleAt30])).graded.value).toBeCloseTo(0.3, 12);
  });

  it('without the scaling it is the loaded 2 replicas: price × 2', () => {
    expect(run(doc(0, [])).graded.value).toBeCloseTo(PRICE * 2, 12);
  });

  it("each timeline point's cost is its own replica-seconds: a threshold alert fires at 31 s", () => {
    // Points [29, 30] cost 0.2 per hour, [30, 31] 0.4: the first above 0.35 ends at 31 s.
    const { result } = run(
      doc(0, [scaleAt30], [{ id: 'dear', objective: 'cheap', kind: 'threshold' }]),
    );
    const fire = result.alerts!.find((a) => a.event === 'fire')!;
    expect(fire.tS).toBe(31);
    expect(fire.value).toBeCloseTo(0.4, 9);
  });
});
