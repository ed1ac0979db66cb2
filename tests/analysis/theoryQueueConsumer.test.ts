/**
 * A queue and its one consumer form one M/M/c station whose waiting happens in the queue (the
 * consumer pulls only when a worker is free): theory must compare its waiting with the queue's
 * depth and message age, and the consumer's own latency with the service time alone.
 */
import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analysis/queueing.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import { design } from './helpers.ts';

const doc = design(
  [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 150 } } },
    { id: 'q', type: 'queue' },
    {
      id: 'w',
      type: 'service',
      params: { workers: 2, serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
    },
  ],
  [
    ['c', 'q'],
    ['q', 'w'],
  ],
  { durationS: 400, warmupS: 20, seed: 3 },
);

describe('theory for a queue consumer', () => {
  const rows = theoryCompare(doc, runToEnd(doc, { seed: 3 }));
  const find = (metric: string) => rows.find((r) => r.nodeId === 'w' && r.metric === metric);
  const theory = mmc(0.15, 0.1, 2); // per ms: 150 rps, 10 ms service, 2 workers

  it('predicts the waiting in the queue, where the measurement finds it', () => {
    const waiting = find('mean number waiting in the queue');
    expect(waiting?.predicted).toBeCloseTo(theory.Lq, 9);
    // ρ = 0.75: Lq ≈ 1.93; over ~57,000 messages the run's figure is within a few per cent.
    expect(Math.abs(waiting?.relativeError ?? 1)).toBeLessThan(0.08);
    const wait = find('mean wait in the queue (ms)');
    expect(wait?.predicted).toBeCloseTo(theory.Wq, 6);
    expect(Math.abs(wait?.relativeError ?? 1)).toBeLessThan(0.08);
  });

  it("compares the consumer's own latency with the service time, not the station's sojourn", () => {
    const latency = find('mean latency (ms)');
    expect(latency?.predicted).toBeCloseTo(10, 6);
    expect(Math.abs(latency?.relativeError ?? 1)).toBeLessThan(0.03);
    expect(find('mean number waiting')).toBeUndefined();
  });
});
