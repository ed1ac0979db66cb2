// Fault marks on the live plot line up with the fault's time; the canvas badge shows only while
// a fault is active at the simulated clock during a run.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { SparkPlot } from '../../src/ui/charts/SparkPlot.tsx';
import { FaultBadge } from '../../src/ui/faults/FaultBadge.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

describe('fault marks and badges', () => {
  it('draws a fault on the live plot at its place in the visible time range', () => {
    const rows = Array.from({ length: 101 }, (_, t) => ({ t, ok: 10 }));
    const { container } = render(
      <SparkPlot
        rows={rows}
        series={[{ key: 'ok', name: 'ok', color: '#000' }]}
        unit=""
        stacked={false}
        faults={[
          { key: 'a', startS: 20, endS: 30, color: '#d64545', label: 'crash api all' },
          { key: 'b', startS: 150, endS: 160, color: '#d64545', label: 'later' },
        ]}
      />,
    );
    const marks = container.querySelectorAll('.fault-marker');
    expect(marks).toHaveLength(1); // the one after the data's end is not drawn
    const rect = marks[0]?.querySelector('rect');
    expect(Number(rect?.getAttribute('x'))).toBeCloseTo(200); // 20 s of 0..100 s over 1000 units
    expect(Number(rect?.getAttribute('width'))).toBeCloseTo(100);
    expect(rect?.getAttribute('fill')).toBe('#d64545');
  });

  it('shows a bolt and the kind on a target only while its fault is active during a run', () => {
    act(() => {
      useAppStore.getState().addFault({ atS: 10, forS: 5, kind: 'crash', target: 'api' });
    });
    render(
      <>
        <FaultBadge targetId="api" />
        <FaultBadge targetId="lb" />
      </>,
    );
    const badge = () => screen.queryByRole('img', { name: 'Fault active: crash' });
    act(() => {
      useAppStore.setState({ runStatus: 'running', simNowS: 9.9 });
    });
    expect(badge()).toBeNull();
    act(() => {
      useAppStore.setState({ simNowS: 12 });
    });
    // The bolt is an inline SVG (no emoji font needed), the text names the kind.
    expect(badge()?.textContent).toBe('crash');
    expect(badge()?.querySelector('svg.fault-icon')).not.toBeNull();
    expect(screen.getAllByRole('img')).toHaveLength(1); // not on the balancer
    act(() => {
      useAppStore.setState({ simNowS: 15 });
    });
    expect(badge()).toBeNull();
    act(() => {
      useAppStore.setState({ runStatus: 'idle', simNowS: 12 });
    });
    expect(badge()).toBeNull();
  });
});
