/**
 * The live cost prices a queue by the messages it was actually sent, not by the rate the
 * traffic equations predict from the document: a producer tripled at 30 s triples the queue's
 * cost in the timeline from the next point on, and the whole run's live figure is the graded
 * one (the same messages, counted from t = 0 with no warm-up).
 */
import { describe, expect, it } from 'vitest';
import { designCost } from '../../../src/analysis/cost.ts';
import { grade } from '../../../src/analysis/objectives.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { client, edge, exp, queue, scenario, service } from '../harness.ts';

// Dollars per million messages, large so a message's worth is plain: 3.6 $/h per message a second.
const PER_MILLION = 1000;
const perHourAt = (messagesPerS: number) => (messagesPerS * 3600 * PER_MILLION) / 1e6;

function doc(): Scenario {
  return {
    ...scenario({
      durationS: 60,
      seed: 5,
      nodes: [
        client('c', { arrival: { process: 'constant', rps: 100 } }),
        queue('q'),
        service('worker', { workers: 8, serviceTimeMs: exp(5) }),
      ],
      edges: [edge('c', 'q'), edge('q', 'worker')],
    }),
    // Only the queue costs anything: the figures are its messages alone.
    prices: { queue: PER_MILLION, service: 0 },
    actions: [{ atS: 30, target: 'c', set: { 'arrival.rps': 300 } }],
    objectives: [{ id: 'cheap', metric: 'costPerHour', max: 700 }],
    alerts: [{ id: 'dear', objective: 'cheap', kind: 'threshold' }],
  };
}

describe('the live cost of a queue', () => {
  it('follows the messages sent: 100/s then 300/s, where the document predicts 100/s', () => {
    const d = doc();
    // Before the run the cost model has only the document: 100 messages a second.
    expect(designCost(d).perHour).toBeCloseTo(perHourAt(100), 6);
    const sim = createSimulation(d, { windows: true });
    sim.runUntil(Infinity);
    const live = sim.drainObjectives!()!.sofar['cheap']!;
    const result = sim.snapshot();
    // Constant arrivals: a 1 s point holds 300 messages, give or take the one on its edge.
    const fire = result.alerts!.find((a) => a.event === 'fire')!;
    expect(fire.tS).toBe(31);
    expect(Math.abs(fire.value! - perHourAt(300))).toBeLessThanOrEqual(perHourAt(1));
    // The whole run: 30 s at 100/s and 30 s at 300/s, the mean rate 200/s, as graded.
    const graded = grade(d.objectives!, result, d)[0]!.value!;
    expect(Math.abs(graded - perHourAt(200))).toBeLessThanOrEqual(perHourAt(2 / 60));
    expect(live).toBeCloseTo(graded, 6);
  });
});
