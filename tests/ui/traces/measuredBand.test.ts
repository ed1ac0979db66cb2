/**
 * The traces list's "≥ p99" and "≤ p50" use the client's measured percentiles (the latency
 * chart's, of the window a trace ended in; the run's once that window is gone), so the labels
 * mean what they say whatever the tail capture kept.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Trace } from '../../../src/engine/tracing/types.ts';
import type { WindowStats } from '../../../src/engine/types.ts';
import { MetricsBuffer } from '../../../src/store/metricsBuffer.ts';
import { bandOf, measuredWindows } from '../../../src/ui/traces/measuredBand.ts';
import { layoutFor, packWindows } from '../../../src/worker/frame.ts';
import { client, edge, exp, scenario, service } from '../../engine/harness.ts';

// An M/M/1 at ρ 0.8, 500 requests a second: a window's p99 stands on ~500 answers.
const mm1 = scenario({
  durationS: 60,
  warmupS: 0,
  seed: 3,
  nodes: [
    client('c', { arrival: { process: 'poisson', rps: 500 } }),
    service('s', { workers: 1, serviceTimeMs: exp(1.6) }),
  ],
  edges: [edge('c', 's')],
});

function run(): { buffer: MetricsBuffer; traces: Trace[]; windows: WindowStats[] } {
  const tracing = { sampleRate: 0.05, slowestPerWindow: 3, failed: true, maxTraces: 100_000 };
  const sim = createSimulation(mm1, { tracing });
  const windows: WindowStats[] = [];
  const traces: Trace[] = [];
  let done = false;
  while (!done) {
    done = sim.runUntil(sim.nowS + 1).done;
    windows.push(...sim.drainWindows());
    traces.push(...sim.drainTraces!(done)!);
  }
  const layout = layoutFor(mm1);
  const buffer = new MetricsBuffer();
  buffer.reset(layout);
  buffer.push(packWindows(layout, windows), windows.length);
  return { buffer, traces, windows };
}

describe('the band a listed trace is in', () => {
  const { buffer, traces, windows } = run();
  const measured = measuredWindows(buffer);
  const band = (t: Trace) => bandOf(t.endS - t.startS, t.endS, measured, null);

  it("reads the charts' windows: each window's end-to-end p50 and p99", () => {
    expect(measured).toHaveLength(windows.length);
    for (const [i, w] of windows.entries()) {
      expect(measured[i]).toEqual({
        startS: w.startS,
        endS: w.tS,
        p50Ms: w.latencyMs.p50,
        p99Ms: w.latencyMs.p99,
      });
    }
  });

  it('head-sampled requests (an unbiased sample) fall ≥ p99 about 1 % and ≤ p50 about half the time', () => {
    const head = traces.filter((t) => t.why === 'head' && t.status === 0);
    // 5 % of ~30,000 requests: ~1,500. Binomial sd: √(1500·0.5·0.5) ≈ 19 for p50 (4 sd: 78),
    // √(1500·0.01) ≈ 3.9 for p99 (4 sd: 16); the histograms' bins (≤ 1 % wide) move a few more.
    expect(head.length).toBeGreaterThan(1200);
    const atMostP50 = head.filter((t) => band(t) === '≤ p50').length;
    const atLeastP99 = head.filter((t) => band(t) === '≥ p99').length;
    expect(Math.abs(atMostP50 - head.length / 2)).toBeLessThan(90);
    expect(Math.abs(atLeastP99 - head.length / 100)).toBeLessThan(20);
  });

  it("the slowest 3 of a window's ~500 requests are all ≥ its p99, whatever else was kept", () => {
    const slow = traces.filter((t) => t.why === 'slow');
    expect(slow.length).toBeGreaterThan(150);
    expect(slow.every((t) => band(t) === '≥ p99')).toBe(true);
  });

  it("with the window gone from the charts, the run's measured percentiles", () => {
    const t = traces.find((x) => x.why === 'slow')!;
    const result = { requests: { ok: 1 }, latencyMs: { p50: 1, p99: 1e9 } };
    const runOnly = (ms: number) =>
      bandOf(ms / 1000, t.endS, [], result as Parameters<typeof bandOf>[3]);
    expect(runOnly(0.5)).toBe('≤ p50');
    expect(runOnly(5)).toBe('');
    expect(runOnly(2e9)).toBe('≥ p99');
    // No run result and no window: no label rather than a made-up one.
    expect(bandOf(1, t.endS, [], null)).toBe('');
  });
});
