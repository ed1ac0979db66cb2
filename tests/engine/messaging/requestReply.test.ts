/**
 * Request-reply over a queue pair: the producer's time is the sum of its parts, the ack, the
 * wait in the queue, the consumer's work (with its hops) and the reply's hop, exactly on a
 * deterministic setup and on average against M/M/1 with Poisson arrivals; a reply past the
 * timeout fails the producer and is counted late.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/model/types.ts';
import { client, constant, edge, exp, queue, run, scenario, service } from '../harness.ts';

const reply = { timeoutMs: 1000, replyMs: 2 };

function pair(p: {
  rps: number;
  poisson?: boolean;
  serviceMs: ReturnType<typeof exp>;
  hopMs?: number;
  consumerHopMs?: number;
  timeoutMs?: number;
  durationS?: number;
  seed?: number;
}): Scenario {
  return scenario({
    durationS: p.durationS ?? 100,
    warmupS: 10,
    seed: p.seed ?? 1,
    nodes: [
      client('c', { arrival: { process: p.poisson ? 'poisson' : 'constant', rps: p.rps } }),
      queue('q', { ackMs: constant(1), reply: { ...reply, timeoutMs: p.timeoutMs ?? 1000 } }),
      service('worker', { workers: 1, serviceTimeMs: p.serviceMs }),
    ],
    edges: [
      edge('c', 'q', { latencyMs: constant(p.hopMs ?? 0) }),
      edge('q', 'worker', { latencyMs: constant(p.consumerHopMs ?? 0) }),
    ],
  });
}

describe('request-reply latency is the sum of its parts', () => {
  it('exactly, with constant times and no waiting: 5 + 1 + 0 + (3 + 10 + 3) + 2 + 5 = 29 ms', () => {
    // 10 requests/s, one every 100 ms, each done in 16 ms: nobody waits.
    const r = run(pair({ rps: 10, serviceMs: constant(10), hopMs: 5, consumerHopMs: 3 }));
    const q = r.nodes.q!;
    expect(q.meanAckMs).toBeCloseTo(1, 6);
    expect(q.meanWaitMs).toBeCloseTo(0, 6);
    expect(q.meanConsumerMs).toBeCloseTo(16, 6);
    expect(q.meanReplyMs).toBe(2);
    expect(q.meanRequestReplyMs).toBeCloseTo(19, 6);
    // The producer adds its own hop each way; the histogram is within 0.2 %.
    expect(r.latencyMs.mean).toBeCloseTo(29, 1);
    expect(r.latencyMs.max).toBeCloseTo(29, 0);
    expect(q.replies).toBe(r.requests.ok);
    expect(q.replyTimeouts).toBe(0);
    expect(q.lateReplies).toBe(0);
  });

  it('the four parts add up to the request-reply time whatever the waits', () => {
    const r = run(pair({ rps: 80, poisson: true, serviceMs: exp(10) }));
    const q = r.nodes.q!;
    const parts = q.meanAckMs! + q.meanWaitMs! + q.meanConsumerMs! + q.meanReplyMs!;
    expect(parts).toBeCloseTo(q.meanRequestReplyMs!, 2);
    expect(q.meanWaitMs!).toBeGreaterThan(10);
  });

  it('on average, M/M/1 at ρ 0.5: 1 ms ack + 1/(μ − λ) = 20 ms + 2 ms reply = 23 ms', () => {
    // λ 50/s, μ 100/s. The queue hands a message to the consumer only when its worker is free,
    // so queue and consumer together are one M/M/1 station. Over seeds 1–8 of 2,000 s (about
    // 100,000 requests each) the mean ran 22.78–23.23 ms (sd 0.17 ms): 0.6 ms is 3.5 sd; the
    // consumer's mean ran 9.94–10.02 ms (sd 0.03 ms), held to 0.2 ms.
    const r = run(pair({ rps: 50, poisson: true, serviceMs: exp(10), durationS: 2000 }));
    const q = r.nodes.q!;
    expect(Math.abs(r.latencyMs.mean - 23)).toBeLessThan(0.6);
    expect(Math.abs(q.meanWaitMs! + q.meanConsumerMs! - 20)).toBeLessThan(0.6);
    expect(Math.abs(q.meanConsumerMs! - 10)).toBeLessThan(0.2);
  });
});

describe('a reply past the timeout', () => {
  it('fails the producer with timeout and is counted late, then dropped', () => {
    // Each request takes 50 ms of work; the producer waits 30 ms.
    const r = run(pair({ rps: 10, serviceMs: constant(50), timeoutMs: 30 }));
    const q = r.nodes.q!;
    expect(r.requests.ok).toBe(0);
    expect(r.errors!.timeout).toBe(r.requests.total);
    expect(q.replyTimeouts).toBe(r.requests.total);
    expect(q.replies).toBe(0);
    // Every reply comes 23 ms after its producer gave up (1 + 50 + 2 − 30): all late, the last
    // one inside the run too.
    expect(q.lateReplies).toBe(q.replyTimeouts);
    expect(q.consumed).toBe(r.requests.total);
  });

  it('lets through the replies that beat it: constant 20 ms work, 30 ms timeout', () => {
    const r = run(pair({ rps: 10, serviceMs: constant(20), timeoutMs: 30 }));
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.q!.lateReplies).toBe(0);
    expect(r.latencyMs.mean).toBeCloseTo(23, 1);
  });
});
