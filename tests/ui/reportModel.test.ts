// The report's rows come from the kinds' figure declarations, read live from a window and at the
// end from the result; they read in human units or exactly, and copy as Markdown and CSV.
import { describe, expect, it } from 'vitest';
import type { NodeResult, NodeWindow, SimResult } from '../../src/engine/types.ts';
import { COMMON_FIGURES, isWindowNumber } from '../../src/model/kinds/figures.ts';
import { availabilityFiguresOf, figuresOf } from '../../src/model/kinds/kindFigures.ts';
import { kindFiguresOf } from '../../src/model/kinds/figureRegistry.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import { reportSections } from '../../src/ui/report/reportModel.ts';
import { cellText, reportCsv, reportMarkdown } from '../../src/ui/report/reportText.ts';

const nodes = [
  { id: 'q', type: 'queue' as const, label: 'Orders' },
  { id: 'db1', type: 'database' as const, label: 'Primary' },
  { id: 'db2', type: 'database' as const, label: '' },
];

const queueResult = {
  type: 'queue',
  arrivals: 12_000,
  ok: 11_990,
  failed: 10,
  throughputRps: 1234.5678,
  utilization: 0,
  meanQueueLength: 3.25,
  latencyMs: { mean: 1.5, p50: 1, p90: 2, p95: 3, p99: 79_942.1234, max: 90_000 },
  errors: { rejected: 10 },
  messageAgeMs: { mean: 0.85, p50: 1, p90: 2, p95: 3, p99: 4, max: 5 },
  deadLettered: 12,
} as unknown as NodeResult;

const dbResult = (staleReads: number) =>
  ({
    type: 'database',
    arrivals: 5,
    ok: 5,
    failed: 0,
    throughputRps: 1,
    utilization: 0.934,
    meanQueueLength: 0,
    latencyMs: { mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 },
    role: 'replica',
    staleReads,
  }) as unknown as NodeResult;

const result = {
  name: 'x',
  seed: 1,
  durationS: 120,
  warmupS: 10,
  events: 1,
  wallMs: 0,
  requests: { total: 1, ok: 1, failed: 0 },
  throughputRps: 1,
  errorRate: 0.0012,
  latencyMs: { mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 },
  nodes: { q: queueResult, db1: dbResult(4103), db2: dbResult(5664) },
  timeline: [],
} satisfies SimResult;

const rowOf = (sections: ReturnType<typeof reportSections>, section: string, path: string) =>
  sections.find((s) => s.id === section)?.rows.find((r) => r.path.join('.') === path);

describe('report rows', () => {
  it('has one column per node of a kind, named by its label or else its id', () => {
    const sections = reportSections({ nodes, result });
    expect(sections.map((s) => s.id)).toEqual(['run', 'queue', 'database']);
    expect(sections[2]?.columns.map((c) => c.name)).toEqual(['Primary', 'db2']);
    expect(rowOf(sections, 'database', 'staleReads')?.cells).toEqual([4103, 5664]);
  });

  it('splits summaries and counts by name into one row per part', () => {
    const sections = reportSections({ nodes, result });
    expect(rowOf(sections, 'queue', 'messageAgeMs.p99')?.label).toBe('Message age: p99');
    expect(rowOf(sections, 'queue', 'errors.rejected')?.cells).toEqual([10]);
    expect(rowOf(sections, 'run', 'requests.total')?.label).toBe('Requests: total');
    expect(rowOf(sections, 'run', 'errorRate')?.nature).toBe('ratio');
  });

  it('while running, reads every number a frame carries for the kind from the newest window', () => {
    const window: Record<string, NodeWindow> = {};
    for (const n of nodes) {
      const figures: Record<string, number> = {};
      for (const f of figuresOf(n.type).filter(isWindowNumber)) figures[f.key] = 7;
      window[n.id] = figures as unknown as NodeWindow;
    }
    const sections = reportSections({ nodes, window });
    for (const type of ['queue', 'database'] as const) {
      const keys = sections.find((s) => s.id === type)?.rows.map((r) => r.path.join('.'));
      // The kind's own figures first, then the common ones, then availability.
      const declared = [...kindFiguresOf(type), ...COMMON_FIGURES, ...availabilityFiguresOf(type)];
      expect(keys).toEqual(declared.filter(isWindowNumber).map((f) => f.key));
      expect(keys).not.toContain('messageAgeMs'); // a result-only figure waits for the end
    }
    expect(sections.every((s) => s.rows.every((r) => r.fromWindow))).toBe(true);
  });

  it('adds at the end what only the windows carry, marked as the last window', () => {
    const window = { db1: { replicationBacklog: 3 } as unknown as NodeWindow };
    const row = rowOf(reportSections({ nodes, result, window }), 'database', 'replicationBacklog');
    expect(row?.fromWindow).toBe(true);
    expect(row?.cells).toEqual([3, undefined]);
  });

  it('has a section for every kind the registry has, and none for an absent kind', () => {
    const all = NODE_TYPES.map((type) => ({ id: type, type, label: type }));
    const window = Object.fromEntries(all.map((n) => [n.id, { arrivals: 1 } as NodeWindow]));
    expect(reportSections({ nodes: all, window }).map((s) => s.id)).toEqual(NODE_TYPES);
  });
});

describe('the calls table', () => {
  const edges = [
    { id: 'e1', source: 'q', target: 'db1' },
    { id: 'e2', source: 'db1', target: 'db2' },
  ];
  const withEdges: SimResult = {
    ...result,
    edges: {
      e1: { calls: 120, failed: 7, retries: 5, breaker: 'open' },
      e2: { calls: 3, failed: 0 },
    },
  };

  it('has a column per edge, named by its ends, and a row per figure an edge reported', () => {
    const calls = reportSections({ nodes, edges, result: withEdges }).find((s) => s.id === 'edges');
    expect(calls?.columns.map((c) => c.name)).toEqual(['Orders → Primary', 'Primary → db2']);
    expect(calls?.rows.map((r) => r.path.join('.'))).toEqual([
      'edges.calls',
      'edges.failed',
      'edges.retries',
      'edges.breaker',
    ]);
    expect(rowOf([calls!], 'edges', 'edges.retries')?.cells).toEqual([5, undefined]);
    expect(rowOf([calls!], 'edges', 'edges.breaker')?.cells).toEqual(['open', undefined]);
  });

  it('reads the newest window while running, and is absent without edges', () => {
    const edgeWindow = { e1: { calls: 9, failed: 1 }, e2: { calls: 2, failed: 2 } };
    const live = reportSections({ nodes, edges, edgeWindow }).find((s) => s.id === 'edges');
    expect(rowOf([live!], 'edges', 'edges.failed')?.cells).toEqual([1, 2]);
    expect(rowOf([live!], 'edges', 'edges.failed')?.fromWindow).toBe(true);
    expect(reportSections({ nodes, result: withEdges }).some((s) => s.id === 'edges')).toBe(false);
  });
});

describe('report text', () => {
  const sections = reportSections({ nodes, result });
  const p99 = rowOf(sections, 'queue', 'latencyMs.p99')!;
  const rate = rowOf(sections, 'queue', 'throughputRps')!;
  const util = rowOf(sections, 'database', 'utilization')!;

  it('reads in human units, or exactly', () => {
    expect(cellText(p99, 79_942.1234, 'readable')).toBe('80 s');
    expect(cellText(p99, 79_942.1234, 'exact')).toBe('79,942.1234');
    expect(cellText(rate, 1234.5678, 'readable')).toBe('1.23k rps');
    expect(cellText(util, 0.934, 'readable')).toBe('93.4 %');
    expect(cellText(rowOf(sections, 'queue', 'messageAgeMs.mean')!, 0.85, 'readable')).toBe(
      '850 µs',
    );
  });

  it('copies as Markdown tables under a heading per section', () => {
    const md = reportMarkdown(sections, 'readable');
    expect(md).toContain('### Database');
    expect(md).toContain('| Figure | Primary | db2 |');
    expect(md).toContain('| Stale reads (reads) | 4,103 | 5,664 |');
  });

  it('copies as CSV with every number exact and unseparated', () => {
    const csv = reportCsv(sections).split('\n');
    expect(csv[0]).toBe('section,node,figure,label,unit,source,value');
    expect(csv).toContain('Queue,q,latencyMs.p99,Latency: p99,ms,result,79942.1234');
    expect(csv).toContain('Database,db2,staleReads,Stale reads,reads,result,5664');
  });
});
