import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { KIND_DESCRIPTIONS } from '../../src/model/kinds/index.ts';
import { useAppStore } from '../../src/store/index.ts';
import { nodeById, resetStore } from './editorHelpers.ts';

const labelOf = (type: 'service' | 'client', key: string): string => {
  const d = KIND_DESCRIPTIONS[type].params.find((p) => p.key === key);
  if (!d) throw new Error(`no ${key} param on ${type}`);
  return d.label;
};

beforeEach(resetStore);

describe('inspector', () => {
  it('shows the scenario when nothing is selected, and edits its name', async () => {
    render(<Inspector />);
    const name = screen.getByLabelText('Scenario name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Checkout');
    expect(useAppStore.getState().doc.name).toBe('Checkout');
  });

  it('commits a valid param as typed', async () => {
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    const workers = screen.getByLabelText(labelOf('service', 'workers'));
    await userEvent.clear(workers);
    await userEvent.type(workers, '16');
    expect(nodeById('api')?.params).toMatchObject({ workers: 16 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses an invalid param with the model message, leaving the document unchanged', async () => {
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    const before = useAppStore.getState().doc;
    const workers = screen.getByLabelText(labelOf('service', 'workers'));
    await userEvent.clear(workers);
    await userEvent.type(workers, '0');
    expect(screen.getByRole('alert').textContent).toMatch(/must be an integer from 1/);
    expect(nodeById('api')?.params).toMatchObject({ workers: 4 });
    expect(useAppStore.getState().doc.nodes).toEqual(before.nodes);
    expect((workers as HTMLInputElement).value).toBe('0');
    expect(workers.getAttribute('aria-invalid')).toBe('true');
  });

  it('edits a distribution by family and mean', async () => {
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    const label = labelOf('service', 'serviceTimeMs');
    fireEvent.change(screen.getByLabelText(label), { target: { value: 'constant' } });
    expect(nodeById('api')?.params).toMatchObject({ serviceTimeMs: { dist: 'constant', ms: 10 } });
    const value = screen.getByLabelText(`${label} value`);
    await userEvent.clear(value);
    await userEvent.type(value, '25');
    expect(nodeById('api')?.params).toMatchObject({ serviceTimeMs: { dist: 'constant', ms: 25 } });
  });

  it('switches a client to a closed population of users', async () => {
    act(() => useAppStore.getState().select(['users']));
    render(<Inspector />);
    const label = labelOf('client', 'arrival');
    fireEvent.change(screen.getByLabelText(label), { target: { value: 'closed' } });
    const arrival = (nodeById('users')?.params as { arrival: { process: string } }).arrival;
    expect(arrival.process).toBe('closed');
    const users = screen.getByLabelText(`${label} users`);
    await userEvent.clear(users);
    await userEvent.type(users, '120');
    expect(nodeById('users')?.params).toMatchObject({ arrival: { process: 'closed', users: 120 } });
  });

  it('checks JSON fields when they lose focus', async () => {
    act(() => useAppStore.getState().select(['users']));
    render(<Inspector />);
    const profile = screen.getByLabelText(labelOf('client', 'profile'));
    fireEvent.change(profile, { target: { value: '[[0, 1], [60' } });
    fireEvent.blur(profile);
    expect(screen.getByRole('alert').textContent).toMatch(/JSON/);
    fireEvent.change(profile, { target: { value: '[[0, 1], [60, 3]]' } });
    fireEvent.blur(profile);
    expect(nodeById('users')?.params).toMatchObject({
      profile: [
        [0, 1],
        [60, 3],
      ],
    });
  });

  it('shows an undone value in the field', async () => {
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    const replicas = screen.getByLabelText(labelOf('service', 'replicas')) as HTMLInputElement;
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '7');
    act(() => replicas.blur());
    expect(nodeById('api')?.params).toMatchObject({ replicas: 7 });
    act(() => useAppStore.temporal.getState().undo());
    expect(nodeById('api')?.params).toMatchObject({ replicas: 3 });
    expect(replicas.value).toBe('3');
  });

  it('edits an edge through the edge descriptions', async () => {
    act(() => useAppStore.getState().select(['e2']));
    render(<Inspector />);
    const timeout = screen.getByLabelText('Timeout');
    await userEvent.type(timeout, '250');
    expect(useAppStore.getState().doc.edges.find((e) => e.id === 'e2')?.timeoutMs).toBe(250);
    await userEvent.clear(timeout);
    expect(useAppStore.getState().doc.edges.find((e) => e.id === 'e2')).not.toHaveProperty(
      'timeoutMs',
    );
  });
});
