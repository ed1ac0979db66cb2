/**
 * Region-wide faults as the node and edge faults they stand for, so they compose and undo with
 * every other fault exactly as those do (src/engine/faults.ts): `regionDown` crashes every node
 * running in the region, but its clients (its users, still sending) and its global routers (a
 * balancer routing by `nearest` or `failover` stands for DNS, served from outside any one
 * region; it sits in its users' region so its distances are theirs); `regionPartition` cuts
 * every edge with one end inside the region and the other outside.
 */
import { FAULT_KINDS } from '../model/kinds/faultKinds.ts';
import { regionOf } from '../model/regions.ts';
import type { Fault, Scenario, ScenarioNode } from '../model/types.ts';

const isGlobalRouter = (n: ScenarioNode) =>
  n.type === 'loadBalancer' &&
  (n.params.strategy === 'nearest' || n.params.strategy === 'failover');

export function regionFaultParts(doc: Scenario, f: Fault): Fault[] {
  const inside = (node: string) => {
    const n = doc.nodes.find((m) => m.id === node);
    return n !== undefined && regionOf(n, doc.regions) === f.target;
  };
  const when = f.forS === undefined ? { atS: f.atS } : { atS: f.atS, forS: f.forS };
  if (f.kind === 'regionDown') {
    const crashable = FAULT_KINDS.crash.nodeTypes ?? [];
    return doc.nodes
      .filter(
        (n) =>
          crashable.includes(n.type) && !isGlobalRouter(n) && regionOf(n, doc.regions) === f.target,
      )
      .map((n) => ({ ...when, kind: 'crash', target: n.id }));
  }
  if (f.kind === 'regionPartition') {
    return doc.edges
      .filter((e) => inside(e.source) !== inside(e.target))
      .map((e) => ({ ...when, kind: 'partition', target: e.id }));
  }
  throw new Error(`fault ${f.kind} does not target a region`);
}
