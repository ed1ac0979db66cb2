// What an architect building from scratch needs: a blank canvas one undo away, Ctrl+A to
// select everything, two queues linked by a dead-letter edge, and an edge inspector that shows
// a replication or dead-letter edge's own fields (not a caller's retries and breakers).
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PresetsMenu } from '../../src/ui/presets/PresetsMenu.tsx';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { useEditorShortcuts } from '../../src/ui/canvas/useEditorShortcuts.ts';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

describe('building from scratch', () => {
  it('"Blank canvas" empties the document, and Undo brings the design back', async () => {
    render(<PresetsMenu />);
    await userEvent.click(screen.getByRole('button', { name: 'Presets' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Blank canvas' }));
    expect(useAppStore.getState().doc.nodes).toEqual([]);
    expect(useAppStore.getState().notices.at(-1)?.text).toMatch(/blank canvas/);
    act(() => useAppStore.temporal.getState().undo());
    expect(useAppStore.getState().doc.nodes.map((n) => n.id)).toEqual(['users', 'lb', 'api']);
  });

  it('Ctrl+A selects every node and edge (so Delete clears the canvas)', async () => {
    function Surface() {
      return <div tabIndex={-1} aria-label="canvas" onKeyDown={useEditorShortcuts()} />;
    }
    render(<Surface />);
    screen.getByLabelText('canvas').focus();
    await userEvent.keyboard('{Control>}a{/Control}');
    const { doc, selectedIds } = useAppStore.getState();
    expect([...selectedIds].sort()).toEqual(
      [...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)].sort(),
    );
  });

  it('shows a replication edge as replication: lag, no timeout, retry or breaker', () => {
    const s = useAppStore.getState();
    const primary = s.addNode('database', { x: 0, y: 0 });
    const replica = s.addNode('database', { x: 200, y: 0 });
    const made = useAppStore.getState().connect(primary, replica, 'replication');
    expect(made.ok).toBe(true);
    act(() => useAppStore.getState().select([made.ok ? made.id : '']));
    render(<Inspector />);
    expect(screen.getByText(/replication lag/)).toBeTruthy();
    expect(screen.getByLabelText('Kind')).toBeTruthy();
    for (const field of ['Timeout', 'Retry', 'Circuit breaker', 'Fallback'])
      expect(screen.queryByLabelText(field)).toBeNull();
  });

  it('a call edge keeps the caller policy fields', () => {
    act(() => useAppStore.getState().select(['e2']));
    render(<Inspector />);
    expect(screen.getByText(/a call path/)).toBeTruthy();
    for (const field of ['Timeout', 'Retry', 'Circuit breaker'])
      expect(screen.getByLabelText(field)).toBeTruthy();
  });
});
