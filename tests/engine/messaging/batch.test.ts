/**
 * A batch consumer behind a queue, saturated: 10 ms overhead + 1 ms per item. In batches of 10
 * a batch takes 20 ms, so one worker serves 10 / 0.020 = 500 items/s; one at a time each takes
 * 11 ms: 1 / 0.011 = 90.9 items/s. Work is constant, the queue never empties (800/s offered),
 * so the throughput is exact up to the batches in progress at the ends of the measured span
 * (a batch of 10 in 100 s: 0.1 items/s).
 */
import { describe, expect, it } from 'vitest';
import { client, edge, queue, run, scenario, service, sim } from '../harness.ts';

/** The writer's figures over the run, and its items served per second of the measured span,
 *  counted by completion time in the windows (the result counts only items created after
 *  warm-up, which leaves out the backlog still queued at the end). */
function saturated(maxItems: number) {
  const story = sim(
    scenario({
      durationS: 110,
      warmupS: 10,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 800 } }),
        // A bounded queue (the rest refused) keeps the backlog, and so the wait, short: the
        // messages counted after warm-up are served within the run.
        queue('q', { capacity: 200 }),
        service('writer', {
          batch: { maxItems, maxWaitMs: 50, overheadMs: 10, perItemMs: 1 },
        }),
      ],
      edges: [edge('c', 'q'), edge('q', 'writer')],
    }),
  ).runToEnd();
  const measured = story.windows.filter((w) => !w.warmup);
  const served = measured.reduce((n, w) => n + w.nodes.writer!.ok, 0);
  const span = measured.reduce((s, w) => s + w.lengthS, 0);
  return { ...story.result().nodes.writer!, itemsPerS: served / span };
}

describe('a batch consumer', () => {
  it('serves 500 items/s in full batches of 10', () => {
    const w = saturated(10);
    expect(Math.abs(w.itemsPerS - 500)).toBeLessThan(0.2);
    expect(w.meanBatchItems).toBe(10);
    expect(w.utilization).toBeGreaterThan(0.99);
  });

  it('serves 90.9 items/s one at a time', () => {
    const w = saturated(1);
    expect(Math.abs(w.itemsPerS - 1000 / 11)).toBeLessThan(0.05);
    expect(w.meanBatchItems).toBe(1);
  });

  it('sends a smaller batch when its oldest item has waited the longest wait', () => {
    // 20 items/s against batches of 10 with a 100 ms wait: 2 or 3 items per batch, each
    // answered at most 100 ms + its batch's work after it came.
    const w = run(
      scenario({
        durationS: 200,
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 20 } }),
          service('writer', {
            batch: { maxItems: 10, maxWaitMs: 100, overheadMs: 10, perItemMs: 1 },
          }),
        ],
        edges: [edge('c', 'writer')],
      }),
    ).nodes.writer!;
    // Constant arrivals every 50 ms: a batch holds the item that opened it and the next one,
    // and the one that comes at the very instant its wait ends (arrivals at 0, 50, 100 ms: the
    // batch goes at 100 ms, with whichever of the two events runs first).
    expect(w.meanBatchItems).toBeGreaterThanOrEqual(2);
    expect(w.meanBatchItems).toBeLessThanOrEqual(3);
    // The longest: waited 100 ms, then a batch of 3 (13 ms); a mean over 2 shows the wait works.
    expect(w.latencyMs.max).toBeLessThanOrEqual(100 + 13 + 0.01);
  });
});
