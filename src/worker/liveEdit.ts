/**
 * What a changed document means for a run going on. When the only change is faults appended
 * at or after the current simulated time, the run takes them as they are: faults run before
 * anything else at their instant, ordered by their index (engine/faults.ts), so the run is the
 * one the new document gives from 0 s, and a Reset replays it exactly. Any other change
 * restarts the run.
 */
import type { Fault, Scenario } from '../model/types.ts';

/** The document without what the simulation ignores, for "did anything that matters change". */
export function simulationKey(doc: Scenario): string {
  return JSON.stringify({
    ...doc,
    name: '',
    description: '',
    nodes: doc.nodes.map((n) => ({ ...n, position: null, label: '' })),
  });
}

/**
 * The faults `next` appends to `prev`, if that is all that changes for the simulation and none
 * starts before `nowS` (an empty list: nothing changed); null when the run must restart.
 */
export function faultsToInject(prev: Scenario, next: Scenario, nowS: number): Fault[] | null {
  const kept = prev.faults.length;
  if (next.faults.length < kept) return null;
  const added = next.faults.slice(kept);
  if (!added.every((f) => f.atS >= nowS)) return null;
  const same =
    simulationKey({ ...next, faults: next.faults.slice(0, kept) }) === simulationKey(prev);
  return same ? added : null;
}
