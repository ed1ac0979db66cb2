/**
 * The objectives' side of the run on the page: the alerts and error-budget points the worker
 * sends with its frames (src/engine/objectives), gathered for the current run. A new run's first
 * frame empties it. Not part of the document.
 */
import { create } from 'zustand';
import type { AlertEvent, BudgetPoint, ObjectivesFrame } from '../../engine/objectives/types.ts';

export interface LiveObjectives {
  alerts: AlertEvent[];
  budgets: Record<string, BudgetPoint[]>;
  /** Each objective over the counted run so far (null: nothing measured yet). */
  sofar: Record<string, number | null>;
  reset: () => void;
  add: (frame: ObjectivesFrame) => void;
}

const EMPTY = { alerts: [], budgets: {}, sofar: {} };

export const useLiveObjectives = create<LiveObjectives>()((set) => ({
  ...EMPTY,
  reset: () => set(EMPTY),
  add: (f) =>
    set((s) => {
      const budgets = { ...s.budgets };
      for (const [id, points] of Object.entries(f.budgets))
        budgets[id] = [...(budgets[id] ?? []), ...points];
      return {
        alerts: f.alerts.length > 0 ? [...s.alerts, ...f.alerts] : s.alerts,
        budgets,
        sofar: f.sofar,
      };
    }),
}));
