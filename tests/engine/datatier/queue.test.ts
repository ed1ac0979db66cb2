/**
 * Queue: c consumer workers with exponential service make an M/M/c (the message age is the
 * Erlang C wait); the producer's latency is the ack; failures are redelivered, then
 * dead-lettered; pub-sub copies to every consumer; priorities; back-pressure.
 */
import { describe, expect, it } from 'vitest';
import { erlangC, mmc } from '../../../src/analysis/queueing.ts';
import {
  client,
  constant,
  database,
  edge,
  exp,
  queue,
  run,
  scenario,
  service,
} from '../harness.ts';

const within = (x: number, expected: number, rel: number): void => {
  expect(Math.abs(x / expected - 1)).toBeLessThan(rel);
};

describe('queue: consumers pull, an M/M/c', () => {
  const r = run(
    scenario({
      durationS: 800,
      warmupS: 20,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 320 } }),
        queue('q', { ackMs: constant(2) }),
        service('worker', { replicas: 2, workers: 2, serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 'q'), edge('q', 'worker')],
    }),
  );
  const q = r.nodes.q!;
  it('mean message age = Erlang C wait Wq = C / (cμ − λ)', () => {
    const theory = mmc(0.32, 0.1, 4); // per ms
    within(q.meanMessageAgeMs as number, theory.Wq, 0.08);
    within(erlangC(4, 3.2) / (400 - 320), theory.Wq / 1000, 1e-9);
    within(q.depth as number, theory.Lq, 0.1);
  });
  it('the producer waits only for the ack; the consumer never queues its own work', () => {
    expect(q.latencyMs.max).toBeCloseTo(2, 1);
    expect(r.latencyMs.mean).toBeCloseTo(2, 1);
    expect(r.nodes.worker!.meanQueueLength).toBe(0);
    within(r.nodes.worker!.latencyMs.mean, 10, 0.03); // its own work, measured on its own
    within(r.nodes.worker!.utilization, 0.8, 0.02);
    expect(q.consumed).toBeGreaterThan(240_000);
  });
});

function failing(withDeadLetter: boolean) {
  return run(
    scenario({
      durationS: 60,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 50 } }),
        queue('q', { maxDeliveries: 3 }),
        service('worker', { workers: 4, serviceTimeMs: exp(5) }),
        database('db'),
        service('dlq', { workers: 10, serviceTimeMs: constant(1) }),
      ],
      edges: [
        edge('c', 'q'),
        edge('q', 'worker'),
        edge('worker', 'db'),
        ...(withDeadLetter ? [edge('q', 'dlq', { kind: 'deadLetter' })] : []),
      ],
      faults: [{ atS: 20, forS: 20, kind: 'crash', target: 'db' }],
    }),
  );
}

describe('queue: redelivery and dead letters', () => {
  it('a failing consumer gets each message maxDeliveries times, then it goes to the dead-letter edge', () => {
    const r = failing(true);
    const q = r.nodes.q!;
    // 20 s of failures at 50/s ≈ 1000 messages, each tried 3 times.
    expect(q.deadLettered).toBeGreaterThan(850);
    expect(q.deadLettered).toBeLessThan(1150);
    expect(q.redelivered).toBe(2 * (q.deadLettered as number));
    expect(r.nodes.dlq!.arrivals).toBe(q.deadLettered);
    expect(r.nodes.worker!.failed).toBe(3 * (q.deadLettered as number));
    // The producers never saw the failures: their calls ended at the ack.
    expect(r.requests.failed).toBe(0);
    const held = (q.inFlight as number) + (q.depthNow as number);
    expect((q.consumed as number) + (q.deadLettered as number) + held).toBe(q.enqueued);
  });
  it('without a dead-letter edge the messages are counted dead', () => {
    const q = failing(false).nodes.q!;
    expect(q.dead).toBeGreaterThan(850);
    expect(q.deadLettered).toBe(0);
  });
});

describe('queue: delivery modes, priorities, back-pressure', () => {
  it('pubSub copies every message to every consumer; pointToPoint splits by weight', () => {
    const nodes = (delivery: 'pubSub' | 'pointToPoint') => [
      client('c', { arrival: { process: 'poisson', rps: 100 } }),
      queue('q', { delivery }),
      service('a', { workers: 4, serviceTimeMs: exp(5) }),
      service('b', { workers: 4, serviceTimeMs: exp(5) }),
    ];
    const edges = [edge('c', 'q'), edge('q', 'a', { weight: 3 }), edge('q', 'b')];
    const ps = run(scenario({ durationS: 60, nodes: nodes('pubSub'), edges }));
    expect(ps.nodes.a!.arrivals).toBe(ps.requests.total);
    expect(ps.nodes.b!.arrivals).toBe(ps.requests.total);
    const p2p = run(scenario({ durationS: 60, nodes: nodes('pointToPoint'), edges }));
    expect(p2p.nodes.a!.arrivals + p2p.nodes.b!.arrivals).toBe(p2p.requests.total);
    within(p2p.nodes.a!.arrivals / p2p.requests.total, 0.75, 0.03);
  });

  it('two priorities (key mod 2) at ρ 0.9: the non-preemptive priority waits (Cobham)', () => {
    const r = run(
      scenario({
        durationS: 1000,
        warmupS: 20,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 90 }, keys: { count: 1000, zipf: 0 } }),
          queue('q', { priorities: 2 }),
          service('w', { workers: 1, serviceTimeMs: exp(10) }),
        ],
        edges: [edge('c', 'q'), edge('q', 'w')],
      }),
    );
    // Non-preemptive priority M/M/1 at ρ 0.9, half the traffic each: W0 = R/(1−ρ0), W1 = W0/(1−ρ).
    // R = ρ·S = 9 ms; ρ0 = 0.45 → W0 ≈ 16.4 ms, W1 ≈ 164 ms; the mean is 90 ms.
    within(r.nodes.q!.meanMessageAgeMs as number, 90, 0.15);
    const [w0, w1] = r.nodes.q!.meanAgeByPriorityMs as number[];
    within(w0!, 9 / 0.55, 0.15);
    within(w1!, 9 / 0.55 / 0.1, 0.2);
  });

  it('a full queue rejects: back-pressure to the producer', () => {
    const r = run(
      scenario({
        durationS: 60,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 200 } }),
          queue('q', { capacity: 50 }),
          service('w', { workers: 1, serviceTimeMs: exp(10) }),
        ],
        edges: [edge('c', 'q'), edge('q', 'w')],
      }),
    );
    expect(r.errors?.rejected).toBeGreaterThan(5000);
    expect(r.nodes.q!.depthMax).toBe(50);
    within(r.nodes.w!.utilization, 1, 0.02);
  });
});
