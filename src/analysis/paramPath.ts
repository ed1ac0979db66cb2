/**
 * A numeric param of a design, named by a path: `nodes.api.params.replicas`,
 * `nodes.api.params.serviceTimeMs.meanMs`, `edges.e1.timeoutMs`, `edges.e1.retry.max`. Its limits
 * are read from the kind's schema (the one place they are written), its label from the kind's
 * descriptors. `withParam` sets a value, refusing one outside the limits with the path and the
 * value; the document it returns has been through the loader again, so cross-field rules hold.
 */
import { loadScenario } from '../model/load.ts';
import { boundsOf, type NumberBounds } from '../model/kinds/common.ts';
import type { ParamDescriptor } from '../model/kinds/describe.ts';
import { EDGE_PARAMS, edgeSchema } from '../model/kinds/edge.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import type { Scenario } from '../model/types.ts';

export interface ParamInfo {
  path: string;
  /** "Checkout API · Replicas" */
  label: string;
  /** The value in the document now. */
  value: number;
  bounds: NumberBounds;
}

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: object): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The number schema at `keys` under `schema`, through defaults, optionals, pipes and unions. */
function leafSchema(schema: object, keys: readonly string[]): object | undefined {
  let s: object | undefined = schema;
  for (let i = 0; s;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault')
      s = def['innerType'] as object;
    else if (def.type === 'pipe') s = def['out'] as object;
    else if (def.type === 'union') {
      // The first form that has the rest of the path (a dist's meanMs, an arrival's rps).
      const rest = keys.slice(i);
      const options = def['options'] as object[];
      return options.map((o) => leafSchema(o, rest)).find((x) => x !== undefined);
    } else if (i === keys.length) return s;
    else if (def.type === 'object') s = (def['shape'] as Record<string, object>)[keys[i++]!];
    else return undefined;
  }
  return undefined;
}

/** Nodes and edges by id, once per list: a 1,000-node design offers ~10,000 params, each looked up. */
const byIdCache = new WeakMap<readonly { id: string }[], Map<string, unknown>>();
function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = byIdCache.get(list);
  if (!index) {
    index = new Map(list.map((x) => [x.id, x]));
    byIdCache.set(list, index);
  }
  return index.get(id) as T | undefined;
}

function parsePath(doc: Scenario, path: string) {
  const parts = path.split('.');
  const [where, id] = parts;
  if (where === 'nodes' && parts[2] === 'params' && parts.length > 3 && id) {
    const node = byId(doc.nodes, id);
    if (!node) throw new RangeError(`${path}: the design has no node "${id}"`);
    const kind = KIND_DESCRIPTIONS[node.type];
    return {
      keys: parts.slice(3),
      schema: kind.schema as object,
      owner: node.params as Record<string, unknown>,
      name: node.label || node.id,
      descriptors: kind.params,
    };
  }
  const nameOf = (nodeId: string) => {
    const n = byId(doc.nodes, nodeId);
    return n?.label || nodeId;
  };
  if (where === 'edges' && parts.length > 2 && id) {
    const edge = byId(doc.edges, id);
    if (!edge) throw new RangeError(`${path}: the design has no edge "${id}"`);
    return {
      keys: parts.slice(2),
      schema: edgeSchema as object,
      owner: edge as unknown as Record<string, unknown>,
      name: `${nameOf(edge.source)} → ${nameOf(edge.target)}`,
      descriptors: EDGE_PARAMS,
    };
  }
  throw new RangeError(
    `${path}: a param is nodes.ID.params.FIELD or edges.ID.FIELD (e.g. nodes.api.params.replicas)`,
  );
}

/** The descriptor's words for a field path, through groups, variants and dists. */
function labelOf(descriptors: readonly ParamDescriptor[], keys: readonly string[]): string {
  const key = keys.join('.');
  for (const d of descriptors) {
    if (d.key === key) return d.label;
    if (!key.startsWith(`${d.key}.`)) continue;
    const rest = key.slice(d.key.length + 1).split('.');
    const inner = [...(d.fields ?? []), ...(d.variant?.cases.flatMap((c) => c.fields) ?? [])];
    const found = inner.find((f) => f.key === rest.join('.'));
    if (found) return `${d.label}: ${found.label}`;
    if (d.control === 'dist') return rest[0] === 'meanMs' ? `${d.label} (mean)` : d.label;
    return `${d.label} (${rest.join('.')})`;
  }
  return key;
}

/** What the path names, its value now and its limits; a clear error when it names nothing. */
export function paramInfo(doc: Scenario, path: string): ParamInfo {
  const { keys, schema, owner, name, descriptors } = parsePath(doc, path);
  const leaf = leafSchema(schema, keys);
  const bounds = leaf ? boundsOf(leaf) : undefined;
  if (!bounds) throw new RangeError(`${path}: not a numeric param of this kind`);
  let value: unknown = owner;
  for (const [i, k] of keys.entries()) {
    const parent = value as Record<string, unknown> | undefined;
    value = parent?.[k];
    if (value === undefined && i < keys.length - 1) {
      const off = keys.slice(0, i + 1).join('.');
      throw new RangeError(`${path}: ${off} is off in this design: turn it on first`);
    }
  }
  if (value !== undefined && typeof value !== 'number')
    throw new RangeError(`${path}: not a number in this design (got ${JSON.stringify(value)})`);
  // An absent optional number (no timeout, unbounded queue): sweeping it starts at a value.
  return {
    path,
    label: `${name} · ${labelOf(descriptors, keys)}`,
    value: value ?? NaN,
    bounds,
  };
}

/** Why `value` is outside the limits, or null when it is inside them. */
export function outOfBounds(b: NumberBounds, value: number): string | null {
  const unit = b.unit ? ` ${b.unit}` : '';
  if (!Number.isFinite(value)) return 'must be a number';
  if (b.integer && !Number.isInteger(value)) return `must be an integer from ${b.min} to ${b.max}`;
  const low = b.minExclusive ? value <= b.min : value < b.min;
  if (low || value > b.max)
    return b.minExclusive
      ? `must be above ${b.min} and at most ${b.max}${unit}`
      : `must be from ${b.min} to ${b.max}${unit}`;
  return null;
}

function setIn(
  obj: Record<string, unknown>,
  keys: readonly string[],
  value: number,
): Record<string, unknown> {
  const [k, ...rest] = keys;
  if (k === undefined) return obj;
  const next: unknown =
    rest.length === 0 ? value : setIn({ ...(obj[k] as Record<string, unknown>) }, rest, value);
  return { ...obj, [k]: next };
}

/** The design with the params set; out-of-range values refused with the path and the value. */
export function withParams(doc: Scenario, values: ReadonlyArray<[string, number]>): Scenario {
  let out: Scenario = doc;
  for (const [path, value] of values) {
    const info = paramInfo(out, path);
    const why = outOfBounds(info.bounds, value);
    if (why) throw new RangeError(`${path}: ${why}, got ${value}`);
    const { keys } = parsePath(out, path);
    const [where, id] = path.split('.');
    out =
      where === 'nodes'
        ? {
            ...out,
            nodes: out.nodes.map((n) =>
              n.id === id
                ? ({
                    ...n,
                    params: setIn(n.params as Record<string, unknown>, keys, value),
                  } as typeof n)
                : n,
            ),
          }
        : {
            ...out,
            edges: out.edges.map((e) =>
              e.id === id
                ? (setIn(
                    e as unknown as Record<string, unknown>,
                    keys,
                    value,
                  ) as unknown as typeof e)
                : e,
            ),
          };
  }
  // Cross-field rules (a uniform's max not below its min, autoscale min ≤ max) hold too.
  const loaded = loadScenario(out);
  if (!loaded.ok) {
    const at = values.map(([p, v]) => `${p} = ${v}`).join(', ');
    throw new RangeError(`with ${at}: ${loaded.error}`);
  }
  return loaded.scenario;
}
