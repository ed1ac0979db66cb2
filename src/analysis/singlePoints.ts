/**
 * Single points of failure: a node whose loss cuts some client off from every backend it reaches
 * (a backend: a node it reaches that calls nothing further). A node with redundancy of its own is
 * not one: a service of two replicas or more, a database with failover and a replica to promote,
 * a cache-aside cache (the application falls back to the store when it is down). Flagged on the
 * canvas while the design studies availability (it has a `failures` fault). Pure, for tests.
 */
import type { Scenario, ScenarioNode } from '../model/types.ts';

function redundant(n: ScenarioNode, doc: Scenario): boolean {
  if (n.type === 'service') return n.params.replicas >= 2;
  if (n.type === 'cache') return n.params.strategy === 'cacheAside';
  if (n.type === 'database')
    return (
      n.params.failover !== undefined &&
      doc.edges.some((e) => e.kind === 'replication' && e.source === n.id)
    );
  return false;
}

/** The nodes `from` reaches over call edges, never passing `without`. */
function reach(from: string, calls: Map<string, string[]>, without: string): Set<string> {
  const seen = new Set([from]);
  const todo = [from];
  for (let id = todo.pop(); id !== undefined; id = todo.pop())
    for (const next of calls.get(id) ?? [])
      if (next !== without && !seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
  return seen;
}

/** Node id → why it is a single point of failure (the clients it would cut off). */
export function singlePointsOfFailure(doc: Scenario): Map<string, string> {
  const calls = new Map<string, string[]>();
  for (const e of doc.edges)
    if (e.kind === 'call') calls.set(e.source, [...(calls.get(e.source) ?? []), e.target]);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const cutOff = new Map<string, string[]>();
  for (const c of doc.nodes.filter((n) => n.type === 'client')) {
    const reached = reach(c.id, calls, '');
    const backends = [...reached].filter((id) => id !== c.id && !calls.has(id));
    for (const id of reached) {
      const n = byId.get(id);
      if (id === c.id || n === undefined || redundant(n, doc)) continue;
      const without = reach(c.id, calls, id);
      if (backends.some((b) => b !== id && without.has(b))) continue;
      cutOff.set(id, [...(cutOff.get(id) ?? []), c.label || c.id]);
    }
  }
  return new Map(
    [...cutOff].map(([id, clients]) => [
      id,
      `Single point of failure: losing it cuts ${clients.join(', ')} off from every backend.`,
    ]),
  );
}
