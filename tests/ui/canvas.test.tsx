import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/App.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { findProblems } from '../../src/ui/canvas/problems.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

describe('canvas', () => {
  it('draws the document: nodes with their labels and key params', async () => {
    render(<App />);
    const api = await screen.findByTestId('node-api');
    expect(api.textContent).toContain('API');
    expect(api.textContent).toContain('3 × 4 workers');
    expect(screen.getByTestId('node-lb').textContent).toContain('roundRobin');
  });

  it('marks a node that has no way in or out, and explains why', async () => {
    render(<App />);
    act(() => {
      useAppStore.getState().addNode('cache', { x: 0, y: 400 });
    });
    const badge = await screen.findByRole('img', { name: /backing store/ });
    expect(badge.getAttribute('title')).toMatch(/Nothing sends traffic here/);
  });

  it('shows a refused connection as an alert', async () => {
    render(<App />);
    act(() => {
      const r = useAppStore.getState().connect('api', 'lb');
      if (!r.ok) useAppStore.getState().notify('error', `Cannot connect: ${r.reason}`);
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Cannot connect/));
  });

  it('the embedded view has no palette and no inspector', () => {
    act(() => useAppStore.getState().setReadOnly(true));
    render(<App />);
    expect(screen.queryByRole('navigation', { name: 'Node palette' })).toBeNull();
    expect(screen.queryByRole('complementary', { name: 'Inspector' })).toBeNull();
  });
});

describe('problems', () => {
  it('a client alone sends nowhere; a balancer alone has neither traffic nor backends', () => {
    resetStore();
    const s = useAppStore.getState();
    const c = s.addNode('client', { x: 0, y: 0 });
    const lb = useAppStore.getState().addNode('loadBalancer', { x: 0, y: 0 });
    const problems = findProblems(useAppStore.getState().doc);
    expect(problems.get(c)).toHaveLength(1);
    expect(problems.get(lb)).toHaveLength(2);
    expect(problems.has('api')).toBe(false);
    expect(problems.has('users')).toBe(false);
  });
});
