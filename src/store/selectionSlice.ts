/** Which nodes and edges are selected: ids only, so the document stays the one source of truth. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface SelectionSlice {
  selectedIds: string[];
  select: (ids: readonly string[]) => void;
  /** Add or remove ids from the selection (React Flow reports selection changes one by one). */
  setSelected: (changes: ReadonlyArray<{ id: string; selected: boolean }>) => void;
  clearSelection: () => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedIds: [],
  select: (ids) => set({ selectedIds: [...ids] }),
  setSelected: (changes) =>
    set((s) => {
      const next = new Set(s.selectedIds);
      for (const c of changes) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      if (next.size === s.selectedIds.length && s.selectedIds.every((id) => next.has(id))) return s;
      return { selectedIds: [...next] };
    }),
  clearSelection: () => set((s) => (s.selectedIds.length === 0 ? s : { selectedIds: [] })),
});
