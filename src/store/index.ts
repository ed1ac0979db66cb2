/**
 * The one application store, built from slices, with its middleware applied once here:
 * `temporal` (zundo) gives undo/redo over the document only, so selecting, running or messages
 * never become undo steps. Saving in the browser is the workspace's job (workspace.ts).
 */
import { create, useStore } from 'zustand';
import { temporal, type TemporalState } from 'zundo';
import { createGraphSlice, type GraphSlice } from './graphSlice.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createEditorSlice, type EditorSlice } from './editorSlice.ts';
import { createRunSlice, type RunSlice } from './runSlice.ts';
import { createActionsSlice, type ActionsSlice } from './actionsSlice.ts';

export type AppState = GraphSlice & SelectionSlice & EditorSlice & RunSlice & ActionsSlice;
export type History = TemporalState<Pick<AppState, 'doc'>>;

const HISTORY_LIMIT = 100;

export function createAppStore() {
  const store = create<AppState>()(
    temporal(
      (...a) => ({
        ...createGraphSlice(...a),
        ...createSelectionSlice(...a),
        ...createEditorSlice(...a),
        ...createRunSlice(...a),
        ...createActionsSlice(...a),
      }),
      {
        partialize: (s) => ({ doc: s.doc }),
        // One history entry per document change; anything else is not an edit.
        equality: (past, now) => past.doc === now.doc,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  store.subscribe((s, prev) => {
    // Undo and redo replace the document behind the selection's back: a pasted node undone
    // stayed "selected" and the inspector counted it. Keep only ids that still exist.
    if (s.doc !== prev.doc && s.selectedIds.length > 0) {
      const ids = new Set([...s.doc.nodes.map((n) => n.id), ...s.doc.edges.map((e) => e.id)]);
      const kept = s.selectedIds.filter((id) => ids.has(id));
      if (kept.length !== s.selectedIds.length) store.setState({ selectedIds: kept });
    }
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

export const useAppStore = createAppStore();

/** Undo/redo state (past and future counts, undo, redo, pause, resume) as a hook. */
export function useHistory<T>(selector: (h: History) => T): T {
  return useStore(useAppStore.temporal, selector);
}

/**
 * Drags move nodes many times a second, and typing in a field edits on every key; history
 * records one entry per drag or per visit to a field. Tracking is paused meanwhile, and at the
 * end the document from before is put back for an instant with tracking still off, so resuming
 * and setting the final document records exactly one step. Returns the function that ends it.
 */
export function beginBatch(store: AppStore = useAppStore): () => void {
  const before = store.getState().doc;
  const history = store.temporal.getState();
  history.pause();
  return () => {
    const after = store.getState().doc;
    if (after === before) {
      history.resume();
      return;
    }
    store.setState({ doc: before });
    history.resume();
    store.setState({ doc: after });
  };
}
