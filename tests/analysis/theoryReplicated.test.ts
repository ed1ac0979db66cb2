import { describe, expect, it } from 'vitest';
import { replicationSeeds } from '../../src/analysis/replications.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { theoryCompareReplicated } from '../../src/analysis/theoryReplicated.ts';
import { design } from './helpers.ts';

const station = (rps: number, replicas: number) =>
  design(
    [
      { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps } } },
      {
        id: 's',
        type: 'service',
        params: { replicas, serviceTimeMs: { dist: 'exponential', meanMs: 1 } },
      },
    ],
    [['c', 's']],
    { durationS: 20, warmupS: 2 },
  );

const over8Seeds = (rps: number, replicas: number) => {
  const doc = station(rps, replicas);
  const rows = theoryCompareReplicated(
    doc,
    replicationSeeds(1, 8).map((seed) => runToEnd(doc, { seed })),
  );
  return (metric: string) =>
    rows.find((r) => r.nodeId === 's' && r.metric === metric && r.model !== 'flow');
};

describe('theory against measurement over seeds', () => {
  it('an exact model (M/M/1) sits within the measured interval', () => {
    const row = over8Seeds(500, 1)('mean latency (ms)');
    expect(row).toMatchObject({ model: 'M/M/1', seeds: 8 });
    expect(Math.abs((row?.measured ?? 0) - (row?.predicted ?? 0))).toBeLessThan(
      3 * (row?.measuredHalfWidth ?? 0),
    );
    expect(row?.measuredHalfWidth).toBeGreaterThan(0);
  });
  it('an approximation that misses is told apart from noise (join-shortest-queue vs M/M/3)', () => {
    const row = over8Seeds(2000, 3)('mean latency (ms)');
    expect(row?.model).toBe('M/M/3 (approx.)');
    expect(row?.agrees).toBe(false);
    expect(row?.relativeError).toBeGreaterThan(0.05);
  });
});
