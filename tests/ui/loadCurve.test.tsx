// The load-dependent service time's editor: switched on, it shows its fields and a plot of the
// curve the engine uses, which follows every edit.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

const serviceId = () => useAppStore.getState().doc.nodes.find((n) => n.type === 'service')!.id;
const params = () =>
  useAppStore.getState().doc.nodes.find((n) => n.id === serviceId())!.params as Record<
    string,
    unknown
  >;

describe('load-dependent service time in the inspector', () => {
  it('switches on with the defaults, plots the curve and redraws it on an edit', async () => {
    act(() => useAppStore.getState().select([serviceId()]));
    render(<Inspector />);
    const group = screen.getByRole('group', { name: 'Load-dependent service time' });
    expect(within(group).queryByRole('img')).toBeNull();
    await userEvent.click(
      within(group).getByRole('checkbox', { name: 'Load-dependent service time enabled' }),
    );
    expect(params().loadDependence).toEqual({
      on: 'inService',
      curve: 'linear',
      coefficient: 0.1,
      exponent: 2,
      maxFactor: 100,
    });
    expect(within(group).getByRole('img').getAttribute('aria-label')).toBe(
      'Service time × (1 + 0.1·n): ×1 with no other load, ×3 at others in service n = 20',
    );
    await userEvent.selectOptions(within(group).getByLabelText('Curve'), 'exponential');
    expect(within(group).getByRole('img').getAttribute('aria-label')).toBe(
      'Service time × (e^(0.1·n)): ×1 with no other load, ×7.4 at others in service n = 20',
    );
  });

  it('shows the exponent only for the polynomial curve, keeping its value meanwhile', async () => {
    act(() => useAppStore.getState().select([serviceId()]));
    render(<Inspector />);
    const group = screen.getByRole('group', { name: 'Load-dependent service time' });
    await userEvent.click(
      within(group).getByRole('checkbox', { name: 'Load-dependent service time enabled' }),
    );
    expect(within(group).queryByLabelText(/Exponent p/)).toBeNull();
    await userEvent.selectOptions(within(group).getByLabelText('Curve'), 'polynomial');
    expect(within(group).getByLabelText(/Exponent p/)).toBeTruthy();
    await userEvent.selectOptions(within(group).getByLabelText('Curve'), 'exponential');
    expect(within(group).queryByLabelText(/Exponent p/)).toBeNull();
    expect((params().loadDependence as { exponent: number }).exponent).toBe(2);
  });
});
