/**
 * The stale-read share over a serving partition (the replica's `partitionStaleReadShare`):
 * with Poisson writes at total rate w over K uniform keys, a read t seconds into the cut is stale
 * with probability 1 − e^(−w·t/K), so over a cut of T seconds the share is the average,
 * 1 − K/(wT)·(1 − e^(−wT/K)) (async replication lagging ℓ adds ℓ to t: see
 * src/analysis/partitionTheory.ts). Spread: over seeds 1..8 of the 20 s cut below the share has
 * sd 0.011 (the reads share keys, so the write process, not the ~9,000 reads, sets it): each
 * seed within 0.045 (4 sd), their mean within 0.012 (3 sd of a mean of 8).
 */
import { describe, expect, it } from 'vitest';
import { partitionRows } from '../../../src/analysis/partitionTheory.ts';
import type { DatabaseParams } from '../../../src/model/types.ts';
import { client, constant, database, edge, run, scenario, service } from '../harness.ts';

const K = 2000;
const RPS = 1000;
const WRITES = 0.1; // w = 100 writes/s, λ = w/K = 0.05 per key per second
const AT = 20;
const LAG_MS = 50;

function cut(forS: number, mode: DatabaseParams['replicationMode'] = 'async') {
  return scenario({
    durationS: AT + forS + 10,
    warmupS: 5,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: RPS },
        writeRatio: WRITES,
        keys: { count: K, zipf: 0 },
      }),
      service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', { connections: 200, replicationMode: mode }),
      database('replica', { connections: 200, onPartition: 'serve' }),
    ],
    edges: [
      edge('c', 'api'),
      edge('api', 'primary'),
      edge('api', 'replica'),
      edge('primary', 'replica', { id: 'repl', kind: 'replication', latencyMs: constant(LAG_MS) }),
    ],
    faults: [{ atS: AT, forS, kind: 'partition', target: 'repl' }],
  });
}

/** The closed form: the mean over [0, T] of 1 − e^(−λ(t + ℓ)). */
function closedForm(T: number, lagS: number): number {
  const lambda = (RPS * WRITES) / K;
  return 1 - (Math.exp(-lambda * lagS) * (1 - Math.exp(-lambda * T))) / (lambda * T);
}

describe('stale reads over a serving partition', () => {
  it('average 1 − K/(wT)·(1 − e^(−wT/K)) over a 20 s cut (async: + the lag)', () => {
    const predicted = closedForm(20, LAG_MS / 1000); // 0.3695
    const shares = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const r = run(cut(20), { seed, windows: false });
      const share = r.nodes.replica!.partitionStaleReadShare as number;
      expect(Math.abs(share - predicted), `seed ${seed}`).toBeLessThan(0.045);
      // Half the reads go to the replica: 1000 × 0.9 / 2 a second for 20 s.
      expect(Math.abs((r.nodes.replica!.partitionReads as number) / 9000 - 1)).toBeLessThan(0.05);
      return share;
    });
    const mean = shares.reduce((a, b) => a + b) / shares.length;
    expect(Math.abs(mean - predicted)).toBeLessThan(0.012);
  });

  it('a short cut reads far less stale: the share grows with the cut', () => {
    const short = run(cut(4), { seed: 3, windows: false }).nodes.replica!;
    const predicted = closedForm(4, LAG_MS / 1000); // 0.0956
    // Over 4 s the share is about a fifth of the long cut's, with a similar absolute spread.
    expect(Math.abs((short.partitionStaleReadShare as number) - predicted)).toBeLessThan(0.045);
    expect(short.partitionStaleReadShare).toBeLessThan(0.2);
  });

  it('the theory table predicts it from the document and the primary’s measured writes', () => {
    for (const mode of ['async', 'sync'] as const) {
      const doc = cut(20, mode);
      const r = run(doc, { seed: 2, windows: false });
      const [row] = partitionRows(doc, r);
      expect(row!.model).toBe('Poisson writes, serving partition');
      // w from the primary's commits (~100/s); sync: nothing in flight is acknowledged, ℓ = 0.
      const w = (r.nodes.primary!.writes as number) / doc.durationS;
      const lambda = w / K;
      const lag = mode === 'async' ? LAG_MS / 1000 : 0;
      const expected = 1 - (Math.exp(-lambda * lag) * (1 - Math.exp(-lambda * 20))) / (lambda * 20);
      expect(row!.predicted).toBeCloseTo(expected, 9);
      expect(Math.abs(row!.measured - expected)).toBeLessThan(0.045);
    }
  });

  it('says why where it cannot predict, and has no row without a cut', () => {
    const doc = cut(20);
    const skewed = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.type === 'client' ? { ...n, params: { ...n.params, keys: { count: K, zipf: 1 } } } : n,
      ),
    };
    const [row] = partitionRows(skewed, run(skewed, { windows: false }));
    expect(row!.predicted).toBeNull();
    expect(row!.note).toMatch(/keys not uniform/);
    const whole = { ...doc, faults: [] };
    expect(partitionRows(whole, run(whole, { windows: false }))).toEqual([]);
  });
});
