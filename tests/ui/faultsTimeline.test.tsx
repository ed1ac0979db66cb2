// The fault timeline: bars named for what, where, when and how long; dragging moves a fault's
// start (one undo step per drag, whole seconds), its right edge stretches it, the editor edits
// and deletes it, and undo brings it back.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FaultTimeline, assignLanes } from '../../src/ui/faults/FaultTimeline.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

const TRACK_PX = 1200; // the preset runs 120 s: 0.1 s per pixel

beforeEach(() => {
  resetStore();
  const s = useAppStore.getState();
  s.addFault({ atS: 60, forS: 30, kind: 'crash', target: 'api', replicas: 1 });
  s.addFault({ atS: 10, kind: 'latency', target: 'e2', addMs: 200 });
  useAppStore.temporal.getState().clear();
  useAppStore.setState({ simNowS: 30 });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: TRACK_PX,
    height: 40,
    top: 0,
    left: 0,
    right: TRACK_PX,
    bottom: 40,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
});

const faults = () => useAppStore.getState().doc.faults;
const crashBar = () => screen.getByRole('button', { name: /^crash on API at/ });

function drag(el: Element, fromX: number, toX: number) {
  fireEvent.pointerDown(el, { button: 0, pointerId: 1, clientX: fromX });
  fireEvent.pointerMove(el, { pointerId: 1, clientX: (fromX + toX) / 2 });
  fireEvent.pointerMove(el, { pointerId: 1, clientX: toX });
  fireEvent.pointerUp(el, { pointerId: 1, clientX: toX });
}

describe('fault timeline', () => {
  it('names each bar and shows its label, kind colour and the playhead at the clock', () => {
    render(<FaultTimeline />);
    expect(crashBar().getAttribute('aria-label')).toBe('crash on API at 60 s for 30 s');
    expect(crashBar().textContent).toBe('crash API ×1');
    const latency = screen.getByRole('button', {
      name: 'latency on Load balancer → API at 10 s to the end',
    });
    expect(latency.style.left).toBe(`${(10 / 120) * 100}%`);
    expect(crashBar().style.width).toBe('25%');
    expect(screen.getByTestId('fault-playhead').style.left).toBe('25%');
  });

  it('moves a fault by dragging, snapped to seconds, in one undo step', () => {
    render(<FaultTimeline />);
    drag(crashBar(), 500, 703); // +20.3 s
    expect(faults()[0]).toMatchObject({ atS: 80, forS: 30 });
    expect(crashBar().getAttribute('aria-label')).toBe('crash on API at 80 s for 30 s');
    expect(useAppStore.temporal.getState().pastStates).toHaveLength(1);
    act(() => useAppStore.temporal.getState().undo());
    expect(faults()[0]).toMatchObject({ atS: 60 });
  });

  it('stretches a fault by dragging its right edge', () => {
    const { container } = render(<FaultTimeline />);
    const edge = container.querySelector('.fault-bar.kind-crash .fault-bar__edge');
    if (edge === null) throw new Error('no edge handle');
    drag(edge, 900, 1000); // +10 s
    expect(faults()[0]).toMatchObject({ atS: 60, forS: 40 });
  });

  it('moves a focused bar with the arrow keys', async () => {
    render(<FaultTimeline />);
    crashBar().focus();
    await userEvent.keyboard('{ArrowRight}{Shift>}{ArrowLeft}{/Shift}');
    expect(faults()[0]?.atS).toBe(51);
  });

  it('opens the editor on click, edits a field through the model, deletes, and undo restores', async () => {
    render(<FaultTimeline />);
    drag(crashBar(), 500, 500); // a press without movement is a click
    const dialog = screen.getByRole('dialog', {
      name: 'Edit fault: crash on API at 60 s for 30 s',
    });
    const forS = screen.getByLabelText('For');
    await userEvent.clear(forS);
    await userEvent.type(forS, '45');
    act(() => forS.blur());
    expect(faults()[0]?.forS).toBe(45);
    const replicas = screen.getByLabelText('Replicas');
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '0');
    expect(screen.getByRole('alert').textContent).toMatch(/^must be an integer from 1/);
    expect(faults()[0]?.replicas).toBeUndefined(); // the cleared field (all) stood; 0 did not
    await userEvent.click(screen.getByRole('button', { name: 'Delete fault' }));
    expect(dialog.isConnected).toBe(false);
    expect(faults().map((f) => f.kind)).toEqual(['latency']);
    act(() => useAppStore.temporal.getState().undo());
    expect(faults().map((f) => f.kind)).toEqual(['crash', 'latency']);
    expect(crashBar().getAttribute('aria-label')).toBe('crash on API at 60 s for 45 s');
  });

  it('gives overlapping faults lanes of their own', () => {
    expect(
      assignLanes(
        [
          { atS: 10, forS: 20, kind: 'crash', target: 'a' },
          { atS: 15, forS: 5, kind: 'slow', target: 'b' },
          { atS: 40, forS: 5, kind: 'slow', target: 'b' },
        ],
        120,
      ),
    ).toEqual([0, 1, 0]);
  });
});

describe('short fault bars', () => {
  it('put their label after the bar, or before it at the right end; long bars keep it inside', () => {
    act(() => {
      const s = useAppStore.getState();
      s.addFault({ atS: 20, forS: 1, kind: 'slow', target: 'api', factor: 3 });
      s.addFault({ atS: 118, forS: 1, kind: 'crash', target: 'lb' });
    });
    render(<FaultTimeline />);
    const bar = (name: RegExp) => screen.getByRole('button', { name });
    // 30 s of 120 s on 1200 px: 300 px, room for "crash API 1 replica".
    expect(crashBar().className).not.toMatch(/label-/);
    expect(bar(/^slow on API at 20 s/).className).toContain('fault-bar--label-after');
    expect(bar(/^crash on Load balancer at 118 s/).className).toContain('fault-bar--label-before');
    // The label is still there as text, beside the bar.
    expect(bar(/^slow on API at 20 s/).textContent).toContain('slow');
  });

  it('gives a bar whose label sits after it a lane free up to the label end', () => {
    const faults = [
      { atS: 10, forS: 1, kind: 'crash' as const, target: 'api' },
      { atS: 13, forS: 5, kind: 'crash' as const, target: 'lb' },
    ];
    expect(assignLanes(faults, 120)).toEqual([0, 0]);
    expect(assignLanes(faults, 120, (i) => (i === 0 ? 8 : 0))).toEqual([0, 1]);
  });
});
