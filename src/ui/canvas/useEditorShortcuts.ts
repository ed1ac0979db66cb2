/**
 * Keyboard shortcuts on the canvas: select all (Ctrl+A), duplicate (Ctrl+D), copy/paste (Ctrl+C / Ctrl+V), undo
 * (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y). Delete is React Flow's own. Keys typed into a field
 * are left alone, so undo in an input still undoes the text. Paste lands at the pointer when the
 * pointer is over the canvas (`pointerAt` gives its canvas coordinates), else 40 px along.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../store/index.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

type Point = { x: number; y: number };

export function useEditorShortcuts(pointerAt: () => Point | null = () => null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useAppStore.getState();
      if (s.readOnly || isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
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
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pointerAt]);
}
