import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { useAppStore } from '../../src/store/index.ts';
import { useAnalysisStore } from '../../src/ui/analysis/analysisStore.ts';
import { ParamSweepPanel } from '../../src/ui/analysis/ParamSweepPanel.tsx';
import { RunnerPoolContext } from '../../src/ui/analysis/runners.ts';
import type { Scenario } from '../../src/model/types.ts';
import { fakePools, fakeResult, lbDoc, replicasOf } from './analysisFakes.ts';

const workersOf = (doc: Scenario) => {
  const n = doc.nodes.find((x) => x.id === 'api');
  return n?.type === 'service' ? n.params.workers : NaN;
};

// p99 falls as capacity (replicas × workers) grows: 600 / capacity × 10 ms.
const answer = (job: { doc: Scenario; opts: { seed?: number } }) =>
  fakeResult(job.opts.seed ?? 0, {
    p50: 10,
    p99: 6000 / (replicasOf(job.doc) * workersOf(job.doc)),
    rps: 300,
  });

beforeEach(() => {
  useAppStore.getState().setDoc(lbDoc());
  useAnalysisStore.setState({ open: true, tab: 'params' });
});

async function fill(user: ReturnType<typeof userEvent.setup>, label: string, v: number) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, String(v));
}

describe('param sweep panel', () => {
  it('works out the params only while its tab shows (the drawer stays mounted when closed)', () => {
    useAnalysisStore.setState({ open: false });
    render(
      <RunnerPoolContext.Provider value={fakePools(answer).factory}>
        <ParamSweepPanel />
      </RunnerPoolContext.Provider>,
    );
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    act(() => {
      useAnalysisStore.setState({ open: true, tab: 'params' });
    });
    expect(screen.getByLabelText('Param')).toHaveProperty('value', 'nodes.api.params.replicas');
  });

  it('sweeps replicas under common seeds: a chart, the cheapest point, the frontier', async () => {
    const user = userEvent.setup();
    const pools = fakePools(answer);
    render(
      <RunnerPoolContext.Provider value={pools.factory}>
        <ParamSweepPanel />
      </RunnerPoolContext.Provider>,
    );
    // Replicas is offered first, with a range around the design's 3.
    expect(screen.getByLabelText('Param')).toHaveProperty('value', 'nodes.api.params.replicas');
    await fill(user, 'Param from', 1);
    await fill(user, 'Param to', 4);
    await fill(user, 'Param step', 1);
    await fill(user, 'Seeds per point', 2);
    await fill(user, 'SLO p99 (ms)', 200);
    await user.click(screen.getByRole('button', { name: 'Run param sweep' }));
    const summary = await screen.findByRole(
      'status',
      { name: 'Param sweep summary' },
      { timeout: 5000 },
    );
    // 4 workers: 1 replica → 1500 ms, 2 → 750, 3 → 500, 4 → 375: none under 200 ms.
    expect(summary.textContent).toBe('No point meets p99 ≤ 200 ms with errors ≤ 1 %.');
    expect(pools.jobs.map((j) => [replicasOf(j.doc), j.opts.seed])).toEqual([
      [1, 42],
      [1, 43],
      [2, 42],
      [2, 43],
      [3, 42],
      [3, 43],
      [4, 42],
      [4, 43],
    ]);
    expect(
      screen.getByRole('figure', { name: /Latency and cost against API · Replicas/ }),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Param sweep points' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
  });

  it('sweeps two params into a heatmap and names the cheapest passing cell', async () => {
    const user = userEvent.setup();
    const pools = fakePools(answer);
    render(
      <RunnerPoolContext.Provider value={pools.factory}>
        <ParamSweepPanel />
      </RunnerPoolContext.Provider>,
    );
    await fill(user, 'Param from', 1);
    await fill(user, 'Param to', 3);
    await user.selectOptions(screen.getByLabelText('Second param'), 'nodes.api.params.workers');
    await fill(user, 'Second from', 10);
    await fill(user, 'Second to', 30);
    await fill(user, 'Second step', 10);
    await user.click(screen.getByRole('button', { name: 'Run param sweep' }));
    const summary = await screen.findByRole(
      'status',
      { name: 'Param sweep summary' },
      { timeout: 5000 },
    );
    // 600 / (r × w) × 10 ≤ 200 needs r × w ≥ 30 (6 cells): 1 × 30 costs least (one replica).
    expect(summary.textContent).toMatch(
      /^Cheapest meeting p99 ≤ 200 ms with errors ≤ 1 %: API · Replicas = 1, API · Workers per replica = 30 /,
    );
    const heat = screen.getByRole('table', { name: /p99 by API · Replicas and API · Workers/ });
    expect(
      within(heat)
        .getAllByRole('cell')
        .filter((c) => c.className.includes('ps-cell--in')),
    ).toHaveLength(6);
  });

  it('refuses a range outside the param limits, naming the path and the value', async () => {
    const user = userEvent.setup();
    render(
      <RunnerPoolContext.Provider value={fakePools(answer).factory}>
        <ParamSweepPanel />
      </RunnerPoolContext.Provider>,
    );
    await fill(user, 'Param from', 0);
    await user.click(screen.getByRole('button', { name: 'Run param sweep' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'nodes.api.params.replicas: must be from 1 to 1000, got 0',
    );
  });
});
