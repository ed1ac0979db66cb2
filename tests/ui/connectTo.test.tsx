// "Connect to…" in a selected node's inspector: the nodes it may connect to (with the kind of
// edge when it is not a call), the ones the model refuses with the reason, and Connect.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

const optionTexts = (list: HTMLElement) =>
  within(list)
    .getAllByRole('option')
    .map((o) => [o.textContent, (o as HTMLOptionElement).disabled]);

describe('Connect to…', () => {
  it('lists what the client may call, and what it may not with the reason', () => {
    act(() => useAppStore.getState().select(['users']));
    render(<Inspector />);
    const list = screen.getByRole('combobox', { name: 'Connect to…' });
    expect(optionTexts(list)).toEqual([
      ['Choose a node', false],
      ['API', false],
      ['Load balancer: "Users" already has a call edge to "Load balancer"', true],
    ]);
    expect(screen.getByRole('button', { name: /^Connect Users/ })).toHaveProperty('disabled', true);
  });

  it('connects the chosen node and says so', async () => {
    act(() => useAppStore.getState().select(['users']));
    render(<Inspector />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Connect to…' }), 'api');
    await userEvent.click(screen.getByRole('button', { name: /^Connect Users/ }));
    const edges = useAppStore.getState().doc.edges;
    expect(edges.some((e) => e.source === 'users' && e.target === 'api' && e.kind === 'call')).toBe(
      true,
    );
    expect(screen.getByRole('status').textContent).toBe('Users now calls API.');
    // The new edge moves API to the refused side: it is already connected.
    const list = screen.getByRole('combobox', { name: 'Connect to…' });
    expect(optionTexts(list)).toContainEqual([
      'API: "Users" already has a call edge to "API"',
      true,
    ]);
  });

  it('offers replication between two databases, and refuses a loop of calls', () => {
    let primary = '';
    act(() => {
      const s = useAppStore.getState();
      primary = s.addNode('database', { x: 0, y: 300 });
      s.addNode('database', { x: 200, y: 300 });
      s.select([primary]);
    });
    const { unmount } = render(<Inspector />);
    const dbList = screen.getByRole('combobox', { name: 'Connect to…' });
    expect(
      optionTexts(dbList)
        .filter(([, disabled]) => !disabled)
        .map(([t]) => t),
    ).toEqual(['Choose a node', 'Database 2 (replicates to)']);
    unmount();
    // The API calls nothing yet; calling the balancer in front of it would be a loop.
    act(() => useAppStore.getState().select(['api']));
    render(<Inspector />);
    const apiList = screen.getByRole('combobox', { name: 'Connect to…' });
    const lb = optionTexts(apiList).find(([t]) => String(t).startsWith('Load balancer'));
    expect(lb?.[1]).toBe(true);
    expect(String(lb?.[0])).toMatch(/loop/);
  });
});
