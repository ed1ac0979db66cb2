// Structured params (a breaker, an autoscaler) as fieldsets of labelled fields, not JSON.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { BREAKER_DEFAULTS } from '../../src/model/kinds/index.ts';
import { useAppStore } from '../../src/store/index.ts';
import { nodeById, resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

const edge = (id: string) => useAppStore.getState().doc.edges.find((e) => e.id === id);
const undo = () => act(() => useAppStore.temporal.getState().undo());

describe('inspector groups', () => {
  it('turns a circuit breaker on with the model defaults, edits it, refuses a bad value, turns it off, and undo brings it back', async () => {
    act(() => useAppStore.getState().select(['e2']));
    render(<Inspector />);
    const group = screen.getByRole('group', { name: 'Circuit breaker' });
    const enabled = within(group).getByRole('checkbox', { name: 'Circuit breaker enabled' });
    expect(within(group).queryByLabelText('Failure ratio')).toBeNull();

    await userEvent.click(enabled);
    expect(edge('e2')?.circuitBreaker).toEqual(BREAKER_DEFAULTS);
    const ratio = within(group).getByLabelText('Failure ratio') as HTMLInputElement;
    expect(ratio.value).toBe('0.5');
    expect(within(group).getByText(/\(0\.01 to 1; default 0\.5\)/)).toBeTruthy();

    await userEvent.clear(ratio);
    await userEvent.type(ratio, '0.3');
    act(() => ratio.blur());
    expect(edge('e2')?.circuitBreaker?.failureRatio).toBe(0.3);

    await userEvent.clear(ratio);
    await userEvent.type(ratio, '2');
    expect(within(group).getByRole('alert').textContent).toBe(
      'must be a number from 0.01 to 1, got 2',
    );
    expect(ratio.getAttribute('aria-invalid')).toBe('true');
    expect(edge('e2')?.circuitBreaker?.failureRatio).toBe(0.3);
    act(() => ratio.blur());

    await userEvent.click(enabled);
    expect(edge('e2')).not.toHaveProperty('circuitBreaker');
    expect(within(group).queryByLabelText('Failure ratio')).toBeNull();

    undo();
    expect(edge('e2')?.circuitBreaker).toEqual({ ...BREAKER_DEFAULTS, failureRatio: 0.3 });
    expect(enabled).toHaveProperty('checked', true);
    expect((within(group).getByLabelText('Failure ratio') as HTMLInputElement).value).toBe('0.3');
  });

  it('an optional sub-field (retry budget) left empty is absent', async () => {
    act(() => useAppStore.getState().select(['e2']));
    render(<Inspector />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Retry enabled' }));
    expect(edge('e2')?.retry).toEqual({ max: 2, backoffMs: 50, multiplier: 2, jitter: true });
    const budget = screen.getByLabelText('Retry budget');
    await userEvent.type(budget, '0.1');
    expect(edge('e2')?.retry?.budgetRatio).toBe(0.1);
    await userEvent.clear(budget);
    expect(edge('e2')?.retry).not.toHaveProperty('budgetRatio');
  });

  it('switches an autoscaler between reactive, scheduled and predictive', async () => {
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Autoscale enabled' }));
    const scale = () =>
      (nodeById('api')?.params as { autoscale?: Record<string, unknown> }).autoscale;
    expect(scale()).toMatchObject({ mode: 'reactive', min: 1, max: 10, cooldownS: 30 });

    const max = screen.getByLabelText('Max replicas');
    await userEvent.clear(max);
    await userEvent.type(max, '6');
    expect(scale()).toMatchObject({ max: 6 });

    const mode = screen.getByRole('combobox', { name: 'Autoscale mode' });
    fireEvent.change(mode, { target: { value: 'scheduled' } });
    expect(scale()).toEqual({
      mode: 'scheduled',
      schedule: [
        [0, 2],
        [600, 6],
      ],
      startupS: 20,
    });
    expect(screen.queryByLabelText('Max replicas')).toBeNull();
    const schedule = screen.getByLabelText('Schedule');
    fireEvent.change(schedule, { target: { value: '[[0, 3]]' } });
    fireEvent.blur(schedule);
    expect(scale()).toMatchObject({ schedule: [[0, 3]] });

    fireEvent.change(mode, { target: { value: 'predictive' } });
    expect(scale()).toMatchObject({ mode: 'predictive', min: 1, max: 10, leadS: 60 });
    expect(scale()).not.toHaveProperty('schedule');
    expect(screen.getByLabelText('Look ahead')).toBeTruthy();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Autoscale enabled' }));
    expect(nodeById('api')?.params).not.toHaveProperty('autoscale');
  });

  it('refuses a min above max with the model message, keeping the last valid min', async () => {
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Autoscale enabled' }));
    const min = screen.getByLabelText('Min replicas');
    await userEvent.clear(min);
    await userEvent.type(min, '20');
    expect(screen.getByRole('alert').textContent).toBe('must not be below min, got 10');
    // '2' was valid on the way to '20'; '20' is not.
    expect(nodeById('api')?.params).toMatchObject({ autoscale: { min: 2, max: 10 } });
    expect(min.getAttribute('aria-invalid')).toBe('true');
  });
});
