import { describe, expect, it } from 'vitest';
import { mmc, mmcSojournPercentile, mmck } from '../../src/analysis/queueing.ts';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { design, fakeResult } from './helpers.ts';

const mm2 = design(
  [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 150 } } },
    {
      id: 's',
      type: 'service',
      params: { workers: 2, serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
    },
  ],
  [['c', 's']],
);

describe('theoryCompare (plumbing, on hand-made results)', () => {
  const theory = mmc(0.15, 0.1, 2);
  const result = fakeResult({
    nodes: {
      c: { type: 'client', arrivals: 9000 },
      s: {
        arrivals: 9000,
        ok: 9000,
        utilization: 0.75 * 1.1, // measured 10 % high
        meanQueueLength: theory.Lq,
        latencyMs: { mean: theory.W, p50: 0, p90: 0, p95: 0, p99: 61, max: 200 },
      },
    },
  });
  const rows = theoryCompare(mm2, result);
  const find = (metric: string) => rows.find((r) => r.nodeId === 's' && r.metric === metric);

  it('names the M/M/2 model and predicts its figures', () => {
    expect(find('mean latency (ms)')).toMatchObject({ model: 'M/M/2', predicted: theory.W });
    expect(find('p99 latency (ms)')?.predicted).toBeCloseTo(
      mmcSojournPercentile(0.15, 0.1, 2, 0.99),
      9,
    );
    expect(find('utilization')?.predicted).toBeCloseTo(0.75, 12);
    expect(find('utilization')?.relativeError).toBeCloseTo(0.1, 9);
    expect(find('arrival rate (rps)')).toMatchObject({
      model: 'flow',
      predicted: 150,
      measured: 150,
    });
  });

  it("checks Little's law with measured figures", () => {
    const little = find('L = λW');
    expect(little?.predicted).toBeCloseTo(0.15 * theory.W, 9);
    expect(little?.measured).toBeCloseTo(theory.Lq + 0.825 * 2, 9);
  });

  it('uses M/M/c/K with a finite queue and Erlang B without one, and skips callers', () => {
    const finite = design(
      [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 150 } } },
        { id: 'k', type: 'service', params: { workers: 2, queueCapacity: 3 } },
        { id: 'b', type: 'service', params: { workers: 4, queueCapacity: 0, serviceTimeMs: 10 } },
        { id: 'caller', type: 'service' },
      ],
      [
        ['c', 'k'],
        ['c', 'b'],
        ['c', 'caller'],
        ['caller', 'k'],
      ],
    );
    const res = fakeResult({ nodes: { k: { arrivals: 100, failed: 10 }, b: {}, caller: {} } });
    const r = theoryCompare(finite, res);
    // The client splits 150 rps three ways; k gets 50 direct and 50 through the caller.
    const kBlock = r.find((x) => x.nodeId === 'k' && x.metric === 'blocking');
    expect(kBlock?.model).toBe('M/M/2/5');
    expect(kBlock?.predicted).toBeCloseTo(mmck(0.1, 0.1, 2, 5).blocking, 12);
    expect(kBlock?.measured).toBeCloseTo(0.1, 12);
    expect(r.find((x) => x.nodeId === 'b' && x.metric === 'blocking')?.model).toBe('Erlang B');
    expect(r.some((x) => x.nodeId === 'caller' && x.model.startsWith('M/'))).toBe(false);
  });

  it('says when a station is unstable', () => {
    const hot = design(
      [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 300 } } },
        { id: 's', type: 'service', params: { workers: 2 } },
      ],
      [['c', 's']],
    );
    const r = theoryCompare(hot, fakeResult({ nodes: { s: {} } }));
    const mean = r.find((x) => x.metric === 'mean latency (ms)');
    expect(mean?.predicted).toBeNull();
    expect(mean?.note).toMatch(/unstable/);
  });
});

describe("Little's law at a replica", () => {
  const doc = design(
    [
      {
        id: 'c',
        type: 'client',
        params: { arrival: { process: 'poisson', rps: 100 }, writeRatio: 0.5 },
      },
      { id: 'primary', type: 'database' },
      { id: 'replica', type: 'database' },
    ],
    [
      ['c', 'primary'],
      ['c', 'replica'],
      ['primary', 'replica', { kind: 'replication' }],
    ],
    { durationS: 30 },
  );
  const little = (id: string) =>
    theoryCompare(doc, runToEnd(doc)).find((r) => r.nodeId === id && r.metric === 'L = λW');

  it('says its workers also apply replicated writes, which λ and W leave out', () => {
    const replica = little('replica');
    expect(replica?.note).toMatch(/applies replicated writes/);
    // The applies keep its workers busy: L measured above λW by about their share.
    expect(replica!.measured).toBeGreaterThan(replica!.predicted! * 1.2);
    expect(little('primary')?.note).not.toMatch(/replicated writes/);
  });
});
