/**
 * A click on a chart picks what the Traces view shows: the time, the line nearest the click on a
 * latency chart (or the value under the pointer), the node of a node's chart; and the list then
 * holds only requests about that latency, end to end or at that node.
 */
import { describe, expect, it } from 'vitest';
import { focusOfClick, SNAP_FACTOR } from '../../../src/ui/traces/chartFocus.ts';
import {
  closestTo,
  NEAR_FACTOR,
  pickTraces,
  timeAtNodeS,
} from '../../../src/ui/traces/pickTraces.ts';
import { axisFor, type PlotSpec } from '../../../src/ui/charts/plotSvg.ts';
import { axisFraction, axisValue } from '../../../src/ui/charts/valueAxis.ts';
import { preset, traced } from '../../engine/tracing/helpers.ts';

const row = { t: 62, p50: 40, p95: 300, p99: 1200, mean: 120 };
const latency: PlotSpec = {
  key: 'latency',
  title: 'End-to-end latency',
  rows: [row],
  kind: { unit: 'ms' },
  log: true,
  series: ['p50', 'p95', 'p99', 'mean'].map((k) => ({ key: k, name: k, color: '#000' })),
};

describe('the value under a click', () => {
  it('axisValue inverts axisFraction on a log and a linear axis', () => {
    for (const spec of [latency, { ...latency, log: false }]) {
      const axis = axisFor(spec);
      for (const v of [40, 120, 300, 1200])
        expect(axisValue(axis, axisFraction(axis, v))).toBeCloseTo(v, 6);
    }
  });
});

describe('what a chart click asks for', () => {
  it('near a line: that line’s value at the clicked time, and its name', () => {
    expect(focusOfClick(62, 1000, latency)).toEqual({
      tS: 62,
      nodeId: null,
      nearMs: 1200,
      nearName: 'p99',
    });
    expect(focusOfClick(62, 45, latency)).toMatchObject({ nearMs: 40, nearName: 'p50' });
  });

  it('beside a gap: the value at the end of the line', () => {
    const gap = { ...latency, rows: [row, { t: 63 }, { t: 64 }] };
    expect(focusOfClick(62.6, 1000, gap)).toMatchObject({ nearMs: 1200, nearName: 'p99' });
    // Two rows on, the line is too far away to be the one clicked.
    expect(focusOfClick(64, 1000, gap)).toMatchObject({ nearMs: 1000, nearName: null });
  });

  it('away from every line: the value under the pointer, unnamed', () => {
    // Between p95 (300) and p99 (1200), more than SNAP_FACTOR from both.
    const v = 300 * SNAP_FACTOR * 1.2;
    expect(v * SNAP_FACTOR).toBeLessThan(1200);
    expect(focusOfClick(62, v, latency)).toMatchObject({ nearMs: v, nearName: null });
  });

  it('off the axis, or on a chart that is not a latency: the time only', () => {
    expect(focusOfClick(62, undefined, latency)).toEqual({ tS: 62, nodeId: null });
    const throughput = { ...latency, key: 'throughput', kind: { unit: 'req/s' } };
    expect(focusOfClick(62, 1000, throughput)).toEqual({ tS: 62, nodeId: null });
  });

  it('the errors chart: the failed requests', () => {
    expect(focusOfClick(62, 5, { ...latency, key: 'errors' })).toEqual({
      tS: 62,
      failedOnly: true,
    });
  });

  it("a node's latency chart: through that node, about the time spent at it", () => {
    const nodeRow = { t: 62, 'p50Ms:db': 8, 'p99Ms:db': 90 };
    const spec: PlotSpec = {
      ...latency,
      key: 'node:latency at this node',
      rows: [nodeRow],
      series: [
        { key: 'p50Ms:db', name: 'p50', color: '#000' },
        { key: 'p99Ms:db', name: 'p99', color: '#000' },
      ],
    };
    expect(focusOfClick(62, 80, spec)).toEqual({
      tS: 62,
      nodeId: 'db',
      nearMs: 90,
      nearName: 'p99',
    });
    // Its other charts: through the node, no latency.
    const util = {
      ...spec,
      key: 'node:utilization',
      series: [{ key: 'utilization:db', name: 'u', color: '#000' }],
    };
    expect(focusOfClick(62, 0.5, util)).toEqual({ tS: 62, nodeId: 'db' });
  });
});

describe('the list near a latency', () => {
  const { traces } = traced(
    preset('retry-storm'),
    { sampleRate: 0.05, slowestPerWindow: 2, failed: true, maxTraces: 2000 },
    { durationS: 75 },
  );
  const d = (t: (typeof traces)[number]) => (t.endS - t.startS) * 1000;

  it('end to end: every listed request within NEAR_FACTOR of the value, slowest first', () => {
    const ms = d([...traces].sort((a, b) => d(a) - d(b))[Math.floor(traces.length * 0.9)]!);
    const all = pickTraces(traces, { outcome: 'all', node: -1, minMs: 0, tS: null });
    const near = pickTraces(traces, {
      outcome: 'all',
      node: -1,
      minMs: 0,
      tS: null,
      near: { ms, node: -1 },
    });
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all.length);
    for (const t of near) {
      expect(d(t)).toBeGreaterThanOrEqual(ms / NEAR_FACTOR);
      expect(d(t)).toBeLessThanOrEqual(ms * NEAR_FACTOR);
    }
    // Every trace about that latency is listed: the filter drops only the others.
    const inBand = all.filter((t) => d(t) >= ms / NEAR_FACTOR && d(t) <= ms * NEAR_FACTOR);
    expect(near.map((t) => t.id)).toEqual(inBand.map((t) => t.id));
  });

  it('at a node: by the time spent at that node, not end to end', () => {
    const node = 2;
    const through = traces.filter((t) => timeAtNodeS(t, node) >= 0);
    expect(through.length).toBeGreaterThan(0);
    const ms = timeAtNodeS(through[0]!, node) * 1000;
    const near = pickTraces(traces, {
      outcome: 'all',
      node,
      minMs: 0,
      tS: null,
      near: { ms, node },
    });
    expect(near.map((t) => t.id)).toContain(through[0]!.id);
    for (const t of near) {
      const at = timeAtNodeS(t, node) * 1000;
      expect(at).toBeGreaterThanOrEqual(ms / NEAR_FACTOR);
      expect(at).toBeLessThanOrEqual(ms * NEAR_FACTOR);
    }
  });

  it('with none about it: the closest few to the value, slowest first', () => {
    const f = { outcome: 'all' as const, node: -1, minMs: 0, tS: 65 };
    const pool = pickTraces(traces, f);
    // A value no trace near t = 65 s is within NEAR_FACTOR of.
    const ms = d(pool[0]!) * NEAR_FACTOR * 2;
    expect(pickTraces(traces, { ...f, near: { ms, node: -1 } })).toEqual([]);
    const closest = closestTo(traces, f, { ms, node: -1 }, 3);
    const want = [...pool].sort((a, b) => d(b) - d(a)).slice(0, 3);
    expect(closest.map((t) => t.id)).toEqual(want.map((t) => t.id));
  });
});
