import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { buildRows, busiestNodes, nodeKey } from '../../src/ui/charts/chartData.ts';
import { SparkPlot } from '../../src/ui/charts/SparkPlot.tsx';
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
    expect(busiestNodes(bufferWith(3), layout, 5)).toEqual(['api']);
  });
});

describe('the live plot', () => {
  it('draws one path per series through every point', () => {
    const { rows } = buildRows(bufferWith(10), layout, []);
    const { container } = render(
      <SparkPlot
        rows={rows}
        unit=" ms"
        stacked={false}
        series={[
          { key: 'p50', name: 'p50', color: 'green' },
          { key: 'p99', name: 'p99', color: 'red' },
        ]}
      />,
    );
    const paths = container.querySelectorAll('path');
    expect(paths).toHaveLength(2);
    expect(paths[1]?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(10);
    expect(container.textContent).toContain('1–10 s');
  });

  it('draws a step series as holds and jumps, not slopes', () => {
    const { rows } = buildRows(bufferWith(3), layout, []);
    const { container } = render(
      <SparkPlot
        rows={rows}
        unit=""
        stacked={false}
        series={[{ key: 'p50', name: 'p50', color: 'green', step: true }]}
      />,
    );
    const d = container.querySelector('path')?.getAttribute('d') ?? '';
    expect(d.match(/[MLHV]/g)).toEqual(['M', 'H', 'V', 'H', 'V']);
  });
});
