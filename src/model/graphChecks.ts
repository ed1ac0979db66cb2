/**
 * Checks across fields that a schema cannot see: ids, edge ends, connection rules, loops of
 * calls and the run's times. Each returns the first error (path, message) and adds warnings.
 */
import { canConnect, degreeRules } from './connections.ts';
import type { Scenario, ScenarioEdge } from './types.ts';

export interface CheckError {
  path: string;
  message: string;
}

export function checkGraph(s: Scenario, warnings: string[]): CheckError | null {
  return (
    checkTimes(s) ??
    checkIds(s) ??
    checkEdges(s) ??
    checkDegrees(s, warnings) ??
    checkCallLoops(s) ??
    checkServices(s, warnings)
  );
}

function checkTimes(s: Scenario): CheckError | null {
  if (s.warmupS >= s.durationS) {
    return {
      path: 'warmupS',
      message: `must be below durationS (${s.durationS} s), got ${s.warmupS}`,
    };
  }
  return null;
}

function checkIds(s: Scenario): CheckError | null {
  const seen = new Map<string, string>();
  const items = [
    ...s.nodes.map((n, i) => ({ id: n.id, path: `nodes[${i}].id` })),
    ...s.edges.map((e, i) => ({ id: e.id, path: `edges[${i}].id` })),
  ];
  for (const { id, path } of items) {
    const first = seen.get(id);
    if (first) return { path, message: `duplicate id "${id}" (already used by ${first})` };
    seen.set(id, path.replace(/\.id$/, ''));
  }
  return null;
}

function checkEdges(s: Scenario): CheckError | null {
  const types = new Map(s.nodes.map((n) => [n.id, n.type]));
  for (const [i, e] of s.edges.entries()) {
    const p = `edges[${i}]`;
    const st = types.get(e.source);
    if (!st) return { path: `${p}.source`, message: `no node has the id "${e.source}"` };
    const tt = types.get(e.target);
    if (!tt) return { path: `${p}.target`, message: `no node has the id "${e.target}"` };
    if (e.source === e.target) {
      return { path: `${p}.target`, message: `an edge cannot lead from "${e.source}" to itself` };
    }
    const rule = canConnect(st, tt, e.kind);
    if (!rule.ok) {
      return { path: p, message: `${e.kind} edge "${e.source}" → "${e.target}": ${rule.reason}` };
    }
  }
  return null;
}

export function checkDegrees(s: Scenario, warnings: string[]): CheckError | null {
  const seenPairs = new Set<string>();
  for (const [i, e] of s.edges.entries()) {
    const pair = `${e.source}\u0000${e.target}\u0000${e.kind}`;
    if (seenPairs.has(pair)) {
      warnings.push(`edges[${i}]: a second ${e.kind} edge "${e.source}" → "${e.target}"`);
    }
    seenPairs.add(pair);
  }
  const rules = degreeRules();
  for (const [i, n] of s.nodes.entries()) {
    for (const rule of rules) {
      if (rule.type !== n.type) continue;
      const out = outgoing(s.edges, n.id).filter((e) => e.edge.kind === rule.kind);
      const extra = rule.max ? out[rule.max.count] : undefined;
      if (rule.max && extra) {
        return { path: `edges[${extra.index}]`, message: `"${n.id}": ${rule.max.reason}` };
      }
      if (rule.min && out.length < rule.min.count) {
        warnings.push(`nodes[${i}] ("${n.id}"): ${rule.min.warning}`);
      }
    }
  }
  return null;
}

function outgoing(edges: ScenarioEdge[], id: string) {
  return edges.flatMap((edge, index) => (edge.source === id ? [{ edge, index }] : []));
}

/** Call edges must not loop: a request would travel forever. Replication and dead letters don't count. */
export function checkCallLoops(s: Scenario): CheckError | null {
  const next = new Map<string, Array<{ to: string; index: number }>>();
  for (const [index, e] of s.edges.entries()) {
    if (e.kind !== 'call') continue;
    const list = next.get(e.source) ?? [];
    list.push({ to: e.target, index });
    next.set(e.source, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  // Iterative depth-first search, so a long chain cannot overflow the stack.
  for (const root of s.nodes) {
    if (state.has(root.id)) continue;
    const stack: Array<{ id: string; i: number }> = [{ id: root.id, i: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const step = next.get(top.id)?.[top.i];
      if (!step) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      top.i += 1;
      const st = state.get(step.to);
      if (st === 'open') {
        const from = stack.findIndex((f) => f.id === step.to);
        const loop = [...stack.slice(from).map((f) => f.id), step.to].map((x) => `"${x}"`);
        return {
          path: `edges[${step.index}]`,
          message: `call edges form a loop ${loop.join(' → ')}: requests would go round forever`,
        };
      }
      if (!st) {
        state.set(step.to, 'open');
        stack.push({ id: step.to, i: 0 });
      }
    }
  }
  return null;
}

function checkServices(s: Scenario, warnings: string[]): CheckError | null {
  for (const [i, n] of s.nodes.entries()) {
    // Autoscaling is a service's param: only a service's behaviour scales its replicas.
    if (n.type !== 'service' || !n.params.autoscale || n.params.autoscale.mode === 'scheduled') {
      continue;
    }
    const { min, max } = n.params.autoscale;
    if (n.params.replicas < min || n.params.replicas > max) {
      warnings.push(
        `nodes[${i}].params.replicas: ${n.params.replicas} is outside autoscale ${min}..${max}; the scaler will move it`,
      );
    }
  }
  return null;
}
