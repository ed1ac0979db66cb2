import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/engine/tracing/types.ts';
import { keepTraces } from '../../src/worker/keptTraces.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import { TraceKeeper } from '../../src/worker/traceKeeper.ts';
import { engineLoop } from './harness.ts';
import { smallDoc } from './docs.ts';

const WHYS: Trace['why'][] = ['head', 'slow', 'failed'];
let nextId = 0;
/** `n` traces of mixed reasons, with new ids. */
const traces = (n: number): Trace[] =>
  Array.from({ length: n }, (_, i) => ({
    id: nextId++,
    why: WHYS[i % 3] ?? 'head',
    counted: true,
    startS: 0,
    endS: 0.01,
    status: 0,
    hops: [],
  }));

const blankFrame = (): MetricFrame => ({
  runId: 1,
  status: 'running',
  nowS: 0,
  events: 0,
  count: 0,
  data: new Float64Array(0),
});

/** What the page holds after a frame: the same rule as liveTraces.receive. */
const mirror = (page: Trace[], f: MetricFrame, maxKept: number): Trace[] =>
  f.traces === undefined ? page : keepTraces(f.tracesAll ? [] : page, f.traces, maxKept);

describe('the kept traces on the worker', () => {
  it('sends none while unwanted, but always how many are kept', () => {
    const keeper = new TraceKeeper(10);
    for (const n of [4, 5, 6]) {
      const f = blankFrame();
      keeper.fill(f, traces(n));
      expect(f.traces).toBeUndefined();
      expect(f.tracesKept).toBe(Math.min(10, n === 4 ? 4 : n === 5 ? 9 : 15));
    }
  });

  it('once wanted, sends all it keeps, then only the new ones, and the page ends with the same list', () => {
    nextId = 0;
    const keeper = new TraceKeeper(10);
    let page: Trace[] = [];
    // Unwanted for a while (past the bound), then wanted, past the bound again.
    for (let i = 0; i < 3; i++) keeper.fill(blankFrame(), traces(4));
    expect(keeper.want(true)).toBe(true);
    expect(keeper.want(true)).toBe(false);
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const f = blankFrame();
      keeper.fill(f, traces(3));
      sizes.push(f.traces?.length ?? 0);
      page = mirror(page, f, 10);
      expect(page).toHaveLength(f.tracesKept ?? -1);
    }
    expect(sizes).toEqual([10, 3, 3, 3, 3]);
    // The same list as a keeper that was wanted from the start.
    nextId = 0;
    const always = new TraceKeeper(10);
    always.want(true);
    let pageAlways: Trace[] = [];
    for (const n of [4, 4, 4, 3, 3, 3, 3, 3]) {
      const f = blankFrame();
      always.fill(f, traces(n));
      pageAlways = mirror(pageAlways, f, 10);
    }
    expect(page.map((t) => t.id)).toEqual(pageAlways.map((t) => t.id));
  });

  it('a run over, the page asking for its traces gets them at once', () => {
    const { loop, sink, runToEnd } = engineLoop();
    loop.load(smallDoc({ durationS: 30 }));
    runToEnd();
    expect(sink.frames.some((f) => f.traces !== undefined)).toBe(false);
    const kept = sink.last()?.tracesKept ?? 0;
    expect(kept).toBeGreaterThan(0);
    const before = sink.frames.length;
    loop.wantTraces(true);
    expect(sink.frames.length).toBe(before + 1);
    const f = sink.last();
    expect(f?.status).toBe('done');
    expect(f?.tracesAll).toBe(true);
    expect(f?.traces).toHaveLength(kept);
  });
});
