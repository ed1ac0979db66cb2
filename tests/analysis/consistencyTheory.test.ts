/**
 * The theory table's consistency rows: exact zeros where an argument gives them (sync
 * replication and R + W > N read nothing stale; sticky sessions never read back in time),
 * checked against real runs, and no prediction where a partition voids the argument.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { DatabaseParams, Scenario } from '../../src/model/types.ts';
import {
  client,
  constant,
  database,
  edge,
  exp,
  run,
  scenario,
  service,
} from '../engine/harness.ts';

function group(primary: Partial<DatabaseParams>): Scenario {
  return scenario({
    durationS: 60,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 200 },
        writeRatio: 0.3,
        keys: { count: 20, zipf: 0 },
      }),
      service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', { connections: 500, ...primary }),
      database('r1', { connections: 500 }),
      database('r2', { connections: 500 }),
    ],
    edges: [
      edge('c', 'api'),
      edge('api', 'primary'),
      edge('api', 'r1'),
      edge('api', 'r2'),
      edge('primary', 'r1', { kind: 'replication', latencyMs: exp(50) }),
      edge('primary', 'r2', { kind: 'replication', latencyMs: exp(50) }),
    ],
  });
}

const rowsOf = (doc: Scenario, metric: string) =>
  theoryCompare(doc, run(doc)).filter((r) => r.metric === metric);

describe('consistency rows of the theory table', () => {
  it('sync replication: each replica predicted and measured 0 stale', () => {
    const rows = rowsOf(group({ replicationMode: 'sync' }), 'stale-read share');
    expect(rows.map((r) => [r.nodeId, r.model, r.predicted, r.measured, r.relativeError])).toEqual([
      ['r1', 'sync replication', 0, 0, 0],
      ['r2', 'sync replication', 0, 0, 0],
    ]);
  });

  it('quorum R 2 + W 2 > N 3: 0 stale; R 1 + W 2 = N: no row (it reads stale)', () => {
    const met = rowsOf(
      group({ replicationMode: 'quorum', writeQuorum: 2, readQuorum: 2 }),
      'stale-read share',
    );
    expect(met.map((r) => [r.model, r.predicted, r.measured])).toEqual([
      ['quorum R 2 + W 2 > N 3', 0, 0],
      ['quorum R 2 + W 2 > N 3', 0, 0],
    ]);
    const doc = group({ replicationMode: 'quorum', writeQuorum: 2, readQuorum: 1 });
    const r = run(doc);
    expect((r.nodes.r1!.staleReads as number) + (r.nodes.r2!.staleReads as number)).toBeGreaterThan(
      0,
    );
    expect(theoryCompare(doc, r).filter((x) => x.metric === 'stale-read share')).toEqual([]);
  });

  it('sticky sessions: every copy predicted and measured 0 monotonic-read violations', () => {
    const rows = rowsOf(group({ sessions: 'sticky' }), 'monotonic-read violations');
    expect(rows.map((r) => [r.nodeId, r.predicted, r.measured])).toEqual([
      ['primary', 0, 0],
      ['r1', 0, 0],
      ['r2', 0, 0],
    ]);
  });

  it('a partition on the replication edge voids the argument: no prediction, and why', () => {
    const doc = loadScenarioOrThrow(JSON.parse(readFileSync('presets/cap-partition.json', 'utf8')));
    const rows = rowsOf(doc, 'stale-read share');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.predicted).toBeNull();
    expect(rows[0]!.measured).toBeGreaterThan(0.05);
    expect(rows[0]!.note).toMatch(/^not predicted: partition on replication edge/);
  });
});
