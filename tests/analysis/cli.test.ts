import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReplicationsText, runReplicationsCli, runSweepCli } from '../../src/analysis/cli.ts';
import { parseSweepSpec, takeAnalysisArgs } from '../../src/analysis/cliArgs.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

describe('analysis flags', () => {
  it('takes its own flags and leaves the rest', () => {
    const { analysis, rest } = takeAnalysisArgs([
      'f.json',
      '--sweep',
      '10:150:10',
      '--json',
      '--slo-ms=150',
      '--replications',
      '8',
      '--seed',
      '3',
    ]);
    expect(analysis).toEqual({
      sweep: { fromPct: 10, toPct: 150, stepPct: 10 },
      sloMs: 150,
      replications: 8,
    });
    expect(rest).toEqual(['f.json', '--json', '--seed', '3']);
    expect(takeAnalysisArgs(['f.json']).analysis).toEqual({ sloMs: 200 });
    expect(takeAnalysisArgs(['--base-rps', '800']).analysis.baseRps).toBe(800);
    expect(takeAnalysisArgs(['f.json', '--theory'])).toEqual({
      analysis: { sloMs: 200, theory: true },
      rest: ['f.json'],
    });
  });
  it('refuses malformed values with a message naming the flag', () => {
    expect(() => parseSweepSpec('10:150')).toThrow(/--sweep: expected FROM:TO:STEP/);
    expect(() => parseSweepSpec('150:10:10')).toThrow(/FROM <= TO/);
    expect(() => takeAnalysisArgs(['--replications', '2.5'])).toThrow(
      /--replications: expected a positive integer/,
    );
    expect(() => takeAnalysisArgs(['--slo-ms'])).toThrow(/--slo-ms/);
  });
});

const tenServices = loadScenarioOrThrow(
  readFileSync(new URL('./fixtures/ten-services.json', import.meta.url), 'utf8'),
);

describe('CLI reports (in-thread runner)', () => {
  it('a sweep report is one JSON object with every point and the findings', async () => {
    const r = await runSweepCli(
      tenServices,
      { fromPct: 50, toPct: 150, stepPct: 50 },
      { sloMs: 200, durationS: 4 },
    );
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(json.kind).toBe('sweep');
    expect(json.points.map((p) => p.offeredRps)).toEqual([2500, 5000, 7500]);
    expect(json.durationS).toBe(4);
    expect(json.capacityAtSlo.beyondSweep).toBe(true);
    expect(json.bottleneck?.nodeId).toMatch(/^svc\d$/);
  });
  it('a replications report has seeds, estimates and sentences', async () => {
    const r = await runReplicationsCli(tenServices, 3, { sloMs: 200, durationS: 3, seed: 7 });
    expect(r.seeds).toEqual([7, 8, 9]);
    expect(r.figures.p99Ms.n).toBe(3);
    expect(r.sentences[1]).toMatch(/^p99 is .* ms ± .* ms \(95 % CI, 3 seeds/);
    // Theory rows for every service, with the measured interval.
    const rows = r.theory.filter((t) => t.model !== 'flow');
    expect(new Set(rows.map((t) => t.nodeId))).toEqual(
      new Set(['svc0', 'svc1', 'svc2', 'svc3', 'svc4', 'svc5', 'svc6', 'svc7', 'svc8', 'svc9']),
    );
    expect(rows.every((t) => t.seeds === 3 && Number.isFinite(t.measuredHalfWidth))).toBe(true);
    expect(formatReplicationsText(r)).toMatch(
      /theory beside the measurement:\n {2}svc0 E10\/M\/8 mean latency \(ms\): predicted 10/,
    );
  });
});
