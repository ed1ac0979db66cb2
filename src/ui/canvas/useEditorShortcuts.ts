/**
 * Keyboard shortcuts of the canvas: select all (Ctrl+A), duplicate (Ctrl+D), copy/paste
 * (Ctrl+C / Ctrl+V), undo (Ctrl+Z), redo (Ctrl+Shift+Z, Ctrl+Y) and Delete/Backspace. They act
 * only while the focus is in the canvas (the handler goes on its element, and a click on the
 * canvas focuses it): elsewhere the browser's own keys win, so lesson text can be selected with
 * Ctrl+A and copied with Ctrl+C, and Delete in another panel deletes nothing. Paste lands at the
 * pointer when the pointer is over the canvas (`pointerAt` gives its canvas coordinates), else
 * 40 px along.
 */
import { useCallback, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/index.ts';

type Point = { x: number; y: number };

const DELETE_KEYS = new Set(['Delete', 'Backspace']);

export function useEditorShortcuts(
  pointerAt: () => Point | null = () => null,
): (e: KeyboardEvent) => void {
  return useCallback(
    (e: KeyboardEvent) => {
      const s = useAppStore.getState();
      if (s.readOnly) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) {
        if (DELETE_KEYS.has(e.key) && s.selectedIds.length > 0) {
          s.removeElements(s.selectedIds);
          e.preventDefault();
        }
        return;
      }
      const key = e.key.toLowerCase();
      const history = useAppStore.temporal.getState();
      let handled = true;
      if (key === 'z' && !e.shiftKey) history.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') history.redo();
      else if (key === 'd') s.duplicate(s.selectedIds);
      else if (key === 'c') s.copy(s.selectedIds);
      else if (key === 'v') s.paste(pointerAt() ?? undefined);
      // Everything, so Delete clears the canvas (and the selection can be copied whole).
      else if (key === 'a') s.select([...s.doc.nodes, ...s.doc.edges].map((el) => el.id));
      else handled = false;
      if (handled) e.preventDefault();
    },
    [pointerAt],
  );
}
