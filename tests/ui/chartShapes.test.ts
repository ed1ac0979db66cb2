// The live charts' React side renders a card again only when its own shape changes: on a large
// design the busiest five nodes trade places about once a second, and a new spec for every card
// then made all of them render and redraw, in sight or not.
import { describe, expect, it } from 'vitest';
import { keepShapes } from '../../src/ui/charts/chartShapes.ts';
import type { PlotSpec } from '../../src/ui/charts/plotSvg.ts';

const spec = (key: string, names: string[], t = 1): PlotSpec => ({
  key,
  title: key,
  rows: [{ t }],
  kind: { unit: 'ms' },
  series: names.map((name) => ({ key: name, name, color: '#333' })),
});

describe('keepShapes', () => {
  it('keeps the old list when no chart changed shape, whatever its rows', () => {
    const old = [spec('latency', ['p50']), spec('utilization', ['a', 'b'])];
    const next = [spec('latency', ['p50'], 2), spec('utilization', ['a', 'b'], 2)];
    expect(keepShapes(old, next)).toBe(old);
  });

  it('gives a new spec only to the chart whose legend changed', () => {
    const old = [spec('latency', ['p50']), spec('utilization', ['a', 'b'])];
    const next = [spec('latency', ['p50'], 2), spec('utilization', ['b', 'a'], 2)];
    const kept = keepShapes(old, next);
    expect(kept).not.toBe(old);
    expect(kept?.[0]).toBe(old[0]);
    expect(kept?.[1]).toBe(next[1]);
  });

  it('follows charts that come, go or move, keeping the ones that stay', () => {
    const old = [spec('latency', ['p50']), spec('queue', ['a'])];
    const next = [spec('node:x', ['q']), spec('latency', ['p50'], 3)];
    const kept = keepShapes(old, next);
    expect(kept?.map((s) => s.key)).toEqual(['node:x', 'latency']);
    expect(kept?.[1]).toBe(old[0]);
  });

  it('takes the new list as it is when there was none, and none when there is none', () => {
    const next = [spec('latency', ['p50'])];
    expect(keepShapes(undefined, next)).toBe(next);
    expect(keepShapes(next, undefined)).toBeUndefined();
  });
});
