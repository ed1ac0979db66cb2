/**
 * Actions: what a user changes while a run goes on, recorded at the simulated time it took
 * effect so that a Reset, a share link or a headless run replays it exactly. Two forms:
 *
 *   {"atS": 30, "target": "users", "set": {"arrival.rps": 900}}   a param edit
 *   {"atS": 60, "target": "api", "op": "drain", "replica": 2}     an operator action
 *
 * A `set` names params by dot path; each must be one its target declares live (a kind's `live`
 * list, or EDGE_LIVE for an edge); `null` makes an optional param absent. Scaling is a param
 * edit (`"replicas": N`).
 */
import * as z from 'zod';
import { idSchema, int, num, oneOf } from './kinds/common.ts';
import { EDGE_LIVE } from './kinds/edge.ts';
import { MAX_DURATION_S } from './kinds/fault.ts';
import type { KindOp } from './kinds/describe.ts';
import { KIND_DESCRIPTIONS, NODE_TYPES } from './kinds/index.ts';
import { MAX_REPLICAS } from './kinds/service.ts';
import type {
  Action,
  EditAction,
  NodeType,
  OperatorOp,
  Scenario,
  ScenarioEdge,
  ScenarioNode,
} from './types.ts';

export interface OperatorOpDescription {
  op: OperatorOp;
  label: string;
  help: string;
  target: 'node' | 'edge';
  /** Node kinds it applies to (target 'node'). */
  nodeTypes?: readonly NodeType[];
}

/** The kinds whose descriptions list `op` (read when asked, like the fault targets). */
function kindsTaking(op: KindOp): NodeType[] {
  return NODE_TYPES.filter((t) => KIND_DESCRIPTIONS[t].ops?.includes(op) === true);
}

export const OPERATOR_OPS: Record<OperatorOp, OperatorOpDescription> = {
  drain: {
    op: 'drain',
    label: 'Drain a replica',
    help: 'The replica takes no new work, finishes what it holds and what waits for it, then stops (one replica fewer).',
    target: 'node',
    get nodeTypes() {
      return kindsTaking('drain');
    },
  },
  promote: {
    op: 'promote',
    label: 'Promote to primary',
    help: 'This replica becomes the primary now, as a failover would make it: its old primary passes every call to it; writes still in the replication lag are lost.',
    target: 'node',
    get nodeTypes() {
      return kindsTaking('promote');
    },
  },
  openBreaker: {
    op: 'openBreaker',
    label: 'Open the breaker',
    help: "The edge's circuit breaker opens now: calls fail fast for its open time, then probes go through.",
    target: 'edge',
  },
  closeBreaker: {
    op: 'closeBreaker',
    label: 'Close the breaker',
    help: "The edge's circuit breaker closes now, with an empty window.",
    target: 'edge',
  },
};

const OPS = Object.keys(OPERATOR_OPS) as [OperatorOp, ...OperatorOp[]];

/** What an action does, without when: also an alert's automated response (`then`). */
const ACTION_BODY = {
  target: idSchema,
  set: z
    .record(z.string(), z.unknown(), { error: 'must be an object of param → value' })
    .refine((s) => Object.keys(s).length > 0, { error: 'must name at least one param' })
    .optional(),
  op: oneOf(OPS).optional(),
  replica: int(0, MAX_REPLICAS - 1).optional(),
};

function checkForm(
  a: { set?: unknown; op?: OperatorOp | undefined; replica?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((a.set === undefined) === (a.op === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: 'must have either "set" (a param edit) or "op" (an operator action)',
    });
  } else if (a.replica !== undefined && a.op !== 'drain') {
    ctx.addIssue({ code: 'custom', path: ['replica'], message: 'belongs only to "op": "drain"' });
  }
}

export const actionSchema = z
  .strictObject({ atS: num(0, MAX_DURATION_S, 's'), ...ACTION_BODY })
  .superRefine(checkForm);

/** An action without its time: taken when something happens (an alert fires). */
export const actionBodySchema = z.strictObject(ACTION_BODY).superRefine(checkForm);

export function isEdit(a: Action): a is EditAction {
  return 'set' in a;
}

/** The params of a node (or the fields of an edge) that a run takes while it goes on. */
export function liveKeys(target: ScenarioNode | ScenarioEdge): readonly string[] {
  return 'type' in target ? (KIND_DESCRIPTIONS[target.type].live ?? []) : EDGE_LIVE;
}

/** A copy of `obj` with each dot path of `set` replaced (null: removed); `obj` is untouched. */
export function applySet<T extends object>(obj: T, set: Readonly<Record<string, unknown>>): T {
  let out = obj;
  for (const [key, value] of Object.entries(set)) out = setPath(out, key.split('.'), value);
  return out;
}

function setPath<T>(obj: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...(obj as Record<string, unknown>) };
  if (rest.length > 0) {
    const inner = copy[head];
    copy[head] = setPath(typeof inner === 'object' && inner !== null ? inner : {}, rest, value);
  } else if (value === null) delete copy[head];
  else copy[head] = value;
  return copy as T;
}

/** The value at a dot path (undefined when absent). */
export function getPath(obj: unknown, key: string): unknown {
  let v = obj;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * The live params that differ between two versions of one node's params (or one edge), as an
 * action's `set`; null when anything else differs (the change cannot be taken live) or nothing.
 */
export function liveSet(
  target: ScenarioNode | ScenarioEdge,
  before: object,
  after: object,
): Record<string, unknown> | null {
  const keys = liveKeys(target);
  const set: Record<string, unknown> = {};
  for (const key of keys) {
    const a = getPath(after, key);
    if (JSON.stringify(getPath(before, key)) !== JSON.stringify(a)) set[key] = a ?? null;
  }
  if (Object.keys(set).length === 0) return null;
  const rest = applySet(
    after,
    Object.fromEntries(keys.map((k) => [k, getPath(before, k) ?? null])),
  );
  return JSON.stringify(sorted(rest)) === JSON.stringify(sorted(before)) ? set : null;
}

/** Key order does not matter for "did anything else change". */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
  );
}

/** The document's actions, in replay order: by time, then by their place in the list. */
function actionsInOrder(doc: Scenario): Array<{ action: Action; index: number }> {
  return (doc.actions ?? [])
    .map((action, index) => ({ action, index }))
    .sort((x, y) => x.action.atS - y.action.atS || x.index - y.index);
}

/**
 * A node's params (or an edge) as the document's actions up to `tS` leave them: what the
 * inspector shows while a run goes on. Defaults are not re-filled: a `set` holds whole values.
 */
export function effectiveAt<T extends ScenarioNode | ScenarioEdge>(
  doc: Scenario,
  target: T,
  tS: number,
): T {
  let out = target;
  for (const { action } of actionsInOrder(doc)) {
    if (action.atS > tS || action.target !== target.id || !isEdit(action)) continue;
    out =
      'type' in out
        ? ({ ...out, params: applySet(out.params, action.set) } as T)
        : applySet(out, action.set);
  }
  return out;
}
