/** Small edits of a raw preset, each one step a lesson's "Try this" asks the learner to make. */
import type { RawDoc, Run } from './harness.ts';
import type { WindowStats } from '../../../src/engine/types.ts';

function nodeOf(doc: RawDoc, id: string): Record<string, unknown> {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n.params;
}

function edgeOf(doc: RawDoc, id: string): Record<string, unknown> {
  const e = doc.edges.find((x) => x.id === id);
  if (!e) throw new Error(`no edge ${id}`);
  return e;
}

/** Sets (or, with `undefined`, deletes) a dotted path under an object. */
function put(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = obj;
  for (const k of keys) at = (at[k] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

export const param =
  (id: string, path: string, value: unknown) =>
  (doc: RawDoc): RawDoc => {
    put(nodeOf(doc, id), path, value);
    return doc;
  };

export const edge =
  (id: string, path: string, value: unknown) =>
  (doc: RawDoc): RawDoc => {
    put(edgeOf(doc, id), path, value);
    return doc;
  };

export const noFaults = (doc: RawDoc): RawDoc => ({ ...doc, faults: [] });

export const addFault =
  (fault: Record<string, unknown>) =>
  (doc: RawDoc): RawDoc => ({ ...doc, faults: [...(doc.faults ?? []), fault] });

export const fault =
  (index: number, path: string, value: unknown) =>
  (doc: RawDoc): RawDoc => {
    const f = doc.faults?.[index];
    if (!f) throw new Error(`no fault ${index}`);
    put(f, path, value);
    return doc;
  };

/** Deletes a node and every edge touching it. */
export const dropNode =
  (id: string) =>
  (doc: RawDoc): RawDoc => ({
    ...doc,
    nodes: doc.nodes.filter((n) => n.id !== id),
    edges: doc.edges.filter((e) => e.source !== id && e.target !== id),
  });

export const dropEdge =
  (id: string) =>
  (doc: RawDoc): RawDoc => ({ ...doc, edges: doc.edges.filter((e) => e.id !== id) });

/** "Connect A straight to C": the edge now ends at `target`, and `bypassed` is deleted. */
export const bypass =
  (edgeId: string, target: string, bypassed: string) =>
  (doc: RawDoc): RawDoc => {
    const kept = edgeOf(doc, edgeId);
    const out = dropNode(bypassed)(doc);
    return { ...out, edges: [...out.edges, { ...kept, target } as RawDoc['edges'][number]] };
  };

export const all =
  (...steps: Array<(doc: RawDoc) => RawDoc>) =>
  (doc: RawDoc): RawDoc =>
    steps.reduce((d, step) => step(d), doc);

/** Counted windows (after warm-up) ending in (fromS, toS]. */
export function between(run: Run, fromS: number, toS: number): WindowStats[] {
  return run.w.filter((x) => !x.warmup && x.tS > fromS && x.tS <= toS);
}

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
