/**
 * For the editor: may this edge be added to this graph? The pairwise rules of `canConnect` plus
 * what needs the whole graph (self-loops, a second backing store, a loop of calls), with the
 * same messages the loader would give.
 */
import { canConnect, type ConnectResult } from './connections.ts';
import { checkCallLoops, checkDegrees } from './graphChecks.ts';
import type { EdgeKind, Scenario, ScenarioEdge } from './types.ts';

export function canAddEdge(
  doc: Pick<Scenario, 'nodes' | 'edges'>,
  source: string,
  target: string,
  kind: EdgeKind = 'call',
): ConnectResult {
  const from = doc.nodes.find((n) => n.id === source);
  const to = doc.nodes.find((n) => n.id === target);
  if (!from || !to) return { ok: false, reason: `no node has the id "${from ? target : source}"` };
  if (source === target) return { ok: false, reason: 'a node cannot connect to itself' };
  const pair = canConnect(from.type, to.type, kind);
  if (!pair.ok) return pair;
  if (doc.edges.some((e) => e.source === source && e.target === target && e.kind === kind)) {
    return { ok: false, reason: `"${source}" already has a ${kind} edge to "${target}"` };
  }
  const edge: ScenarioEdge = {
    id: '__candidate__',
    source,
    target,
    kind,
    weight: 1,
    latencyMs: { dist: 'constant', ms: 0 },
  };
  const candidate = { nodes: doc.nodes, edges: [...doc.edges, edge] } as Scenario;
  const problem = checkDegrees(candidate, []) ?? checkCallLoops(candidate);
  return problem ? { ok: false, reason: problem.message } : { ok: true };
}
