/**
 * A partitioned stream against theory and against its own rules: each partition with one
 * consumer is an M/M/1 queue of its own share of the traffic; a replay of a backlog B consumed at
 * μ while λ keeps arriving catches up in B / (μ − λ); a Zipf key space puts a computable share on
 * each partition; one message in flight per partition; replicas beyond the partitions idle; a
 * rebalance pause stops a group; retention drops what nobody read in time.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { mix32 } from '../../../src/engine/nodes/consistentHash.ts';
import { client, constant, edge, exp, run, scenario, service, sim, stream } from '../harness.ts';

/** How many of keys 0..n-1 hash to each of P partitions (the stream's mix32(key) mod P). */
function keysPerPartition(n: number, P: number, weight: (k: number) => number = () => 1) {
  const per = new Array<number>(P).fill(0);
  for (let k = 0; k < n; k++) per[mix32(k) % P]! += weight(k);
  return per;
}

describe('a stream with one consumer per partition', () => {
  // 80 msg/s over 10,000 uniform keys into 4 partitions, 4 replicas × 1 worker of exponential
  // 20 ms: partition p is M/M/1 with λ_p = 80 × (its keys) / 10,000 ≈ 20/s, μ = 50/s, ρ ≈ 0.4.
  const N = 10_000;
  const P = 4;
  const lambda = 80;
  const mu = 50;
  const r = run(
    scenario({
      seed: 3,
      durationS: 1000,
      warmupS: 20,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: lambda }, keys: { count: N, zipf: 0 } }),
        stream('s', { partitions: P }),
        service('w', { replicas: P, workers: 1, serviceTimeMs: exp(1000 / mu) }),
      ],
      edges: [edge('c', 's'), edge('s', 'w')],
    }),
  ).nodes.s!;
  const rho = keysPerPartition(N, P).map((n) => (lambda * n) / N / mu);

  // Over seeds 1–10, measured / theory of each partition's mean lag had mean 1.005 and
  // standard deviation 0.022 (40 values, 0.972 to 1.064): 10 % is some 4.5 deviations.
  it("lags as each partition's M/M/1: ρ/(1−ρ) including the message in service", () => {
    rho.forEach((x, p) => {
      const lag = r.partitionMeanLag![`w p${p}`]!;
      expect(Math.abs(lag / (x / (1 - x)) - 1), `partition ${p}`).toBeLessThan(0.1);
    });
  });

  // Waiting messages by Little's law from the mean wait (append to delivery): ρ²/(1−ρ). Over
  // seeds 1–10 measured / theory had mean 1.008 and standard deviation 0.037 (40 values, 0.945
  // to 1.092): 15 % is 4 deviations.
  it('keeps ρ²/(1−ρ) waiting in each partition', () => {
    rho.forEach((x, p) => {
      const waiting = (x * mu * r.partitionWaitMs![`w p${p}`]!) / 1000;
      expect(Math.abs(waiting / ((x * x) / (1 - x)) - 1), `partition ${p}`).toBeLessThan(0.15);
    });
  });
});

describe('a replay', () => {
  // One partition holding its last 1,000 messages (20 msg/s for 100 s appended 2,000): the
  // rebuild joins at 100 s with B = 1,000 to read at μ = 100/s (constant 10 ms) while λ = 20/s
  // keep coming: B / (μ − λ) = 12.5 s. Over seeds 1–40 the catch-up time had mean 12.51 and
  // standard deviation 0.21 s, so the mean of 5 seeds has 0.094: 0.3 s is 3.2 of those.
  function replay(seed: number) {
    return run(
      scenario({
        seed,
        durationS: 130,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 20 }, keys: { count: 100, zipf: 0 } }),
          stream('s', {
            partitions: 1,
            retentionMessages: 1000,
            replays: [{ groups: ['rebuild'], atS: 100 }],
          }),
          service('view', { replicas: 1, workers: 1, serviceTimeMs: exp(10) }),
          service('rebuild', { replicas: 1, workers: 1, serviceTimeMs: constant(10) }),
        ],
        edges: [edge('c', 's'), edge('s', 'view'), edge('s', 'rebuild')],
      }),
    ).nodes.s!;
  }

  it('catches up in B / (μ − λ)', () => {
    const runs = [1, 2, 3, 4, 5].map(replay);
    for (const s of runs) expect(s.replayBacklog).toEqual({ rebuild: 1000 });
    const mean = runs.reduce((sum, s) => sum + s.catchUpS!.rebuild!, 0) / runs.length;
    expect(Math.abs(mean - 1000 / (100 - 20))).toBeLessThan(0.3);
  });

  it('reports no catch-up time before the replay has caught up', () => {
    const story = sim(
      scenario({
        durationS: 200,
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 20 } }),
          stream('s', { partitions: 1, replays: [{ groups: ['rebuild'], atS: 100 }] }),
          service('view', { serviceTimeMs: constant(1) }),
          service('rebuild', { replicas: 1, workers: 1, serviceTimeMs: constant(10) }),
        ],
        edges: [edge('c', 's'), edge('s', 'view'), edge('s', 'rebuild')],
      }),
    ).runFor(105);
    // 2,000 to read at a net 80/s: 25 s.
    expect(story.result().nodes.s!.catchUpS).toEqual({});
    expect(story.result().nodes.s!.replayBacklog).toEqual({ rebuild: 2000 });
    const s = story.runToEnd().result().nodes.s!;
    expect(Math.abs(s.catchUpS!.rebuild! - 25)).toBeLessThan(0.1);
    const replaying = story.windows.filter((w) => w.nodes.s!.replayLag !== undefined);
    // The first window to show it is the one that ends as it joins (at 100 s).
    expect(replaying[0]!.startS + replaying[0]!.lengthS).toBe(100);
    expect(replaying[0]!.nodes.s!.replayLag).toBeGreaterThan(1900);
  });
});

describe('partitions by key hash', () => {
  it('put each partition its Zipf share of the traffic', () => {
    // 1,000 keys with weight 1/(k+1): partition p gets the summed weight of the keys hashing to
    // it. 200 msg/s for 500 s is 100,000 messages: a share's binomial deviation is ≤ 0.0016.
    const P = 6;
    const per = keysPerPartition(1000, P, (k) => 1 / (k + 1));
    const total = per.reduce((a, b) => a + b);
    const s = run(
      scenario({
        durationS: 500,
        nodes: [
          client('c', {
            arrival: { process: 'poisson', rps: 200 },
            keys: { count: 1000, zipf: 1 },
          }),
          stream('s', { partitions: P }),
          service('w', { replicas: P, workers: 4, serviceTimeMs: exp(1) }),
        ],
        edges: [edge('c', 's'), edge('s', 'w')],
      }),
    ).nodes.s!;
    const measured = s.partitionRps!.map((rps) => rps / 200);
    per.forEach((w, p) => expect(Math.abs(measured[p]! - w / total)).toBeLessThan(0.008));
    // The hot partition (key 0's) is the busiest.
    expect(measured.indexOf(Math.max(...measured))).toBe(mix32(0) % P);
  });

  it('consume one message at a time per partition: 2 partitions keep 2 of 4 workers busy', () => {
    const r = run(
      scenario({
        durationS: 100,
        warmupS: 10,
        nodes: [
          client('c', {
            arrival: { process: 'poisson', rps: 500 },
            keys: { count: 1000, zipf: 0 },
          }),
          stream('s', { partitions: 2 }),
          service('w', { replicas: 1, workers: 4, serviceTimeMs: constant(10) }),
        ],
        edges: [edge('c', 's'), edge('s', 'w')],
      }),
    );
    // Overloaded (500/s against 2 × 100/s), yet never more than one worker per partition.
    expect(r.nodes.w!.utilization).toBeCloseTo(0.5, 2);
    expect(r.nodes.s!.groupIdleConsumers).toEqual({ w: 0 });
  });

  it('leave replicas beyond the partitions idle', () => {
    const r = run(
      scenario({
        durationS: 50,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 50 }, keys: { count: 1000, zipf: 0 } }),
          stream('s', { partitions: 2 }),
          service('w', { replicas: 5, workers: 1, serviceTimeMs: constant(5) }),
        ],
        edges: [edge('c', 's'), edge('s', 'w')],
      }),
    );
    expect(r.nodes.s!.groupIdleConsumers).toEqual({ w: 3 });
    // Two replicas of five do all the work: utilization is at most 2/5 of one replica's load.
    expect(r.nodes.w!.utilization).toBeCloseTo((50 * 0.005) / 5, 2);
  });
});

describe('a rebalance', () => {
  it('pauses the group when a replica leaves and again when it comes back', () => {
    const story = sim(
      scenario({
        durationS: 80,
        nodes: [
          client('c', {
            arrival: { process: 'constant', rps: 100 },
            keys: { count: 1000, zipf: 0 },
          }),
          stream('s', { partitions: 6, rebalanceMs: 2000 }),
          service('w', { replicas: 3, workers: 1, serviceTimeMs: constant(2) }),
        ],
        edges: [edge('c', 's'), edge('s', 'w')],
        faults: [{ atS: 30, forS: 20, kind: 'crash', target: 'w', replicas: 1 }],
      }),
    ).runToEnd();
    const s = story.result().nodes.s!;
    expect(s.groupRebalances).toEqual({ w: 2 });
    // Two pauses of exactly 2 s each.
    expect(s.groupPausedS).toEqual({ w: 4 });
    const at = (t: number) => story.windows.find((w) => w.startS === t)!.nodes.s!;
    // Membership is looked at every 0.1 s: the pause runs from 30.1 to 32.1 s.
    expect(at(31).rebalancing).toBe(1);
    expect(at(31).consumedRps).toBe(0);
    expect(at(31).liveLag).toBeGreaterThan(150);
    expect(at(40).rebalancing).toBe(0);
    expect(at(40).consumedRps).toBeGreaterThan(95);
    expect(at(51).rebalancing).toBe(1);
    expect(at(70).liveLag).toBeLessThan(10);
  });
  it('pauses once when an action scales the group out, and shares the partitions anew', () => {
    const s = run(
      scenario({
        durationS: 40,
        nodes: [
          client('c', {
            arrival: { process: 'constant', rps: 100 },
            keys: { count: 1000, zipf: 0 },
          }),
          stream('s', { partitions: 4, rebalanceMs: 1000 }),
          service('w', { replicas: 2, workers: 1, serviceTimeMs: constant(2) }),
        ],
        edges: [edge('c', 's'), edge('s', 'w')],
        actions: [{ atS: 20, target: 'w', set: { replicas: 6 } }],
      }),
    ).nodes.s!;
    expect(s.groupRebalances).toEqual({ w: 1 });
    expect(s.groupPausedS).toEqual({ w: 1 });
    // Six replicas for four partitions: two own none.
    expect(s.groupIdleConsumers).toEqual({ w: 2 });
  });
});

describe('retention', () => {
  it('drops what a slow group has not read, and counts it', () => {
    // 100 msg/s into one partition kept 2 s; a consumer of 50/s falls behind by 50/s, and
    // retention takes what is older than 2 s: about 50/s expire unread.
    const s = run(
      scenario({
        durationS: 60,
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 100 } }),
          stream('s', { partitions: 1, retentionS: 2 }),
          service('w', { replicas: 1, workers: 1, serviceTimeMs: constant(20) }),
        ],
        edges: [edge('c', 's'), edge('s', 'w')],
      }),
    ).nodes.s!;
    expect(s.retained).toBeLessThanOrEqual(201);
    expect(s.retained).toBeGreaterThanOrEqual(190);
    expect(s.expired! / 60).toBeGreaterThan(40);
    expect(s.expired! / 60).toBeLessThan(52);
    expect(s.groupConsumed!.w! + s.expired!).toBeLessThanOrEqual(6000);
  });

  it('refuses a replay naming a node that is not a consumer group, naming field and value', () => {
    const doc = scenario({
      nodes: [client('c'), stream('s', { replays: [{ groups: ['nope'], atS: 5 }] }), service('w')],
      edges: [edge('c', 's'), edge('s', 'w')],
    });
    expect(() => createSimulation(doc)).toThrow(
      'node "s": replays[0].groups: "nope" is not a consumer group of this stream (it calls "w")',
    );
  });
});
