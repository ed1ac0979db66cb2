/**
 * The analysis drawer's own state, outside the undoable document: which tab is open, variant B
 * (a second document), and the last results. While B is being edited on the canvas, A is kept
 * here ("aside"); both variants are saved in this browser under their own key, so a reload
 * while editing B loses neither.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Scenario } from '../../model/types.ts';
import { loadScenario } from '../../model/load.ts';
import { guardedLocalStorage } from '../../store/storage/guardedLocalStorage.ts';
import { tellSaveRefused } from '../../store/workspace.ts';

export type AnalysisTab = 'compare' | 'sweep' | 'params' | 'replications' | 'theory';

export const ANALYSIS_KEY = 'archsim.analysis.v1';

export interface AnalysisState {
  open: boolean;
  tab: AnalysisTab;
  /** Which variant the canvas shows. */
  editing: 'A' | 'B';
  /** Variant B while A is on the canvas. */
  variantB: Scenario | null;
  /** Variant A while B is on the canvas. */
  asideA: Scenario | null;
  /** Bumped when another document is opened: the compare pane starts afresh (not persisted). */
  generation: number;
  setOpen: (open: boolean) => void;
  setTab: (tab: AnalysisTab) => void;
}

/** A persisted document is untrusted: it must load, or it is dropped. */
function validOrNull(doc: unknown): Scenario | null {
  if (doc === null || doc === undefined) return null;
  const r = loadScenario(doc);
  return r.ok ? r.scenario : null;
}

export const useAnalysisStore = create<AnalysisState>()(
  persist(
    (set) => ({
      open: false,
      tab: 'compare',
      editing: 'A',
      variantB: null,
      asideA: null,
      generation: 0,
      setOpen: (open) => set({ open }),
      setTab: (tab) => set({ tab }),
    }),
    {
      name: ANALYSIS_KEY,
      // Guarded: a full or refused store must not break opening a link or a file (it threw).
      // Only a variant B that exists is worth a word; the document's own notice says the rest.
      storage: createJSONStorage(() =>
        guardedLocalStorage((e) => {
          const { variantB, asideA } = useAnalysisStore.getState();
          if (variantB || asideA) tellSaveRefused('Variant B', e);
        }),
      ),
      partialize: (s) => ({ editing: s.editing, variantB: s.variantB, asideA: s.asideA }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<AnalysisState>;
        const asideA = validOrNull(p.asideA);
        const variantB = validOrNull(p.variantB);
        // Editing B only makes sense with A kept aside.
        const editing = p.editing === 'B' && asideA ? 'B' : 'A';
        return { ...current, editing, asideA: editing === 'B' ? asideA : null, variantB };
      },
    },
  ),
);
