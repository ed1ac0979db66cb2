/**
 * What the theory may model at a node: its kind's `theory` hook (src/model/kinds/describe.ts,
 * NodeTheory). The analysis reads kinds only through this and `flow`, so a new kind is modelled
 * as its description says, never by falling into a branch meant for another kind.
 */
import type { StationTheory } from '../model/kinds/describe.ts';
import { theoryOf } from '../model/kinds/index.ts';
import type { ScenarioNode } from '../model/types.ts';
import { serviceOf } from './stationTheory.ts';

export type { StationTheory };
export { theoryOf };

/** The node's station, when its kind is one. */
export function stationOf(n: ScenarioNode): StationTheory | undefined {
  const t = theoryOf(n);
  return t.as === 'station' ? t : undefined;
}

/** Replicas that share a node's traffic: a station's, else 1. */
export function replicasOf(n: ScenarioNode | undefined): number {
  return (n && stationOf(n)?.replicas) ?? 1;
}

/** A station's service time under `read` and `write` rps: one time, or the two mixed. */
export function stationService(
  st: StationTheory,
  read: number,
  write: number,
): ReturnType<typeof serviceOf> {
  const s = st.serviceMs;
  if ('dist' in s) return serviceOf([{ share: 1, dist: s }]);
  const total = read + write;
  return serviceOf([
    { share: total > 0 ? read / total : 1, dist: s.read },
    { share: total > 0 ? write / total : 0, dist: s.write },
  ]);
}
