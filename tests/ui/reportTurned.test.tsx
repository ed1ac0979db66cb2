// A report of many nodes and edges turns its wide sections: a row per edge (or node), every cell
// still the run's own figure, and a click on a figure sorts the rows by it, largest first.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, within } from '@testing-library/react';
import { loadScenario } from '../../src/model/load.ts';
import { useAppStore } from '../../src/store/index.ts';
import RunReport from '../../src/ui/report/RunReport.tsx';
import { useReportStore } from '../../src/ui/report/reportStore.ts';
import { TURN_AFTER_COLUMNS } from '../../src/ui/report/TurnedTable.tsx';
import { readReport, runThroughPage } from './reportHelpers.ts';

describe('a report of many edges', () => {
  it('shows one row per edge, the run’s figures in them, sortable by calls', async () => {
    const services = TURN_AFTER_COLUMNS + 4;
    // Users → a balancer → services, some of them calling one more.
    const ids = Array.from({ length: services }, (_, i) => `s${i}`);
    const at = (x: number, y: number) => ({ x, y });
    const loaded = loadScenario({
      version: 1,
      name: 'wide',
      durationS: 20,
      nodes: [
        {
          id: 'users',
          type: 'client',
          position: at(0, 0),
          params: { arrival: { process: 'poisson', rps: 50 } },
        },
        { id: 'lb', type: 'loadBalancer', position: at(200, 0), params: {} },
        ...ids.map((id, i) => ({ id, type: 'service', position: at(400, i * 80), params: {} })),
      ],
      edges: [
        { id: 'e-lb', source: 'users', target: 'lb' },
        ...ids.slice(0, 8).map((id) => ({ id: `e-${id}`, source: 'lb', target: id })),
        ...ids.slice(8).map((id, i) => ({ id: `e-${id}`, source: `s${i}`, target: id })),
      ],
    });
    if (!loaded.ok) throw new Error(loaded.error);
    await runThroughPage(loaded.scenario);
    const result = useAppStore.getState().runResult;
    expect(result).not.toBeNull();

    useReportStore.setState({ open: true, opened: true, mode: 'exact' });
    const { container, unmount } = render(<RunReport />);
    const table = container.querySelector<HTMLTableElement>('table[data-section="edges"]');
    expect(table?.classList.contains('rr-table--turned')).toBe(true);
    const rows = () => [...(table?.querySelectorAll<HTMLElement>('tbody tr') ?? [])];
    expect(rows()).toHaveLength(loaded.scenario.edges.length);
    // Every edge's calls, as the run counted them.
    const cells = readReport(container);
    for (const e of loaded.scenario.edges)
      expect(Number(cells.get(`edges|result|edges.calls|${e.id}`)?.replaceAll(',', ''))).toBe(
        result?.edges?.[e.id]?.calls,
      );

    // Sorted by calls: the busiest edge (users → balancer) first, then never more calls below.
    fireEvent.click(within(table!).getByRole('button', { name: /^Calls/ }));
    const calls = rows().map((r) =>
      Number(r.querySelector('td')?.textContent?.replaceAll(',', '')),
    );
    expect(rows()[0]?.dataset.node).toBe('e-lb');
    expect(calls).toEqual([...calls].sort((a, b) => b - a));
    unmount();
  });
});
