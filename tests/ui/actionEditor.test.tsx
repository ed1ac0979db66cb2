// The action editor edits each value an action sets with the field the inspector shows for that
// param (its control, label, unit and limits, from the kinds' descriptions), not as JSON text;
// a refused value says why and leaves the action as it was.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FaultTimeline } from '../../src/ui/faults/FaultTimeline.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(() => {
  resetStore();
  const s = useAppStore.getState();
  s.addAction({ atS: 30, target: 'users', set: { 'arrival.rps': 900 } });
  s.addAction({
    atS: 60,
    target: 'api',
    set: { replicas: 3, serviceTimeMs: { dist: 'constant', ms: 20 } },
  });
  s.addAction({ atS: 80, target: 'e2', set: { timeoutMs: 500 } });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 1200,
    height: 40,
    top: 0,
    left: 0,
    right: 1200,
    bottom: 40,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
});

const actions = () => useAppStore.getState().doc.actions ?? [];
const open = (name: RegExp) => {
  const mark = screen.getByRole('button', { name });
  fireEvent.pointerDown(mark, { button: 0, pointerId: 1, clientX: 10 });
  fireEvent.pointerUp(mark, { pointerId: 1, clientX: 10 });
};

describe('action editor', () => {
  it('a rate is a number field with its unit; a bad value is refused with the reason', async () => {
    render(<FaultTimeline />);
    open(/^Action at 30 s/);
    expect(screen.queryByRole('textbox', { name: /JSON/ })).toBeNull();
    const rate = screen.getByLabelText('Arrivals rate');
    expect((rate as HTMLInputElement).type).toBe('number');
    await userEvent.clear(rate);
    await userEvent.type(rate, '1100');
    act(() => rate.blur());
    expect(actions()[0]).toMatchObject({ set: { 'arrival.rps': 1100 } });
    await userEvent.clear(rate);
    await userEvent.type(rate, '-5');
    act(() => rate.blur());
    expect(screen.getByRole('alert').textContent).toMatch(/-5/);
    expect(actions()[0]).toMatchObject({ set: { 'arrival.rps': 1100 } });
  });

  it('a service action shows the inspector’s own fields: replicas and a distribution', () => {
    render(<FaultTimeline />);
    open(/^Action at 60 s/);
    const dialog = screen.getByRole('dialog', { name: /^Edit action/ });
    expect(dialog.textContent).toContain('Replicas');
    expect(screen.getByRole('combobox', { name: /Service time/ })).toBeTruthy();
  });

  it('an edge action edits its timeout in ms', () => {
    render(<FaultTimeline />);
    open(/^Action at 80 s/);
    const timeout = screen.getByLabelText('Timeout') as HTMLInputElement;
    expect(timeout.value).toBe('500');
  });
});
