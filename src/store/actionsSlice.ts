/**
 * The document's actions (src/model/actions.ts): changes made while a run goes on, known by
 * their index in `doc.actions`. A new one goes last (the engine orders simultaneous actions by
 * index, so one taken live and its replay agree). Every edit goes through the model's one door.
 */
import type { StateCreator } from 'zustand';
import { loadScenario } from '../model/load.ts';
import type { Action, Scenario } from '../model/types.ts';
import type { EditResult } from './graphSlice.ts';
import type { AppState } from './index.ts';

export interface ActionsSlice {
  addAction: (action: Action) => EditResult;
  updateAction: (index: number, action: Action) => EditResult;
  removeAction: (index: number) => void;
}

/** The document with `actions` as given; none leaves the field out, as before actions. */
function withActions(doc: Scenario, actions: Action[]): Scenario {
  const { actions: _old, ...rest } = doc;
  return actions.length === 0 ? rest : { ...rest, actions };
}

export const createActionsSlice: StateCreator<AppState, [], [], ActionsSlice> = (set, get) => {
  const commit = (candidate: Scenario): EditResult => {
    const r = loadScenario(candidate);
    if (!r.ok) {
      const prefix = `${r.path || 'document'}: `;
      const message = r.error.startsWith(prefix) ? r.error.slice(prefix.length) : r.error;
      return { ok: false, error: r.error, message, path: r.path };
    }
    set({ doc: r.scenario });
    return { ok: true };
  };
  const list = () => get().doc.actions ?? [];
  return {
    addAction: (action) => commit(withActions(get().doc, [...list(), action])),
    updateAction: (index, action) => {
      const actions = list();
      if (index < 0 || index >= actions.length) {
        const text = 'That action no longer exists.';
        return { ok: false, error: text, message: text };
      }
      return commit(
        withActions(
          get().doc,
          actions.map((a, i) => (i === index ? action : a)),
        ),
      );
    },
    removeAction: (index) => {
      const actions = list();
      if (index < 0 || index >= actions.length) return;
      set({
        doc: withActions(
          get().doc,
          actions.filter((_, i) => i !== index),
        ),
      });
    },
  };
};
