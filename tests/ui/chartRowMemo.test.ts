// The chart draws remember what they read from each buffer row (rowMemo.ts): what they draw must
// be the same, to the bit, as reading every row again, however the buffer has turned over since
// the last draw (windows leaving the fine ring, coarse rows merged pairwise, a new run).
import { describe, expect, it } from 'vitest';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import {
  buildRows,
  busiestNodes,
  type NodeAggregate,
  type NodeSeries,
} from '../../src/ui/charts/chartData.ts';
import { rowFiguresMemo, rowReading, warmRowFigures } from '../../src/ui/charts/rowFigures.ts';
import { RowMemo } from '../../src/ui/charts/rowMemo.ts';
import { heatOf } from '../../src/ui/charts/heatmap.ts';
import {
  utilizationMemo,
  utilizationPass,
  warmUtilizations,
} from '../../src/ui/charts/rowUtilizations.ts';
import { fakeWindow } from '../worker/fakeEngine.ts';
import { smallDoc } from '../worker/docs.ts';
import type { Scenario } from '../../src/model/types.ts';

/** Eight services whose figures move from window to window, and some windows' errors. */
function design(): Scenario {
  const base = smallDoc();
  return smallDoc({
    nodes: [
      base.nodes[0]!,
      ...Array.from({ length: 8 }, (_, k) => ({ ...base.nodes[1]!, id: `s${k}`, label: `S${k}` })),
    ],
    edges: [],
  });
}

function windowAt(doc: Scenario, i: number) {
  const w = fakeWindow(doc, 0, i);
  for (let k = 0; k < 8; k++)
    Object.assign(w.nodes[`s${k}`] ?? {}, {
      utilization: ((i * 7 + k * 13) % 100) / 100,
      queueLength: (i * 3 + k) % 11,
      ok: i % 9 === k ? 0 : 5, // now and then a window with no success: a gap in p99Ms
    });
  if (i % 5 === 0) w.errors = { timeout: 2, rejected: i % 3 };
  return w;
}

const wanted: NodeSeries[] = [
  { id: 's0', columns: ['utilization', 'queueLength', 'p99Ms'] },
  { id: 's1', columns: ['utilization'] },
];
const others: NodeAggregate[] = [
  { key: 'u', column: 'utilization', ids: ['s2', 's3', 's4', 's5', 's6', 's7'], how: 'mean' },
  { key: 'q', column: 'queueLength', ids: ['s2', 's3', 's4', 's5', 's6', 's7'], how: 'sum' },
];

describe('chart rows remembered from draw to draw', () => {
  it('draws the same rows as reading the whole buffer, as it turns over and merges', () => {
    const doc = design();
    const layout = layoutFor(doc);
    // A small buffer: 12 fine rows, 6 coarse, so rows leave, merge and halve within the test.
    const buffer = new MetricsBuffer(12, 6);
    buffer.reset(layout);
    const memo = rowFiguresMemo();
    const heat = utilizationMemo();
    let next = 0;
    for (const batch of [1, 3, 5, 7, 2, 11, 13, 1, 40, 17, 90, 3]) {
      const ws = Array.from({ length: batch }, () => windowAt(doc, next++));
      buffer.push(packWindows(layout, ws), batch);
      for (const maxPoints of [150, 8]) {
        const fresh = buildRows(buffer, layout, wanted, maxPoints, others);
        const kept = buildRows(buffer, layout, wanted, maxPoints, others, [], memo);
        expect(kept).toEqual(fresh);
        // The ranking and the heatmap read through one pass, as a draw does; the heatmap's
        // bands in a new order at every draw, as the ranking moves.
        const pass = utilizationPass(heat, layout);
        expect(busiestNodes(buffer, layout, 3, maxPoints, [], pass.of)).toEqual(
          busiestNodes(buffer, layout, 3, maxPoints),
        );
        const ranked = doc.nodes.map((n) => n.id).sort(() => (next % 3) - 1);
        expect(heatOf(buffer, layout, ranked, String, maxPoints, pass.of)).toEqual(
          heatOf(buffer, layout, ranked, String, maxPoints),
        );
        pass.end();
      }
    }
    expect(next).toBeGreaterThan(12 + 6 * 4 * 2); // the coarse rows were halved at least once
  });

  it('reads nothing of the last run for a new one, nor of other series for new ones', () => {
    const doc = design();
    const layout = layoutFor(doc);
    const buffer = new MetricsBuffer(12, 6);
    const memo = rowFiguresMemo();
    buffer.reset(layout);
    buffer.push(
      packWindows(
        layout,
        [0, 1, 2].map((i) => windowAt(doc, i)),
      ),
      3,
    );
    buildRows(buffer, layout, wanted, 150, others, [], memo);
    // The same windows' times, other figures: a new run (same layout) and other series asked.
    buffer.reset(layout);
    buffer.push(
      packWindows(
        layout,
        [50, 51, 52].map((i) => ({ ...windowAt(doc, i), tS: i - 49, startS: i - 50 })),
      ),
      3,
    );
    expect(buildRows(buffer, layout, wanted, 150, others, [], memo)).toEqual(
      buildRows(buffer, layout, wanted, 150, others),
    );
    const fewer = wanted.slice(1);
    expect(buildRows(buffer, layout, fewer, 150, [], [], memo)).toEqual(
      buildRows(buffer, layout, fewer, 150),
    );
  });

  it('works a row out once while it is held, and again once it has changed', () => {
    const memo = new RowMemo<number>();
    const data = Float64Array.of(1, 0, 1, 2, 1, 1); // rows of (end, start, length)
    let made = 0;
    const pass = (signature: string) => {
      memo.begin(signature);
      const values = [0, 3].map((at) => memo.get(data, at, () => ++made));
      memo.end();
      return values;
    };
    expect(pass('a')).toEqual([1, 2]);
    expect(pass('a')).toEqual([1, 2]); // held: not made again
    data.set([4, 1, 3], 3); // the second row merged with its neighbour: same start, later end
    expect(pass('a')).toEqual([1, 3]);
    expect(pass('b')).toEqual([4, 5]); // other series: nothing reused
    expect(made).toBe(5);
  });

  it('fills the rows not held, a deadline at a time, and the pass after it makes none', () => {
    const memo = new RowMemo<number>();
    const data = Float64Array.of(1, 0, 1, 2, 1, 1, 3, 2, 1, 4, 3, 1); // four rows
    const rows = (visit: (d: Float64Array, at: number) => void) =>
      [0, 3, 6, 9].forEach((at) => visit(data, at));
    let clock = 0;
    let made = 0;
    const make = () => {
      clock += 1; // each row costs 1 of the clock
      return ++made;
    };
    memo.begin('a');
    memo.get(data, 3, make); // one already held
    clock = 0;
    expect(memo.fill(rows, make, 2, () => clock)).toBe(true); // two made, one left
    expect(made).toBe(3);
    expect(memo.fill(rows, make, clock + 2, () => clock)).toBe(false);
    expect(made).toBe(4);
    memo.begin('a');
    expect([0, 3, 6, 9].map((at) => memo.get(data, at, make))).toEqual([2, 1, 3, 4]);
    memo.end();
    expect(made).toBe(4);
  });

  it('draws the same after its rows were read ahead in slices, windows arriving between', () => {
    const doc = design();
    const layout = layoutFor(doc);
    const buffer = new MetricsBuffer(12, 6);
    buffer.reset(layout);
    const memo = rowFiguresMemo();
    const heat = utilizationMemo();
    const reading = rowReading(layout, wanted, others, []);
    let clock = 0;
    const now = () => (clock += 1); // every look at the clock: a row's time
    let next = 0;
    for (const batch of [3, 7, 2, 11, 40, 17, 90, 3]) {
      const ws = Array.from({ length: batch }, () => windowAt(doc, next++));
      buffer.push(packWindows(layout, ws.slice(0, batch >> 1)), batch >> 1);
      // Two rows a slice, part of the windows arriving between slices.
      warmUtilizations(heat, buffer, layout, clock + 3, now);
      warmRowFigures(buffer, reading, memo, clock + 3, now);
      buffer.push(packWindows(layout, ws.slice(batch >> 1)), batch - (batch >> 1));
      while (warmRowFigures(buffer, reading, memo, clock + 3, now));
      for (const maxPoints of [150, 8])
        expect(buildRows(buffer, layout, wanted, maxPoints, others, [], memo)).toEqual(
          buildRows(buffer, layout, wanted, maxPoints, others),
        );
      const pass = utilizationPass(heat, layout);
      expect(heatOf(buffer, layout, ['s1', 's0', 's2'], String, 8, pass.of)).toEqual(
        heatOf(buffer, layout, ['s1', 's0', 's2'], String, 8),
      );
      pass.end();
    }
  });
});
