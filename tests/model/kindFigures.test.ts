/**
 * Each kind's figures, declared once in its description: every figure a node reports is one its
 * kind declares (in the result, the windows or both), holds the kind of value its nature says,
 * and every declared figure shows up in a real run of a document using that kind. The frame
 * columns and the engine's NodeResult / NodeWindow field types follow from the declarations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { NodeResult, NodeWindow } from '../../src/engine/types.ts';
import { figuresOf } from '../../src/model/kinds/kindFigures.ts';
import {
  isWindowNumber,
  reportedIn,
  type FigureDescriptor,
} from '../../src/model/kinds/figures.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import type { NodeType } from '../../src/model/types.ts';
import { layoutFor } from '../../src/worker/frame.ts';
import { figureDocs } from './figureDocs.ts';

/** Whether `v` is the kind of value a figure of `f`'s nature holds (see FigureValue). */
function holds(f: FigureDescriptor, v: unknown): boolean {
  const isNumber = (x: unknown) => typeof x === 'number';
  switch (f.nature) {
    case 'count':
    case 'ratio':
    case 'time':
    case 'rate':
    case 'level':
      return isNumber(v);
    case 'text':
      return typeof v === 'string';
    case 'list':
      return Array.isArray(v) && v.every(isNumber);
    case 'byName':
      return typeof v === 'object' && v !== null && Object.values(v).every(isNumber);
    case 'byClass':
      return (
        typeof v === 'object' &&
        v !== null &&
        Object.values(v).every((c: unknown) => typeof c === 'object' && c !== null && 'ok' in c)
      );
    case 'summary': {
      if (typeof v !== 'object' || v === null) return false;
      const parts = [...(f.parts ?? [])].sort();
      const values = Object.entries(v);
      return (
        JSON.stringify(Object.keys(v).sort()) === JSON.stringify(parts) &&
        values.every(([k, x]) => (k === 'list' ? Array.isArray(x) : isNumber(x)))
      );
    }
  }
}

/** "type/result/key" or "type/window/key" for every figure any node reported. */
function reported(): Set<string> {
  const seen = new Set<string>();
  for (const doc of figureDocs()) {
    const typeOf = new Map(doc.nodes.map((n) => [n.id, n.type]));
    const sim = createSimulation(doc);
    const note = (id: string, where: string, fields: object) => {
      const type = typeOf.get(id);
      for (const [key, value] of Object.entries(fields)) {
        seen.add(`${type}/${where}/${key}`);
        const f = type && figuresOf(type).find((d) => d.key === key);
        if (f && !holds(f, value)) seen.add(`${type}/${where}/${key}: not a ${f.nature}`);
      }
    };
    for (;;) {
      const p = sim.runUntil(sim.nowS + 10);
      for (const w of sim.drainWindows())
        for (const [id, n] of Object.entries(w.nodes)) note(id, 'window', n);
      if (p.done) break;
    }
    for (const [id, n] of Object.entries(sim.snapshot().nodes)) {
      const { type: _type, ...figures } = n;
      note(id, 'result', figures);
    }
  }
  return seen;
}

const declared = (type: NodeType, window: boolean) =>
  figuresOf(type)
    .filter((f) => reportedIn(f, window))
    .map((f) => `${type}/${window ? 'window' : 'result'}/${f.key}`);

describe('kind figures', () => {
  let seen: Set<string>;
  beforeAll(() => {
    seen = reported();
  }, 60_000);

  it('every figure a node reports is declared by its kind, where it is reported', () => {
    const all = new Set(NODE_TYPES.flatMap((t) => [...declared(t, false), ...declared(t, true)]));
    expect([...seen].filter((s) => !all.has(s))).toEqual([]);
  });

  it('every declared figure is reported by a document using the kind', () => {
    const all = NODE_TYPES.flatMap((t) => [...declared(t, false), ...declared(t, true)]);
    expect(all.filter((s) => !seen.has(s))).toEqual([]);
  });
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The engine's types, derived from the declarations (checked by the compiler). */
const derived: true[] = [
  true satisfies Same<NodeResult['hitRatio'], number | undefined>,
  true satisfies Same<NodeResult['role'], string | undefined>,
  true satisfies Same<NodeResult['shardCalls'], Record<string, number> | undefined>,
  true satisfies Same<
    NodeResult['detectionMs'],
    { count: number; mean: number; max: number; list: number[] } | undefined
  >,
  true satisfies Same<NodeWindow['detectionsMs'], number[] | undefined>,
  true satisfies Same<NodeWindow['healthyReplicas'], number | undefined>,
];

describe('kind figure declarations', () => {
  it("type the engine's results and windows (checked by the compiler)", () => {
    expect(derived.every((d) => d)).toBe(true);
  });

  it('name a figure once per place, and give one unit per chart', () => {
    for (const type of NODE_TYPES) {
      const figures = figuresOf(type);
      for (const window of [false, true]) {
        const keys = figures.filter((f) => reportedIn(f, window)).map((f) => f.key);
        expect(new Set(keys).size, `${type}: ${keys.join(', ')}`).toBe(keys.length);
      }
      const units = new Map<string, string>();
      for (const f of figures.filter((f) => f.chart !== undefined)) {
        expect(isWindowNumber(f), `${type}.${f.key} is charted`).toBe(true);
        const group = f.chart?.group ?? '';
        expect(units.get(group) ?? f.unit, `${type}: '${group}'`).toBe(f.unit);
        units.set(group, f.unit);
      }
    }
  });

  it("make a document's frame columns: the numeric window figures of its kinds, each once", () => {
    for (const doc of figureDocs()) {
      const { nodeColumns } = layoutFor(doc);
      const numeric = doc.nodes.flatMap((n) => figuresOf(n.type).filter(isWindowNumber));
      expect(new Set(nodeColumns)).toEqual(new Set(numeric.map((f) => f.key)));
      expect(new Set(nodeColumns).size).toBe(nodeColumns.length);
    }
  });
});
