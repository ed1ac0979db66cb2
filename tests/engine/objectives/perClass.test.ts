/**
 * Objectives on one request class, on a setup whose figures are exact: two clients both send
 * `checkout`, one also `browse`; a Layer-7 balancer sends checkout to `pay` (constant 30 ms) and
 * browse to `catalog` (constant 5 ms), each with more workers than requests in flight, no edge
 * latency. So every checkout takes exactly 30 ms end to end and every browse 5 ms: the class
 * figures are those (histogram error ≤ 0.2 %), whatever the arrivals.
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/analysis/objectives.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Fault, Objective, Scenario } from '../../../src/model/types.ts';
import { balancer, client, constant, edge, scenario, service } from '../harness.ts';

function shop(objectives: Objective[], faults: Fault[] = []): Scenario {
  return {
    ...scenario({
      durationS: 60,
      warmupS: 5,
      faults,
      nodes: [
        client('web', {
          arrival: { process: 'poisson', rps: 200 },
          classes: [
            { name: 'checkout', share: 1, priority: 0 },
            { name: 'browse', share: 3, priority: 1 },
          ],
        }),
        client('app', {
          arrival: { process: 'poisson', rps: 50 },
          classes: [{ name: 'checkout', share: 1, priority: 0 }],
        }),
        balancer('lb', { routes: { checkout: ['pay'], browse: ['catalog'] } }),
        service('pay', { workers: 200, serviceTimeMs: constant(30) }),
        service('catalog', { workers: 200, serviceTimeMs: constant(5) }),
      ],
      edges: [edge('web', 'lb'), edge('app', 'lb'), edge('lb', 'pay'), edge('lb', 'catalog')],
    }),
    objectives,
  };
}

const p99 = (cls: string, max: number, node?: string): Objective => ({
  id: `${cls}${node ?? ''}`,
  metric: 'p99Ms',
  class: cls,
  max,
  ...(node !== undefined && { node }),
});

function run(doc: Scenario) {
  const sim = createSimulation(doc, { windows: false });
  sim.runUntil(Infinity);
  const r = sim.snapshot();
  return { r, graded: grade(doc.objectives ?? [], r, doc), frame: sim.drainObjectives!() };
}

describe('an objective on one class', () => {
  const doc = shop([p99('checkout', 31), p99('browse', 4), p99('checkout', 30.1, 'pay')]);
  const { r, graded, frame } = run(doc);

  it('the run reports every class end to end, over every client that sends it', () => {
    const all = r.classes!;
    const web = r.nodes.web!.classes!;
    const app = r.nodes.app!.classes!;
    expect(all.checkout!.ok).toBe(web.checkout!.ok + app.checkout!.ok);
    expect(all.browse!.ok).toBe(web.browse!.ok);
    expect(all.checkout!.ok + all.browse!.ok).toBe(r.requests.ok);
    expect(all.checkout!.latencyMs.p99).toBeCloseTo(30, 0);
    expect(all.browse!.latencyMs.p99).toBeCloseTo(5, 1);
  });

  it('grades each class against its own target: checkout met at 30 ms, browse missed at 5 ms', () => {
    const [checkout, browse, atPay] = graded;
    expect(checkout).toMatchObject({ class: 'checkout', met: true });
    expect(checkout!.value).toBe(r.classes!.checkout!.latencyMs.p99);
    expect(browse).toMatchObject({ class: 'browse', met: false });
    expect(browse!.value).toBe(r.classes!.browse!.latencyMs.p99);
    expect(browse!.margin).toBeCloseTo(4 - r.classes!.browse!.latencyMs.p99, 9);
    // At a node: the class's time there (30 ms of service, the same as end to end here).
    expect(atPay).toMatchObject({ class: 'checkout', node: 'pay', met: true });
    expect(atPay!.value).toBe(r.nodes.pay!.classes!.checkout!.latencyMs.p99);
  });

  it('the live figure, measured as the run goes, ends at the graded one', () => {
    for (const g of graded) expect(frame!.sofar[g.id]).toBe(g.value);
  });
});

describe('an error budget on one class', () => {
  // pay is down for 10 s: every checkout then fails, no browse does.
  const crash: Fault = { atS: 20, forS: 10, kind: 'crash', target: 'pay' };
  const avail = (cls: string): Objective => ({
    id: cls,
    metric: 'availability',
    class: cls,
    min: 0.99,
  });
  const doc = { ...shop([avail('checkout'), avail('browse')], [crash]), alerts: [] };
  const { r, graded } = run(doc);

  it('counts only that class: checkout burns, browse does not', () => {
    const checkout = r.classes!.checkout!;
    expect(checkout.failed).toBeGreaterThan(0);
    expect(r.classes!.browse!.failed).toBe(0);
    expect(graded[0]!.value).toBeCloseTo(checkout.ok / (checkout.ok + checkout.failed), 5);
    expect(graded[0]!.met).toBe(false);
    expect(graded[1]).toMatchObject({ value: 1, met: true });
    const b = r.budgets!.checkout!;
    expect(b.total).toBe(checkout.ok + checkout.failed);
    expect(b.failed).toBe(checkout.failed);
    expect(r.budgets!.browse!.failed).toBe(0);
  });
});

describe('a run without class objectives', () => {
  it('gives the same figures with a class objective added (grading reads, never changes)', () => {
    const plain = run(shop([]));
    const graded = run(shop([p99('checkout', 31)]));
    expect(graded.r.latencyMs).toEqual(plain.r.latencyMs);
    expect(graded.r.classes).toEqual(plain.r.classes);
  });
});
