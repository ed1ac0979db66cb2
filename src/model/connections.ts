/**
 * The one place that says which node may connect to which, over which kind of edge, read from
 * each kind's description (`edges`, `refusesCalls`). The loader refuses documents that break
 * these rules and the editor refuses the connection, saying why.
 */
import { callableNodeTypes, KIND_DESCRIPTIONS, NODE_TYPES } from './kinds/index.ts';
import { EDGE_KINDS } from './kinds/edge.ts';
import type { EdgeRule } from './kinds/describe.ts';
import type { EdgeKind, NodeType } from './types.ts';

export type ConnectResult = { ok: true } | { ok: false; reason: string };

/** Why a kind without a rule for these edges may not start one (every kind has a call rule). */
const NO_RULE: Record<EdgeKind, string> = {
  call: 'it calls nothing',
  replication: 'replication edges only link a database (primary) to a database (replica)',
  deadLetter: 'only a queue has a dead-letter edge',
};

function targetsOf(rule: EdgeRule): readonly string[] {
  return rule.targets === 'callable' ? callableNodeTypes() : rule.targets;
}

export function canConnect(
  sourceType: NodeType,
  targetType: NodeType,
  kind: EdgeKind,
): ConnectResult {
  const refuses = KIND_DESCRIPTIONS[targetType].refusesCalls;
  if (kind === 'call' && refuses !== undefined) return no(refuses);
  const rule = KIND_DESCRIPTIONS[sourceType].edges[kind];
  if (!rule) return no(NO_RULE[kind]);
  return targetsOf(rule).includes(targetType) ? { ok: true } : no(rule.why);
}

/**
 * The edge a link drawn from one kind to another makes (a drag on the canvas, "Connect to…"): a
 * call when the rules allow one, else the first other kind they allow (two databases link by
 * replication, two queues by a dead-letter edge), else a call, whose refusal says why.
 */
export function edgeKindBetween(sourceType: NodeType, targetType: NodeType): EdgeKind {
  if (canConnect(sourceType, targetType, 'call').ok) return 'call';
  return EDGE_KINDS.find((kind) => canConnect(sourceType, targetType, kind).ok) ?? 'call';
}

/** Limits on how many outgoing edges of a kind a node may have, checked over the whole graph. */
export interface DegreeRule {
  type: NodeType;
  kind: EdgeKind;
  min?: EdgeRule['min'];
  max?: EdgeRule['max'];
}

/** Every kind's limits on its outgoing edges, from the descriptions. */
export function degreeRules(): DegreeRule[] {
  return NODE_TYPES.flatMap((type) =>
    Object.entries(KIND_DESCRIPTIONS[type].edges).flatMap(([kind, rule]) =>
      rule && (rule.min || rule.max)
        ? [
            {
              type,
              kind: kind as EdgeKind,
              ...(rule.min && { min: rule.min }),
              ...(rule.max && { max: rule.max }),
            },
          ]
        : [],
    ),
  );
}

function no(reason: string): ConnectResult {
  return { ok: false, reason };
}
