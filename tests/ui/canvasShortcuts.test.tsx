// The canvas's shortcuts act only while the focus is in the canvas; elsewhere (lesson text, a
// field, a dialog) the browser's own Ctrl+A, Ctrl+C and Delete are left alone.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEditorShortcuts } from '../../src/ui/canvas/useEditorShortcuts.ts';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

/** The canvas's keyboard surface beside some lesson text. */
function Page() {
  return (
    <>
      <div tabIndex={-1} aria-label="canvas" onKeyDown={useEditorShortcuts()} />
      <p tabIndex={-1} aria-label="lesson">
        Some lesson text
      </p>
    </>
  );
}

const press = (keys: string) => userEvent.keyboard(keys);

describe('canvas shortcuts', () => {
  it('outside the canvas, Ctrl+A, Ctrl+C, Ctrl+V, Ctrl+Z and Delete change nothing', async () => {
    render(<Page />);
    useAppStore.getState().select(['api']);
    const before = useAppStore.getState().doc;
    screen.getByLabelText('lesson').focus();
    for (const keys of [
      '{Control>}a{/Control}',
      '{Control>}c{/Control}',
      '{Control>}v{/Control}',
      '{Control>}z{/Control}',
      '{Delete}',
    ]) {
      await press(keys);
    }
    const s = useAppStore.getState();
    expect(s.selectedIds).toEqual(['api']);
    expect(s.clipboard).toBeNull();
    expect(s.doc).toBe(before);
  });

  it('in the canvas, copy and paste duplicate the selection, Delete removes it, undo restores', async () => {
    render(<Page />);
    useAppStore.getState().select(['api']);
    screen.getByLabelText('canvas').focus();
    await press('{Control>}c{/Control}');
    await press('{Control>}v{/Control}');
    const pasted = useAppStore.getState().selectedIds;
    expect(pasted).toHaveLength(1);
    expect(pasted[0]).not.toBe('api');
    expect(useAppStore.getState().doc.nodes).toHaveLength(4);
    await press('{Delete}');
    expect(useAppStore.getState().doc.nodes.map((n) => n.id)).toEqual(['users', 'lb', 'api']);
    await press('{Control>}z{/Control}');
    expect(useAppStore.getState().doc.nodes).toHaveLength(4);
  });
});
