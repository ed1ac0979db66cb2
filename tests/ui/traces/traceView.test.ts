/** The Traces view's pure parts: the waterfall's rows, the list's filters, the bounded store. */
import { describe, expect, it } from 'vitest';
import { waterfallRows } from '../../../src/ui/traces/traceRows.ts';
import { nearestInTime, NEAR_S, pickTraces } from '../../../src/ui/traces/pickTraces.ts';
import { useLiveTraces } from '../../../src/ui/traces/liveTraces.ts';
import { TRACING_DEFAULTS } from '../../../src/model/tracing.ts';
import { preset, traced } from '../../engine/tracing/helpers.ts';

const { traces } = traced(
  preset('retry-storm'),
  { sampleRate: 0.05, slowestPerWindow: 2, failed: true, maxTraces: 2000 },
  { durationS: 75 },
);

describe('waterfall rows', () => {
  it('one row per hop; each row’s parts tile its call and the critical parts add to the root', () => {
    for (const t of traces.slice(0, 300)) {
      const rows = waterfallRows(t, (n) => `n${n}`);
      expect(rows).toHaveLength(t.hops.length);
      let critical = 0;
      for (const r of rows.slice(1)) {
        for (const p of r.parts) {
          expect(p.endS).toBeGreaterThan(p.startS);
          critical += p.criticalS;
        }
      }
      // The root's own moments (none here: the client sends at once) are not a part.
      expect(critical).toBeCloseTo(t.endS - t.startS, 9);
    }
  });
  it('says what happened: retries, timeouts', () => {
    const failed = traces.find((t) => t.status !== 0)!;
    const notes = waterfallRows(failed, String).flatMap((r) => r.notes);
    expect(notes).toContain('retry 3');
    expect(notes).toContain('timeout');
  });
});

describe('the list', () => {
  it('filters by outcome, node, latency and time, slowest first', () => {
    const failed = pickTraces(traces, { outcome: 'failed', node: -1, minMs: 0, tS: null });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((t) => t.status !== 0)).toBe(true);
    const near = pickTraces(traces, { outcome: 'all', node: 2, minMs: 100, tS: 65 });
    expect(near.length).toBeGreaterThan(0);
    for (const t of near) {
      expect(Math.abs(t.endS - 65)).toBeLessThanOrEqual(1);
      expect(t.endS - t.startS).toBeGreaterThanOrEqual(0.1);
    }
    for (let i = 1; i < near.length; i++)
      expect(near[i - 1]!.endS - near[i - 1]!.startS).toBeGreaterThanOrEqual(
        near[i]!.endS - near[i]!.startS,
      );
  });
});

describe('the nearest in time', () => {
  it('are the n that ended nearest a time no kept trace ended near, slowest first', () => {
    const filter = { outcome: 'all', node: -1, minMs: 0, tS: null } as const;
    // A time past the run's end: nothing ended within NEAR_S of it.
    const late = 75 + 10 * NEAR_S;
    expect(pickTraces(traces, { ...filter, tS: late })).toEqual([]);
    const nearest = nearestInTime(traces, filter, late, 5);
    expect(nearest).toHaveLength(5);
    const gap = (t: { endS: number }) => Math.abs(t.endS - late);
    const worstKept = Math.max(...nearest.map(gap));
    const left = traces.filter((t) => !nearest.includes(t));
    expect(left.every((t) => gap(t) >= worstKept)).toBe(true);
    for (let i = 1; i < nearest.length; i++)
      expect(nearest[i - 1]!.endS - nearest[i - 1]!.startS).toBeGreaterThanOrEqual(
        nearest[i]!.endS - nearest[i]!.startS,
      );
    // The other filters still hold.
    const failed = nearestInTime(traces, { ...filter, outcome: 'failed' }, late, 5);
    expect(failed.every((t) => t.status !== 0)).toBe(true);
  });
});

describe('the store', () => {
  it('keeps at most maxTraces, dropping the oldest failed ones, then slow ones, before sampled', () => {
    const store = useLiveTraces.getState();
    store.reset();
    const head = traces.filter((t) => t.why === 'head');
    const tail = traces.filter((t) => t.why !== 'head');
    expect(tail.length).toBeGreaterThan(0);
    for (
      let i = 0;
      useLiveTraces.getState().traces.length < TRACING_DEFAULTS.maxTraces || i < 5;
      i++
    )
      useLiveTraces.getState().receive({ traces: [...head, ...tail] });
    const kept = useLiveTraces.getState().traces;
    expect(kept).toHaveLength(TRACING_DEFAULTS.maxTraces);
    const heads = kept.filter((t) => t.why === 'head').length;
    // More sampled ones kept than their share of what came in.
    expect(heads / kept.length).toBeGreaterThan(head.length / traces.length);
    // Failures go before the slowest of each window: as many of those kept as came in last.
    const slowIn = tail.filter((t) => t.why === 'slow').length;
    expect(slowIn).toBeGreaterThan(0);
    expect(kept.filter((t) => t.why === 'slow').length).toBeGreaterThanOrEqual(slowIn);
  });
});
