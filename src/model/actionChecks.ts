/**
 * Checks that each action hits something that exists and can take it: a param edit names only
 * params its target takes live, and the params it gives are valid for the target's kind; an
 * operator action hits the kind it is for.
 */
import type * as z from 'zod';
import { applySet, isEdit, liveKeys, OPERATOR_OPS } from './actions.ts';
import type { CheckError } from './graphChecks.ts';
import { formatPath, issueMessage } from './issues.ts';
import { edgeSchema } from './kinds/edge.ts';
import { paramsSchemaOf } from './kinds/index.ts';
import type { Action, OperatorAction, Scenario, ScenarioEdge, ScenarioNode } from './types.ts';

export function checkActions(s: Scenario, warnings: string[]): CheckError | null {
  const nodes = new Map(s.nodes.map((n) => [n.id, n]));
  const edges = new Map(s.edges.map((e) => [e.id, e]));
  for (const [i, a] of (s.actions ?? []).entries()) {
    const target = nodes.get(a.target) ?? edges.get(a.target);
    if (target === undefined) {
      return {
        path: `actions[${i}].target`,
        message: `no node or edge has the id "${a.target}"`,
      };
    }
    const problem = isEdit(a)
      ? checkEdit(i, a.set, target)
      : checkOperator(s, i, a, target, warnings);
    if (problem) return problem;
    if (a.atS >= s.durationS) {
      warnings.push(
        `actions[${i}].atS: ${a.atS} s is not before the end of the run (${s.durationS} s); it never happens`,
      );
    }
  }
  return null;
}

function checkEdit(
  i: number,
  set: Record<string, unknown>,
  target: ScenarioNode | ScenarioEdge,
): CheckError | null {
  const keys = liveKeys(target);
  const what = 'type' in target ? `a ${target.type}` : 'an edge';
  for (const key of Object.keys(set)) {
    if (!keys.includes(key)) {
      const takes = keys.length > 0 ? `takes ${keys.join(', ')}` : 'takes no param';
      return {
        path: formatPath(['actions', i, 'set', key]),
        message: `"${key}" cannot change while a run goes on (${what} ${takes} live)`,
      };
    }
  }
  const [schema, before] =
    'type' in target
      ? [paramsSchemaOf(target.type) as z.ZodType, target.params]
      : [edgeSchema as z.ZodType, target];
  const merged = applySet(before, set);
  const r = schema.safeParse(merged, { reportInput: true });
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const key = Object.keys(set).find((k) => startsWith(issue.path, k.split('.')));
  const rest = key === undefined ? [] : issue.path.slice(key.split('.').length);
  const path = key === undefined ? ['actions', i, 'set'] : ['actions', i, 'set', key, ...rest];
  return { path: formatPath(path), message: issueMessage(issue, merged) };
}

function checkOperator(
  s: Scenario,
  i: number,
  a: OperatorAction,
  target: ScenarioNode | ScenarioEdge,
  warnings: string[],
): CheckError | null {
  const desc = OPERATOR_OPS[a.op];
  const p = `actions[${i}].target`;
  if (desc.target === 'edge') {
    if ('type' in target)
      return { path: p, message: `"${a.op}" takes an edge; "${a.target}" is a node` };
    const hasBreaker =
      target.circuitBreaker !== undefined ||
      (s.actions ?? []).some(
        (b: Action) => isEdit(b) && b.target === a.target && b.set['circuitBreaker'],
      );
    return hasBreaker
      ? null
      : {
          path: p,
          message: `the edge "${a.target}" has no circuit breaker to ${a.op === 'openBreaker' ? 'open' : 'close'}`,
        };
  }
  if (!('type' in target))
    return { path: p, message: `"${a.op}" takes a node; "${a.target}" is an edge` };
  if (desc.nodeTypes !== undefined && !desc.nodeTypes.includes(target.type)) {
    return {
      path: p,
      message: `"${a.op}" applies to ${desc.nodeTypes.join(' or ')}, not to ${target.type} "${target.id}"`,
    };
  }
  if (
    a.op === 'promote' &&
    !s.edges.some((e) => e.kind === 'replication' && e.target === a.target)
  ) {
    return { path: p, message: `"${a.target}" is not a replica (no replication edge leads to it)` };
  }
  if (a.op === 'drain' && a.replica !== undefined && target.type === 'service') {
    if (a.replica >= target.params.replicas)
      warnings.push(
        `actions[${i}].replica: ${a.replica} is not one of the ${target.params.replicas} replicas "${target.id}" starts with (replicas count from 0)`,
      );
  }
  return null;
}

function startsWith(path: readonly PropertyKey[], prefix: readonly string[]): boolean {
  return prefix.every((p, j) => path[j] === p);
}
