/**
 * Pure operations on the scenario document, used by the graph slice. Kept free of zustand so the
 * rules (unique ids, no call cycles, clipboard remapping) are easy to read and to test.
 */
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types.ts';

/** Every id in use: node and edge ids share one namespace. */
export function usedIds(doc: Scenario): Set<string> {
  return new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
}

/** `base`, else `base2`, `base3`, … : the first one not in `taken` (which is then updated). */
export function uniqueId(base: string, taken: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 56) || 'node';
  let id = clean;
  for (let n = 2; taken.has(id); n++) id = `${clean}${n}`;
  taken.add(id);
  return id;
}

/** Edges are named e1, e2, …: the first free number. */
export function uniqueEdgeId(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`e${n}`)) n++;
  const id = `e${n}`;
  taken.add(id);
  return id;
}

/** The document without the given nodes and edges, the edges touching removed nodes, and the
 *  faults that aimed at anything removed (a fault with no target would not load). */
export function withoutElements(doc: Scenario, ids: ReadonlySet<string>): Scenario {
  const nodes = doc.nodes.filter((n) => !ids.has(n.id));
  const alive = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter(
    (e) => !ids.has(e.id) && alive.has(e.source) && alive.has(e.target),
  );
  const targets = new Set([...alive, ...edges.map((e) => e.id)]);
  const faults = doc.faults.filter((f) => targets.has(f.target));
  return { ...doc, nodes, edges, faults };
}

export interface Clip {
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
}

/** The selected nodes and the edges that run between two of them. */
export function clipOf(doc: Scenario, ids: ReadonlySet<string>): Clip {
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  const inClip = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => inClip.has(e.source) && inClip.has(e.target));
  return { nodes: structuredClone(nodes), edges: structuredClone(edges) };
}

/** The clip placed into the document with fresh ids, shifted by `offset`. Returns the new ids. */
export function pasteClip(
  doc: Scenario,
  clip: Clip,
  offset: { x: number; y: number },
): { doc: Scenario; ids: string[] } {
  const taken = usedIds(doc);
  const remap = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = uniqueId(n.id.replace(/\d+$/, ''), taken);
    remap.set(n.id, id);
    const position = { x: n.position.x + offset.x, y: n.position.y + offset.y };
    return { ...structuredClone(n), id, position } as ScenarioNode;
  });
  const edges = clip.edges.map((e) => ({
    ...structuredClone(e),
    id: uniqueEdgeId(taken),
    source: remap.get(e.source) ?? e.source,
    target: remap.get(e.target) ?? e.target,
  }));
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    ids: [...nodes.map((n) => n.id), ...edges.map((e) => e.id)],
  };
}

/** Reads a dot path (`arrival.rps`) inside an object. */
export function getAt(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A copy of `obj` with the dot path set to `value` (or removed when `value` is undefined). */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base = (obj !== null && typeof obj === 'object' ? obj : {}) as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...base };
  if (head === undefined) return obj;
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    copy[head] = setAt(base[head], rest.join('.'), value);
  }
  return copy as T;
}
