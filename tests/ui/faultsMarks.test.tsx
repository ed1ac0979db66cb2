// Fault marks on the live plot line up with the fault's time; the canvas badge shows only while
// a fault is active at the simulated clock during a run.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { plotArea, plotSvg } from '../../src/ui/charts/plotSvg.ts';
import { FaultBadge } from '../../src/ui/faults/FaultBadge.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

describe('fault marks and badges', () => {
  it('draws a fault on the chart at its place in the visible time range', () => {
    const rows = Array.from({ length: 101 }, (_, t) => ({ t, ok: 10 }));
    const className = 'fault-marker';
    const spec = {
      key: 'x',
      title: 'x',
      rows,
      kind: { unit: 'req/s' },
      series: [{ key: 'ok', name: 'ok', color: '#000' }],
    };
    const svg = plotSvg(spec, 446, 100, [
      { key: 'a', startS: 20, endS: 30, color: '#d64545', label: 'crash api all', className },
      { key: 'b', startS: 150, endS: 160, color: '#d64545', label: 'later', className },
      { key: 'c', startS: 50, endS: 50, color: '#555', label: 'rate 900', className: 'action' },
    ]);
    const { container } = render(<div dangerouslySetInnerHTML={{ __html: svg }} />);
    const marks = container.querySelectorAll('.fault-marker');
    expect(marks).toHaveLength(1); // the one after the data's end is not drawn
    const rect = marks[0]?.querySelector('rect');
    const { left, right } = plotArea(446, 100);
    const perS = (right - left) / 100;
    expect(Number(rect?.getAttribute('x'))).toBeCloseTo(left + 20 * perS, 1);
    expect(Number(rect?.getAttribute('width'))).toBeCloseTo(10 * perS, 1);
    expect(rect?.getAttribute('fill')).toBe('#d64545');
    expect(marks[0]?.querySelector('title')?.textContent).toBe('crash api all');
    // An instant (an action) is a line at its time, with no band.
    const action = container.querySelector('.action');
    expect(action?.querySelector('rect')).toBeNull();
    expect(Number(action?.querySelector('line')?.getAttribute('x1'))).toBeCloseTo(
      left + 50 * perS,
      1,
    );
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
