/**
 * What a changed document means for a run going on. When the only change is faults and actions
 * appended at or after the current simulated time, the run takes them as they are: faults and
 * actions run before anything else at their instant, ordered by their index (engine/faults.ts,
 * engine/actions.ts), so the run is the one the new document gives from 0 s, and a Reset
 * replays it exactly. Any other change restarts the run.
 */
import type { Action, Fault, Scenario } from '../model/types.ts';

/** The document without what the simulation ignores, for "did anything that matters change". */
export function simulationKey(doc: Scenario): string {
  return JSON.stringify({
    ...doc,
    name: '',
    description: '',
    nodes: doc.nodes.map((n) => ({ ...n, position: null, label: '' })),
  });
}

export interface LiveChanges {
  faults: Fault[];
  actions: Action[];
}

/**
 * The faults and actions `next` appends to `prev`, if that is all that changes for the
 * simulation and none takes effect before `nowS` (empty lists: nothing changed); null when the
 * run must restart.
 */
export function liveChanges(prev: Scenario, next: Scenario, nowS: number): LiveChanges | null {
  const keptFaults = prev.faults.length;
  const prevActions = prev.actions ?? [];
  const nextActions = next.actions ?? [];
  if (next.faults.length < keptFaults || nextActions.length < prevActions.length) return null;
  const faults = next.faults.slice(keptFaults);
  const actions = nextActions.slice(prevActions.length);
  if (![...faults, ...actions].every((x) => x.atS >= nowS)) return null;
  const kept: Scenario = { ...next, faults: next.faults.slice(0, keptFaults) };
  if (prev.actions === undefined) delete kept.actions;
  else kept.actions = nextActions.slice(0, prevActions.length);
  return simulationKey(kept) === simulationKey(prev) ? { faults, actions } : null;
}
