import { describe, expect, it } from 'vitest';
import { runPool, type Runner } from '../../src/analysis/pool.ts';
import {
  replicationSeeds,
  runReplications,
  summariseReplications,
} from '../../src/analysis/replications.ts';
import { runSweepPool, type JobRunner } from '../../src/analysis/run.ts';
import { design, fakeResult } from './helpers.ts';

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('runPool', () => {
  it('keeps every runner busy, returns results in job order and reports progress', async () => {
    const busy = new Set<number>();
    let peak = 0;
    const runners: Array<Runner<number, number>> = [0, 1, 2].map((id) => ({
      async run(job) {
        busy.add(id);
        peak = Math.max(peak, busy.size);
        for (let i = 0; i < (job % 4) + 1; i++) await tick();
        busy.delete(id);
        return job * 10;
      },
    }));
    const progress: number[] = [];
    const out = await runPool([1, 2, 3, 4, 5, 6, 7], runners, {
      onProgress: (p) => progress.push(p.done),
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('stops when aborted', async () => {
    const ctl = new AbortController();
    const runner: Runner<number, number> = {
      async run(job) {
        if (job === 2) ctl.abort(new Error('stopped'));
        return job;
      },
    };
    await expect(runPool([1, 2, 3, 4], [runner], { signal: ctl.signal })).rejects.toThrow(
      'stopped',
    );
  });
});

const doc = design(
  [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 100 } } },
    { id: 's', type: 'service' },
  ],
  [['c', 's']],
);

describe('replications and sweeps over runners', () => {
  it('uses consecutive seeds and summarises each figure', () => {
    expect(replicationSeeds(4294967295, 2)).toEqual([4294967295, 0]);
    const s = runReplications(doc, 4, (_d, o) =>
      fakeResult({ seed: o.seed ?? 0, p99: 100 + (o.seed ?? 0) }),
    );
    expect(s.seeds).toEqual([1, 2, 3, 4]);
    expect(s.figures.p99Ms.mean).toBeCloseTo(102.5, 12);
    expect(s.sentences[1]).toMatch(/^p99 is 102\.5 ms ± 2\.1 ms \(95 % CI, 4 seeds/);
    expect(summariseReplications([fakeResult({})]).figures.p99Ms.n).toBe(1);
  });
  it('a pooled sweep gives each point its scaled document', async () => {
    const seen: number[] = [];
    const runner: JobRunner = {
      async run(job) {
        const c = job.doc.nodes[0];
        const rps =
          c?.type === 'client' && c.params.arrival.process === 'poisson' ? c.params.arrival.rps : 0;
        seen.push(rps);
        return fakeResult({
          throughputRps: rps,
          p99: rps,
          nodes: { s: { utilization: rps / 200 } },
        });
      },
    };
    const a = await runSweepPool(doc, { fromPct: 50, toPct: 200, stepPct: 50 }, { sloP99Ms: 120 }, [
      runner,
      runner,
    ]);
    expect(seen.sort((x, y) => x - y)).toEqual([50, 100, 150, 200]);
    expect(a.capacityAtSlo.offeredRps).toBeCloseTo(120, 9);
    expect(a.bottleneck).toMatchObject({ nodeId: 's', atOfferedRps: 200, saturated: true });
  });
});
