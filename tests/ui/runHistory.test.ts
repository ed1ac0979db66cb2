import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../src/store/storage/backends.ts';
import { memoryBackend } from '../../src/store/storage/backends.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { designCost } from '../../src/analysis/cost.ts';
import {
  mergeRecords,
  readRecords,
  recordOf,
  RUN_HISTORY_LIMIT,
  withRecord,
  type RunRecord,
} from '../../src/ui/runHistory/runRecord.ts';
import { compareRecords } from '../../src/ui/runHistory/runCompare.ts';
import { design } from '../analysis/helpers.ts';

let backend: Backend | null = null;
vi.mock('../../src/store/workspace.ts', () => ({
  currentWorkspace: () => (backend ? { backend } : null),
}));
const { keepRun, loadRunHistory, useRunHistory } =
  await import('../../src/ui/runHistory/runHistoryStore.ts');

const doc = design(
  [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 50 } } },
    { id: 'api', type: 'service', params: { replicas: 2 } },
  ],
  [['c', 'api']],
  { durationS: 5, objectives: [{ id: 'fast', metric: 'p99Ms', max: 1000 }] },
);
const result = runToEnd(doc);
result.objectives = [
  { id: 'fast', metric: 'p99Ms', target: { max: 1000 }, value: 40, met: true, margin: 960 },
];

const record = (at: number, over: Partial<RunRecord['figures']> = {}): RunRecord => {
  const r = recordOf(doc, result, designCost(doc, result).perHour, at);
  return { ...r, figures: { ...r.figures, ...over } };
};

/** A backend a quota or a privacy setting refuses: every write throws. */
function refusing(): Backend {
  const inner = memoryBackend();
  return {
    ...inner,
    kind: 'indexedDB',
    update: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
  };
}

beforeEach(() => {
  backend = null;
  useRunHistory.setState({ records: [], picked: [], problem: null, open: false });
});

describe('a run record', () => {
  it('keeps the document hash, seed, key figures, verdict and cost', () => {
    const r = record(1000);
    expect(r).toMatchObject({ name: 'test', seed: 1, durationS: 5, at: 1000 });
    expect(r.docHash).toMatch(/^[0-9a-f]{8}$/);
    expect(r.figures.p99Ms).toBe(result.latencyMs.p99);
    expect(r.figures.costPerHour).toBeCloseTo(0.2, 12);
    expect(r.objectives).toEqual({ met: 1, total: 1 });
    // The same document hashes the same; an edit does not.
    const edited = { ...doc, seed: 2 };
    expect(recordOf(edited, result, 0, 1).docHash).not.toBe(r.docHash);
  });

  it('reads back only entries of the right shape, at most the limit, newest first', () => {
    const good = record(1);
    expect(readRecords([good, { id: 'x' }, null, 'no'])).toEqual([good]);
    expect(readRecords({ not: 'a list' })).toEqual([]);
    let list: RunRecord[] = [];
    for (let i = 0; i < RUN_HISTORY_LIMIT + 5; i++) list = withRecord(list, record(i));
    expect(list).toHaveLength(RUN_HISTORY_LIMIT);
    expect(list[0]!.at).toBe(RUN_HISTORY_LIMIT + 4);
    const a = record(10);
    const b = record(20);
    expect(mergeRecords([a], [b, a]).map((r) => r.at)).toEqual([20, 10]);
  });

  it('compares two runs, saying which way is better', () => {
    const rows = compareRecords(
      record(1, { p99Ms: 100, throughputRps: 50, costPerHour: 0.2 }),
      record(2, { p99Ms: 80, throughputRps: 40, costPerHour: 0.2 }),
    );
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by['p99Ms']).toMatchObject({ change: '−20 %', verdict: 'better' });
    expect(by['throughputRps']).toMatchObject({ change: '−20 %', verdict: 'worse' });
    expect(by['costPerHour']).toMatchObject({ change: 'same', verdict: 'same' });
    // A change below the last digit shown is none.
    const tiny = compareRecords(record(1, { p50Ms: 10 }), record(2, { p50Ms: 10.001 }));
    expect(tiny.find((r) => r.key === 'p50Ms')).toMatchObject({ change: 'same', verdict: 'same' });
  });
});

describe('the kept runs', () => {
  it('survive in storage: a fresh page reads them back', async () => {
    backend = memoryBackend();
    backend = { ...backend, kind: 'indexedDB' };
    await keepRun(record(1));
    await keepRun(record(2));
    useRunHistory.setState({ records: [] }); // a reload: the tab's list is gone
    await loadRunHistory();
    expect(useRunHistory.getState().records.map((r) => r.at)).toEqual([2, 1]);
    expect(useRunHistory.getState().problem).toBeNull();
  });

  it('stay listed in the tab when storage refuses, and say so', async () => {
    backend = refusing();
    await keepRun(record(1));
    expect(useRunHistory.getState().records).toHaveLength(1);
    expect(useRunHistory.getState().problem).toMatch(/this tab only/);
  });

  it('stay listed in the tab when the browser gives only memory', async () => {
    backend = memoryBackend();
    await loadRunHistory();
    await keepRun(record(1));
    expect(useRunHistory.getState().records).toHaveLength(1);
    expect(useRunHistory.getState().problem).toMatch(/this tab only/);
  });
});
