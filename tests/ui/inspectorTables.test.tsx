// Request-class params as tables of typed rows (not JSON): a client's class mix, a balancer's
// routes by class, a service's time per class; refusals name the row, the column and the value.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { useAppStore } from '../../src/store/index.ts';
import { MAX_CLASSES } from '../../src/model/kinds/classes.ts';

const DOC = {
  version: 1,
  durationS: 30,
  nodes: [
    { id: 'users', type: 'client', params: { classes: [{ name: 'checkout', share: 1 }] } },
    { id: 'lb', type: 'loadBalancer' },
    { id: 'pay', type: 'service', label: 'Payments' },
    { id: 'cat', type: 'service', label: 'Catalog' },
  ],
  edges: [
    { id: 'e0', source: 'users', target: 'lb' },
    { id: 'e1', source: 'lb', target: 'pay' },
    { id: 'e2', source: 'lb', target: 'cat' },
  ],
  faults: [],
};

beforeEach(() => {
  useAppStore.getState().setDoc(loadScenarioOrThrow(DOC));
  useAppStore.setState({ notices: [], readOnly: false, selectedIds: [] });
  useAppStore.temporal.getState().clear();
});

const params = (id: string) =>
  useAppStore.getState().doc.nodes.find((n) => n.id === id)?.params as Record<string, unknown>;
const inspect = (id: string) => {
  act(() => useAppStore.getState().select([id]));
  render(<Inspector />);
};

describe('inspector tables', () => {
  it("edits a client's class mix row by row and refuses a bad share naming row, column and value", async () => {
    inspect('users');
    const table = screen.getByRole('group', { name: 'Request classes' });
    const row1 = within(table).getByRole('group', { name: 'Class 1' });
    expect((within(row1).getByLabelText('Name') as HTMLInputElement).value).toBe('checkout');

    await userEvent.click(within(table).getByRole('button', { name: 'Add class' }));
    expect(params('users')['classes']).toEqual([
      { name: 'checkout', share: 1, priority: 0 },
      { name: 'class2', share: 1, priority: 0 },
    ]);
    const row2 = within(table).getByRole('group', { name: 'Class 2' });
    const name = within(row2).getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'browse');
    const share = within(row2).getByLabelText('Share');
    await userEvent.clear(share);
    await userEvent.type(share, '9');
    const priority = within(row2).getByLabelText('Priority');
    await userEvent.clear(priority);
    await userEvent.type(priority, '1');
    expect(params('users')['classes']).toEqual([
      { name: 'checkout', share: 1, priority: 0 },
      { name: 'browse', share: 9, priority: 1 },
    ]);

    await userEvent.clear(share);
    await userEvent.type(share, '-2');
    expect(within(row2).getByRole('alert').textContent).toBe(
      'Class 2, Share: must be a number above 0 and at most 1000000, got -2',
    );
    expect(share.getAttribute('aria-invalid')).toBe('true');
    expect((params('users')['classes'] as Array<{ share: number }>)[1]?.share).toBe(9);

    // Its own key space: the skew shows only with a key count; clearing the count drops both.
    expect(within(row2).queryByLabelText('Key skew')).toBeNull();
    await userEvent.type(within(row2).getByLabelText('Distinct keys'), '50');
    await userEvent.type(within(row2).getByLabelText('Key skew'), '.5');
    expect((params('users')['classes'] as unknown[])[1]).toMatchObject({
      keys: { count: 50, zipf: 0.5 },
    });
    await userEvent.clear(within(row2).getByLabelText('Distinct keys'));
    expect((params('users')['classes'] as unknown[])[1]).not.toHaveProperty('keys');
  });

  it('adds at most the schema’s rows, removes rows, and no rows leave the field out', async () => {
    inspect('users');
    const table = screen.getByRole('group', { name: 'Request classes' });
    const add = within(table).getByRole('button', { name: 'Add class' });
    for (let i = 1; i < MAX_CLASSES; i++) await userEvent.click(add);
    expect(params('users')['classes']).toHaveLength(MAX_CLASSES);
    expect(add).toHaveProperty('disabled', true);
    for (let i = MAX_CLASSES; i >= 1; i--)
      await userEvent.click(within(table).getByRole('button', { name: `Remove class ${i}` }));
    expect(params('users')).not.toHaveProperty('classes');
    expect(within(table).getByText('None.')).toBeTruthy();
  });

  it('routes a class to backends chosen by name, refuses an empty route, and warns of a class no client sends as it is typed', async () => {
    inspect('lb');
    const table = screen.getByRole('group', { name: 'Routes by class' });
    await userEvent.click(within(table).getByRole('button', { name: 'Add route' }));
    // The first class no route has yet, to every backend.
    expect(params('lb')['routes']).toEqual({ checkout: ['pay', 'cat'] });
    const row = within(table).getByRole('group', { name: 'Route 1' });
    const servedBy = within(row).getByRole('group', { name: 'Served by' });
    await userEvent.click(within(servedBy).getByRole('checkbox', { name: 'Catalog' }));
    expect(params('lb')['routes']).toEqual({ checkout: ['pay'] });

    await userEvent.click(within(servedBy).getByRole('checkbox', { name: 'Payments' }));
    expect(within(row).getByRole('alert').textContent).toBe(
      'Route 1, Served by: must name at least one node, got an empty list',
    );
    expect(params('lb')['routes']).toEqual({ checkout: ['pay'] });

    const cls = within(row).getByLabelText('Class');
    await userEvent.clear(cls);
    await userEvent.type(cls, 'search');
    expect(params('lb')['routes']).toEqual({ search: ['pay'] });
    expect(within(row).getByRole('status').textContent).toBe('No client sends the class "search"');
  });

  it('gives a service a time per class as a distribution', async () => {
    inspect('pay');
    const table = screen.getByRole('group', { name: 'Service time by class' });
    await userEvent.click(within(table).getByRole('button', { name: 'Add class time' }));
    expect(params('pay')['classServiceMs']).toEqual({
      checkout: { dist: 'exponential', meanMs: 10 },
    });
    const row = within(table).getByRole('group', { name: 'Class time 1' });
    const mean = within(row).getByLabelText('Service time mean');
    await userEvent.clear(mean);
    await userEvent.type(mean, '25');
    expect(params('pay')['classServiceMs']).toEqual({
      checkout: { dist: 'exponential', meanMs: 25 },
    });
    // A second row may not repeat a class: a map has one entry per class.
    await userEvent.click(within(table).getByRole('button', { name: 'Add class time' }));
    const second = within(table).getByRole('group', { name: 'Class time 2' });
    const cls = within(second).getByLabelText('Class');
    await userEvent.clear(cls);
    await userEvent.type(cls, 'checkout');
    expect(within(second).getByRole('alert').textContent).toBe(
      'Class time 2, Class: "checkout" has a row already',
    );
  });
});
