// The utilization heatmap: a band per node, busiest first, a hot node never averaged away when
// bands stand for groups, runs of one colour step drawn as one cell.
import { describe, expect, it } from 'vitest';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import { heatCells, heatOf, MAX_BANDS } from '../../src/ui/charts/heatmap.ts';
import { buildRows } from '../../src/ui/charts/chartData.ts';
import { fakeWindow } from '../worker/fakeEngine.ts';
import { smallDoc } from '../worker/docs.ts';
import type { Scenario } from '../../src/model/types.ts';

function filled(doc: Scenario, util: (id: string, t: number) => number, windows = 10) {
  const layout = layoutFor(doc);
  const buffer = new MetricsBuffer();
  buffer.reset(layout);
  const ws = Array.from({ length: windows }, (_, t) => {
    const w = fakeWindow(doc, 0, t);
    for (const id of Object.keys(w.nodes))
      (w.nodes[id] as { utilization: number }).utilization = util(id, t);
    return w;
  });
  buffer.push(packWindows(layout, ws), ws.length);
  return { layout, buffer };
}

describe('utilization heatmap', () => {
  it('has a band per node in the order given, a value per row', () => {
    const doc = smallDoc();
    const ids = doc.nodes.map((n) => n.id);
    const { layout, buffer } = filled(doc, (id, t) => (id === ids[1] ? 0.95 : t / 100));
    const heat = heatOf(buffer, layout, [ids[1] ?? '', ids[0] ?? ''], (id) => `N ${id}`);
    expect(heat.names).toEqual([`N ${ids[1]}`, `N ${ids[0]}`]);
    expect([...(heat.values[0] ?? [])]).toEqual(Array(10).fill(0.95));
    expect(heat.values[1]?.[3]).toBeCloseTo(0.03);
  });

  it('shows the busiest of a group, so one hot node among many stays visible', () => {
    const doc = smallDoc();
    const base = doc.nodes[1];
    if (base === undefined) throw new Error('no node');
    const many = Array.from({ length: MAX_BANDS * 3 }, (_, i) => ({ ...base, id: `n${i}` }));
    const big = { ...doc, nodes: [...doc.nodes, ...many] };
    const { layout, buffer } = filled(big, (id) => (id === 'n7' ? 0.99 : 0.1), 3);
    const heat = heatOf(
      buffer,
      layout,
      many.map((n) => n.id),
      (id) => id,
    );
    expect(heat.values).toHaveLength(MAX_BANDS);
    expect(heat.names[0]).toBe('n0 and 2 more');
    expect(heat.values[2]?.[0]).toBe(0.99); // n6, n7, n8
    expect(heat.values[1]?.[0]).toBe(0.1);
  });

  it('has a column per chart row, and a hot window survives in its bucket', () => {
    const doc = smallDoc();
    const ids = doc.nodes.map((n) => n.id);
    const { layout, buffer } = filled(doc, (_, t) => (t === 438 ? 0.97 : 0.2), 900);
    const heat = heatOf(buffer, layout, ids, (id) => id, 150);
    const rows = buildRows(buffer, layout, [], 150).rows;
    expect(heat.values[0]).toHaveLength(rows.length);
    // Its columns at the rows' times (its own, so a heatmap worked out later stays right).
    expect(heat.times).toEqual(rows.map((r) => r['t']));
    expect(Math.max(...(heat.values[0] ?? []))).toBe(0.97);
  });

  it('draws a steady band as one cell and a change of step as another', () => {
    const times = [1, 2, 3, 4, 5];
    const heat = { names: ['a'], values: [Float64Array.from([0.1, 0.2, 0.3, 0.95, 0.97])], times };
    const svg = heatCells(heat, times, (t) => t * 10, 0, 10);
    expect(svg.match(/<rect/g)).toHaveLength(2);
    expect(svg).toContain('fill="#c92f2f"'); // 90 % and over
  });
});
