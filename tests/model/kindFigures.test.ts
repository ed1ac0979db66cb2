/**
 * Each kind's figures, declared once in its description: every figure a node reports is one its
 * kind declares (in the result, the windows or both), and every declared figure shows up in a
 * real run of a document using that kind. The frame columns follow from the declarations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation.ts';
import { figuresOf } from '../../src/model/kinds/kindFigures.ts';
import { isWindowNumber, reportedIn } from '../../src/model/kinds/figures.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import type { NodeType } from '../../src/model/types.ts';
import { layoutFor } from '../../src/worker/frame.ts';
import { figureDocs } from './figureDocs.ts';

/** "type/result/key" or "type/window/key" for every figure any node reported. */
function reported(): Set<string> {
  const seen = new Set<string>();
  for (const doc of figureDocs()) {
    const typeOf = new Map(doc.nodes.map((n) => [n.id, n.type]));
    const sim = createSimulation(doc);
    const note = (id: string, where: string, fields: object) => {
      for (const key of Object.keys(fields)) seen.add(`${typeOf.get(id)}/${where}/${key}`);
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

describe('kind figure declarations', () => {
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
