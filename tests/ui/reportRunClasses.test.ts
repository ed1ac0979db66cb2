// The run report's "Whole run" table reads the result's `classes` (every client's requests by
// class, end to end) as class rows, the way a node's classes read.
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../src/engine/types.ts';
import { reportSections } from '../../src/ui/report/reportModel.ts';

const latency = (p99: number) => ({ mean: 1, p50: 1, p90: 2, p95: 3, p99, max: 9 });

const result = {
  name: 'x',
  seed: 1,
  durationS: 60,
  warmupS: 0,
  events: 1,
  wallMs: 1,
  requests: { total: 10, ok: 9, failed: 1 },
  throughputRps: 0.15,
  errorRate: 0.1,
  latencyMs: latency(5),
  nodes: {},
  timeline: [],
  classes: {
    checkout: { ok: 3, failed: 1, throughputRps: 0.05, errorRate: 0.25, latencyMs: latency(30) },
    browse: { ok: 6, failed: 0, throughputRps: 0.1, errorRate: 0, latencyMs: latency(5) },
  },
} as SimResult;

describe('the whole run by class', () => {
  it('gives each class its throughput, error rate and latency rows', () => {
    const run = reportSections({ nodes: [], result }).find((s) => s.id === 'run')!;
    const row = (label: string) => run.rows.find((r) => r.label === label)?.cells[0];
    expect(row('By class: checkout p99')).toBe(30);
    expect(row('By class: checkout error rate')).toBe(0.25);
    expect(row('By class: browse throughput')).toBe(0.1);
    expect(row('By class: browse p99')).toBe(5);
  });
});
