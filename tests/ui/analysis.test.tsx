import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useAppStore } from '../../src/store/index.ts';
import { useAnalysisStore } from '../../src/ui/analysis/analysisStore.ts';
import { ComparePanel } from '../../src/ui/analysis/ComparePanel.tsx';
import { ReplicationsPanel } from '../../src/ui/analysis/ReplicationsPanel.tsx';
import { RunnerPoolContext, type RunnerPoolFactory } from '../../src/ui/analysis/runners.ts';
import { SweepPanel } from '../../src/ui/analysis/SweepPanel.tsx';
import type { Scenario } from '../../src/model/types.ts';
import { clientRps, fakePools, fakeResult, lbDoc, replicasOf } from './analysisFakes.ts';

const withRunners = (factory: RunnerPoolFactory, ui: ReactNode) =>
  render(<RunnerPoolContext.Provider value={factory}>{ui}</RunnerPoolContext.Provider>);

const withReplicas = (doc: Scenario, replicas: number): Scenario => ({
  ...doc,
  nodes: doc.nodes.map((n) =>
    n.type === 'service' ? { ...n, params: { ...n.params, replicas } } : n,
  ),
});

beforeEach(() => {
  useAnalysisStore.setState({ open: true, editing: 'A', variantB: null, asideA: null });
  useAppStore.getState().setDoc(lbDoc());
});

describe('compare', () => {
  it('edits B on the canvas, runs A and B under common seeds and colours the differences', async () => {
    const user = userEvent.setup();
    // p99 grows as replicas shrink: 3 replicas → 40 ms, 2 → 60 ms.
    const pools = fakePools((job) =>
      fakeResult(job.opts.seed ?? -1, {
        p50: 10,
        p99: 120 / replicasOf(job.doc),
        rps: clientRps(job.doc),
      }),
    );
    withRunners(pools.factory, <ComparePanel />);
    await user.click(screen.getByRole('button', { name: 'Make variant B' }));
    await user.click(screen.getByRole('button', { name: 'B' }));
    expect(useAppStore.getState().doc.name).toMatch(/\(B\)$/);
    useAppStore.getState().setDoc(withReplicas(useAppStore.getState().doc, 2));

    const seeds = screen.getByLabelText('Seeds');
    await user.clear(seeds);
    await user.type(seeds, '3');
    await user.click(screen.getByRole('button', { name: 'Run A and B' }));
    const table = await screen.findByRole('table', { name: 'Comparison A and B' });
    expect(pools.jobs.map((j) => replicasOf(j.doc))).toEqual([3, 3, 3, 2, 2, 2]);
    expect(pools.jobs.map((j) => j.opts.seed)).toEqual([42, 43, 44, 42, 43, 44]);
    // Over the three seeds: the paired verdict in words (no spread: the fake is exact).
    const verdicts = screen.getByRole('list', { name: 'Verdict' });
    expect(verdicts.textContent).toContain("B's p99 is 20 ms higher (worse)");
    expect(verdicts.textContent).toContain("B's cost is 0.1 $/h lower (better)");
    const paired = screen.getByRole('table', { name: 'Paired comparison over 3 seeds' });
    expect(within(paired).getByRole('row', { name: /p99/ })).toHaveProperty(
      'dataset.verdict',
      'worse',
    );

    const row = (name: RegExp) => within(table).getByRole('row', { name });
    expect(row(/p99 latency/)).toHaveProperty('dataset.verdict', 'worse');
    expect(row(/p99 latency/).textContent).toContain('+20 ms');
    expect(row(/p99 latency/).textContent).toContain('+50.0 %');
    expect(row(/p50 latency/)).toHaveProperty('dataset.verdict', 'same');
    // Cost: 3 → 2 replicas at $0.10 each, the balancer unchanged: $0.325 → $0.225.
    expect(row(/Cost per hour/)).toHaveProperty('dataset.verdict', 'better');
    expect(row(/Cost per hour/).textContent).toContain('−$0.100');

    // Back to A: the canvas gets A again and B is kept aside with its edit.
    await user.click(screen.getByRole('button', { name: 'A' }));
    expect(replicasOf(useAppStore.getState().doc)).toBe(3);
    expect(replicasOf(useAnalysisStore.getState().variantB!)).toBe(2);
  });
});

describe('load sweep', () => {
  // Latency flat to 1000 rps, then 1 ms per extra rps; the API saturates at 1200 rps.
  const answer = (job: { doc: Scenario; opts: { seed?: number } }) => {
    const rps = clientRps(job.doc);
    return fakeResult(1, {
      p50: 10,
      p99: 50 + Math.max(0, rps - 1000),
      rps,
      util: { api: Math.min(1, rps / 1200), lb: 0.1 },
    });
  };

  async function setUp(user: ReturnType<typeof userEvent.setup>) {
    const fill = async (label: string, v: number) => {
      const input = screen.getByLabelText(label);
      await user.clear(input);
      await user.type(input, String(v));
    };
    await fill('From %', 50);
    await fill('To %', 150);
    await fill('Step %', 25);
    await fill('Base rate (rps)', 1000);
    await fill('Duration per point (s)', 20);
  }

  it('shows progress, then the capacity at the SLO, the bottleneck and the knee', async () => {
    const user = userEvent.setup();
    const pools = fakePools(answer, true);
    withRunners(pools.factory, <SweepPanel />);
    expect(screen.getByLabelText<HTMLInputElement>('Base rate (rps)').value).toBe('300');
    await setUp(user);
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    const bar = await screen.findByRole('progressbar', { name: 'Sweep progress' });
    expect(bar.getAttribute('max')).toBe('5');
    await waitFor(() => expect(pools.waiting.length).toBeGreaterThan(0));
    pools.releaseOne();
    await screen.findByText('1 / 5 points');
    expect(bar.getAttribute('value')).toBe('1');
    while (!screen.queryByRole('status', { name: 'Sweep summary' })) {
      pools.releaseOne();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(pools.jobs.map((j) => clientRps(j.doc))).toEqual([500, 750, 1000, 1250, 1500]);
    expect(pools.jobs.every((j) => j.opts.durationS === 20)).toBe(true);
    // p99 crosses 200 ms between 1000 (50 ms) and 1250 rps (300 ms): at 1000 + 0.6 × 250.
    const summary = screen.getByRole('status', { name: 'Sweep summary' }).textContent;
    expect(summary).toContain('Capacity at p99 ≤ 200 ms: 1,150 rps.');
    expect(summary).toContain('Bottleneck: API (utilization 1.00 at 125 %).');
    expect(screen.getByText(/^Knee: [\d,]+ rps/)).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Sweep progress' })).toBeNull();
  });

  it('Cancel stops the pool and says so', async () => {
    const user = userEvent.setup();
    const pools = fakePools(answer, true);
    withRunners(pools.factory, <SweepPanel />);
    await setUp(user);
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await screen.findByRole('progressbar', { name: 'Sweep progress' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Sweep cancelled.');
    expect(pools.terminate).toHaveBeenCalled();
    expect(screen.queryByRole('status', { name: 'Sweep summary' })).toBeNull();
  });
});

describe('replications', () => {
  it('runs N seeds and shows mean ± 95 % CI with the how-sure sentences', async () => {
    const user = userEvent.setup();
    // p99 = 100 + seed mod 4: seeds 42..49 give 102, 103, 100, 101, 102, 103, 100, 101.
    const pools = fakePools((job) => {
      const seed = job.opts.seed ?? 0;
      return fakeResult(seed, { p50: 10, p99: 100 + (seed % 4), rps: 300 });
    });
    withRunners(pools.factory, <ReplicationsPanel />);
    expect(screen.getByLabelText<HTMLInputElement>('Seeds').value).toBe('8');
    await user.click(screen.getByRole('button', { name: 'Run replications' }));
    const table = await screen.findByRole('table', { name: 'Replications' });
    expect(pools.jobs.map((j) => j.opts.seed)).toEqual([42, 43, 44, 45, 46, 47, 48, 49]);
    // sd = 1.195, t(7) = 2.365: half-width 2.365 × 1.195 / √8 = 0.999.
    const p99 = within(table).getByRole('row', { name: /^p99/ }).textContent;
    expect(p99).toContain('± 0.999 ms');
    const sure = screen.getByRole('list', { name: 'How sure' }).textContent;
    // The mean is shown to the precision of its interval: 101.5 ± 1 reads 102 ± 1.
    expect(sure).toContain('p99 is 102 ms ± 1 ms (95 % CI, 8 seeds; ±1.0 %, tight)');
    expect(sure).toContain('p50 is 10 ms in all 8 seeds');
  });
});
