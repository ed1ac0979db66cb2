/**
 * Variant B and the "Editing: A | B" switch. Switching puts the other variant into the editor
 * (`setDoc`) and keeps the one that leaves in the analysis store; the undo history is cleared
 * on each switch so Undo never jumps from one variant into the other.
 */
import { duplicateAsVariant } from '../../analysis/variant.ts';
import type { Scenario } from '../../model/types.ts';
import { useAppStore, type AppStore } from '../../store/index.ts';
import { keepReplacedWork } from '../../store/workspace.ts';
import { useAnalysisStore } from './analysisStore.ts';

type AnalysisStore = typeof useAnalysisStore;

/** B = a copy of the design on the canvas (which must be A). */
export function makeVariantB(app: AppStore = useAppStore, an: AnalysisStore = useAnalysisStore) {
  if (an.getState().editing !== 'A') return;
  an.setState({ variantB: duplicateAsVariant(app.getState().doc) });
}

export function switchEditing(
  to: 'A' | 'B',
  app: AppStore = useAppStore,
  an: AnalysisStore = useAnalysisStore,
): void {
  const s = an.getState();
  if (s.editing === to) return;
  const onCanvas = app.getState().doc;
  if (to === 'B') {
    if (!s.variantB) return;
    an.setState({ editing: 'B', asideA: onCanvas, variantB: null });
    app.getState().setDoc(s.variantB);
  } else {
    if (!s.asideA) return;
    an.setState({ editing: 'A', asideA: null, variantB: onCanvas });
    app.getState().setDoc(s.asideA);
  }
  app.temporal.getState().clear();
}

/** Both variants wherever they are now (B is null until made). */
export function currentVariants(
  app: AppStore = useAppStore,
  an: AnalysisStore = useAnalysisStore,
): { a: Scenario; b: Scenario | null } {
  const s = an.getState();
  const onCanvas = app.getState().doc;
  return s.editing === 'A'
    ? { a: onCanvas, b: s.variantB }
    : { a: s.asideA ?? onCanvas, b: onCanvas };
}

/** Drops B (back to A first if B is on the canvas). */
export function discardVariantB(app: AppStore = useAppStore, an: AnalysisStore = useAnalysisStore) {
  switchEditing('A', app, an);
  an.setState({ variantB: null });
}

/**
 * Opens another document (a preset, a link, an imported file); the one it replaces goes into
 * Recent work. Variant B was a variant of the
 * design that leaves, so it goes (back to A first, so Undo returns to A, never to B), and the
 * compare pane forgets its results. Returns whether a B was dropped, so the caller can say so.
 */
export function openAnotherDocument(
  doc: Scenario,
  app: AppStore = useAppStore,
  an: AnalysisStore = useAnalysisStore,
): boolean {
  const s = an.getState();
  const hadB = s.variantB !== null || s.editing === 'B';
  if (hadB) discardVariantB(app, an);
  an.setState({ generation: s.generation + 1 });
  keepReplacedWork(app, app.getState().doc, doc);
  app.getState().setDoc(doc);
  return hadB;
}

export const DROPPED_B_NOTE = ' Variant B of the previous design was dropped.';
