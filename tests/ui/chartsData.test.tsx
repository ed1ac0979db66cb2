import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { buildRows, busiestNodes, nodeKey, TOP_HYSTERESIS } from '../../src/ui/charts/chartData.ts';
import { plotSvg, type PlotSpec } from '../../src/ui/charts/plotSvg.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import { fakeWindow } from '../worker/fakeEngine.ts';
import { smallDoc } from '../worker/docs.ts';

const doc = smallDoc();
const layout = layoutFor(doc);

function bufferWith(
  n: number,
  tweak: (w: ReturnType<typeof fakeWindow>, i: number) => void = () => {},
) {
  const b = new MetricsBuffer(1000, 10);
  b.reset(layout);
  const windows = Array.from({ length: n }, (_, i) => {
    const w = fakeWindow(doc, 0, i);
    tweak(w, i);
    return w;
  });
  b.push(packWindows(layout, windows), n);
  return b;
}

describe('chart rows', () => {
  it('has one row per window with global and per-node series', () => {
    const { rows } = buildRows(bufferWith(5), layout, [{ id: 'api', columns: ['utilization'] }]);
    expect(rows).toHaveLength(5);
    expect(rows[4]?.['t']).toBe(5);
    expect(rows[0]?.['p99']).toBe(fakeWindow(doc, 0, 0).latencyMs.p99);
    const api = fakeWindow(doc, 0, 0).nodes['api'];
    expect(rows[0]?.[nodeKey('utilization', 'api')]).toBe(api?.utilization);
    expect(rows[0]?.[nodeKey('p99Ms', 'api')]).toBeUndefined(); // not asked for
    expect(rows[0]?.[nodeKey('utilization', 'users')]).toBeUndefined();
  });

  it('never draws more than the point budget, and keeps the newest window', () => {
    const { rows } = buildRows(bufferWith(900), layout, [], 150);
    expect(rows.length).toBeLessThanOrEqual(150);
    expect(rows.at(-1)?.['t']).toBe(900);
  });

  it('keeps a one-window spike and dip however many windows share a point', () => {
    // Taking every 6th of 900 windows (the old way) left out windows 438 and 613.
    const b = bufferWith(900, (w, i) => {
      if (i === 438) w.latencyMs.p99 *= 10;
      if (i === 613) w.latencyMs.p99 = 1; // below every other window's
    });
    const p99s = Array.from({ length: 900 }, (_, i) => fakeWindow(doc, 0, i).latencyMs.p99);
    const { rows } = buildRows(b, layout, [], 150);
    expect(rows.length).toBeLessThanOrEqual(150);
    const drawn = rows.map((r) => r['p99'] ?? NaN);
    expect(Math.max(...drawn)).toBe((p99s[438] ?? NaN) * 10);
    expect(Math.min(...drawn)).toBe(1);
    // In time order, the spike at its window's bucket, the newest window last.
    const times = rows.map((r) => r['t'] ?? NaN);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const spikeAt = times[drawn.indexOf(Math.max(...drawn))] ?? NaN;
    expect(Math.abs(spikeAt - 439)).toBeLessThanOrEqual(900 / 75);
    expect(times.at(-1)).toBe(900);
  });

  it('lists the error reasons seen and the node series that changed', () => {
    const b = bufferWith(4, (w, i) => {
      const api = w.nodes['api'];
      if (api && i === 3) api.replicas = 5;
      if (i === 2) w.errors = { timeout: 1, rejected: 3 };
    });
    const data = buildRows(b, layout, [{ id: 'api', columns: ['replicas', 'ok'] }]);
    expect(data.reasons).toEqual(['rejected', 'timeout']);
    expect(data.changed.has(nodeKey('replicas', 'api'))).toBe(true);
    const steady = buildRows(bufferWith(4), layout, [{ id: 'api', columns: ['replicas'] }]);
    expect(steady.changed.has(nodeKey('replicas', 'api'))).toBe(false);
  });

  it('carries goodput and says when it falls visibly below ok throughput', () => {
    const same = buildRows(
      bufferWith(3, (w) => void (w.goodputRps = w.okRps ?? 0)),
      layout,
      [],
    );
    expect(same.rows[0]?.['goodput']).toBe(fakeWindow(doc, 0, 0).okRps);
    expect(same.goodputDiffers).toBe(false);
    const late = buildRows(
      bufferWith(3, (w, i) => void (w.goodputRps = (w.okRps ?? 0) - (i === 1 ? 20 : 0))),
      layout,
      [],
    );
    expect(late.rows[1]?.['goodput']).toBe((fakeWindow(doc, 0, 1).okRps ?? 0) - 20);
    expect(late.goodputDiffers).toBe(true);
  });

  it('picks the busiest non-client nodes for the per-node charts', () => {
    expect(busiestNodes(bufferWith(3), layout, 5)).toEqual({ top: ['api'], others: [] });
  });
});

describe('honest chart rows', () => {
  it('leaves latency out of a window with no successful answer: a gap, not 0 ms', () => {
    const b = bufferWith(3, (w, i) => {
      if (i !== 1) return;
      w.okRps = 0;
      w.throughputRps = 0;
      w.failedRps = 40;
      w.latencyMs = { p50: 0, p95: 0, p99: 0, mean: 0 };
      const api = w.nodes['api'];
      if (api) Object.assign(api, { ok: 0, p50Ms: 0, p99Ms: 0 });
    });
    const { rows } = buildRows(b, layout, [{ id: 'api', columns: ['p50Ms', 'p99Ms', 'ok'] }]);
    for (const key of ['p50', 'p95', 'p99', 'mean', nodeKey('p50Ms', 'api')])
      expect([key, rows.map((r) => r[key] !== undefined)]).toEqual([key, [true, false, true]]);
    expect(rows[1]?.[nodeKey('ok', 'api')]).toBe(0); // a count of 0 is a real 0
    // A value no axis can hold (an unlimited figure) is left out too, never drawn as NaN.
    const endless = bufferWith(2, (w) =>
      Object.assign(w.nodes['api'] ?? {}, { queueLength: Infinity }),
    );
    const drawnRows = buildRows(endless, layout, [{ id: 'api', columns: ['queueLength'] }]).rows;
    expect(drawnRows.map((r) => r[nodeKey('queueLength', 'api')])).toEqual([undefined, undefined]);
    expect(rows[1]?.['total']).toBe(40);
  });

  it('names throughput for what it is: total = ok + rejected + other errors, per second', () => {
    const b = bufferWith(1, (w) => {
      w.okRps = 60;
      w.failedRps = 40;
      w.errors = { rejected: 30, timeout: 10 }; // counts per window: shares of failedRps
    });
    const [row] = buildRows(b, layout, []).rows;
    expect(row).toMatchObject({ total: 100, ok: 60, rejected: 30, errors: 10, timeout: 10 });
    const halfSecond = bufferWith(1, (w) => {
      w.failedRps = 8;
      w.errors = { timeout: 4 }; // 4 in a 0.5 s window is 8 per second
    });
    expect(buildRows(halfSecond, layout, []).rows[0]?.['timeout']).toBe(8);
  });

  it('keeps the busiest few nodes as lines and sums up the rest as "others"', () => {
    const many = smallDoc({
      nodes: [
        smallDoc().nodes[0]!,
        ...Array.from({ length: 9 }, (_, k) => ({
          ...smallDoc().nodes[1]!,
          id: `s${k}`,
          label: `S${k}`,
        })),
      ],
      edges: [],
    });
    const l = layoutFor(many);
    const b = new MetricsBuffer(1000, 10);
    b.reset(l);
    const windows = Array.from({ length: 4 }, (_, i) => {
      const w = fakeWindow(many, 0, i);
      for (let k = 0; k < 9; k++)
        Object.assign(w.nodes[`s${k}`] ?? {}, { utilization: k / 10, queueLength: k });
      return w;
    });
    b.push(packWindows(l, windows), windows.length);
    const { top, others } = busiestNodes(b, l, 3);
    expect(top).toEqual(['s8', 's7', 's6']);
    expect(others).toHaveLength(6);
    const { rows } = buildRows(b, l, [], 150, [
      { key: 'u', column: 'utilization', ids: others, how: 'mean' },
      { key: 'q', column: 'queueLength', ids: others, how: 'sum' },
    ]);
    expect(rows[0]?.['u']).toBeCloseTo((0 + 1 + 2 + 3 + 4 + 5) / 60, 12);
    expect(rows[0]?.['q']).toBe(15);
    // One node left over is drawn as itself, not as "1 others".
    expect(busiestNodes(b, l, 8)).toEqual({ top: expect.any(Array), others: [] });
  });

  it('keeps the last drawn top while no other node is clearly busier', () => {
    const many = smallDoc({
      nodes: [
        smallDoc().nodes[0]!,
        ...Array.from({ length: 5 }, (_, k) => ({
          ...smallDoc().nodes[1]!,
          id: `s${k}`,
          label: `S${k}`,
        })),
      ],
      edges: [],
    });
    const l = layoutFor(many);
    const withUtilization = (u: number[]) => {
      const b = new MetricsBuffer(1000, 10);
      b.reset(l);
      const w = fakeWindow(many, 0, 0);
      u.forEach((x, k) => Object.assign(w.nodes[`s${k}`] ?? {}, { utilization: x }));
      b.push(packWindows(l, [w]), 1);
      return b;
    };
    // s2 passes s1 by 1 %: within TOP_HYSTERESIS, the top and its order stay.
    const close = withUtilization([0.5, 0.4, 0.404, 0.1, 0.05]);
    expect(busiestNodes(close, l, 2).top).toEqual(['s0', 's2']);
    expect(busiestNodes(close, l, 2, 150, ['s0', 's1'])).toEqual({
      top: ['s0', 's1'],
      others: ['s2', 's3', 's4'],
    });
    // By more than that, the ranking as it is; and a top of nodes no longer there is dropped.
    const clear = withUtilization([0.5, 0.4, 0.6, 0.1, 0.05]);
    expect(busiestNodes(clear, l, 2, 150, ['s0', 's1']).top).toEqual(['s2', 's0']);
    expect(busiestNodes(close, l, 2, 150, ['s0', 'gone']).top).toEqual(['s0', 's2']);
    expect(TOP_HYSTERESIS).toBeGreaterThan(0.01); // the 1 % above is inside it
  });
});

/** The chart drawn as the page draws it, parsed. */
function drawn(spec: Omit<PlotSpec, 'key' | 'title'>) {
  const { container } = render(
    <div
      dangerouslySetInnerHTML={{ __html: plotSvg({ key: 'k', title: 't', ...spec }, 400, 150) }}
    />,
  );
  const path = (key: string) =>
    container.querySelector(`path[data-series="${key}"]`)?.getAttribute('d') ?? '';
  const ticks = [...container.querySelectorAll('text')].map((t) => t.textContent);
  return { path, ticks };
}

describe('the chart drawing', () => {
  it('draws one path per series through every point, with a time axis', () => {
    const { rows } = buildRows(bufferWith(10), layout, []);
    const { path, ticks } = drawn({
      rows,
      kind: { unit: 'ms' },
      series: [
        { key: 'p50', name: 'p50', color: 'green' },
        { key: 'p99', name: 'p99', color: 'red' },
      ],
    });
    expect(path('p99').match(/[ML]/g)).toHaveLength(10);
    expect(path('p50').match(/[ML]/g)).toHaveLength(10);
    expect(ticks.filter((t) => /^\d+s$/.test(t ?? '')).length).toBeGreaterThanOrEqual(2);
  });

  it('lifts the pen over a gap instead of drawing down to 0', () => {
    const rows = [1, 2, 3, 4, 5].map((t) => (t === 3 ? { t } : { t, p99: 40 }));
    const { path } = drawn({
      rows,
      kind: { unit: 'ms' },
      series: [{ key: 'p99', name: 'p99', color: 'red' }],
    });
    expect(path('p99').match(/[ML]/g)).toEqual(['M', 'L', 'M', 'L']);
  });

  it('draws a step series as holds and jumps, not slopes', () => {
    const rows = [1, 2, 3].map((t) => ({ t, replicas: t }));
    const { path } = drawn({
      rows,
      kind: { unit: 'replicas' },
      series: [{ key: 'replicas', name: 'replicas', color: 'green', step: true }],
    });
    expect(path('replicas').match(/[MLHV]/g)).toEqual(['M', 'H', 'V', 'H', 'V']);
  });

  it('labels a latency axis in human units on a log scale', () => {
    const rows = [1, 2, 3].map((t) => ({ t, p99: [8, 1200, 90_000][t - 1] ?? 0 }));
    const { ticks } = drawn({
      rows,
      kind: { unit: 'ms' },
      log: true,
      series: [{ key: 'p99', name: 'p99', color: 'red' }],
    });
    expect(ticks).toEqual(
      expect.arrayContaining(['1 ms', '10 ms', '100 ms', '1 s', '10 s', '100 s', 'log scale']),
    );
    expect(ticks.some((t) => t?.includes('1200'))).toBe(false);
  });
});
