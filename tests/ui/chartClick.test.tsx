// A click on a chart opens the traces near the time under the pointer, even when no pointer
// move came before it (a tap, or a click that lands before the hover state has rendered: the
// traces spec failed in CI that way).
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render } from '@testing-library/react';
import LiveCharts from '../../src/ui/charts/LiveCharts.tsx';
import { useLiveTraces } from '../../src/ui/traces/liveTraces.ts';
import { plotArea } from '../../src/ui/charts/plotSvg.ts';
import { setShownCharts, shownCharts } from '../../src/ui/charts/shownCharts.ts';
import { showWindows } from './liveChartsFixture.ts';
import { smallDoc } from '../worker/docs.ts';

/** Five windows drawn by the live charts: the latency plot, its plot area and time span. */
function latencyChart() {
  useLiveTraces.setState({ open: false });
  const windows = showWindows(smallDoc(), 5);
  const { container } = render(<LiveCharts />);
  const plot = container.querySelector('[data-chart="latency"] .chart-card__plot');
  if (plot === null) throw new Error('no latency chart');
  const ts = windows.map((w) => w.tS);
  // jsdom lays nothing out: the card keeps its fallback size and its box starts at 0.
  return { plot, area: plotArea(300, 120), first: Math.min(...ts), last: Math.max(...ts) };
}

describe('a click on a chart', () => {
  it('opens the traces at the time under the pointer, without a move before it', () => {
    const { plot, area, first, last } = latencyChart();

    act(() => {
      fireEvent.click(plot, { clientX: area.left - 10 });
    });
    expect(useLiveTraces.getState().open).toBe(false);

    act(() => {
      fireEvent.click(plot, { clientX: (area.left + area.right) / 2 });
    });
    const { open, focus } = useLiveTraces.getState();
    expect(open).toBe(true);
    expect(focus.tS).toBeCloseTo((first + last) / 2, 9);
    expect(focus.failedOnly).toBe(false);
  });

  it('reads the time against the plot as painted, not newer figures not yet painted', () => {
    const { plot, area, first, last } = latencyChart();
    // A chart tick works out the cards' specs at once and paints each card in a later frame: here
    // the latency chart's newest spec spans ten times the time, and its plot is not painted yet.
    act(() => {
      setShownCharts(
        shownCharts().map((spec) =>
          spec.key === 'latency'
            ? { ...spec, rows: spec.rows.map((row) => ({ ...row, t: (row['t'] ?? 0) * 10 })) }
            : spec,
        ),
      );
    });

    act(() => {
      fireEvent.click(plot, { clientX: (area.left + area.right) / 2 });
    });
    expect(useLiveTraces.getState().focus.tS).toBeCloseTo((first + last) / 2, 9);
  });
});
