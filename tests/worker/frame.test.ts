import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { WindowStats } from '../../src/engine/types.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import {
  layoutFor,
  packWindows,
  readEdge,
  readNode,
  unpackWindow,
  GLOBAL_COLUMNS,
  EDGE_COLUMNS,
} from '../../src/worker/frame.ts';
import { fakeWindow } from './fakeEngine.ts';
import { smallDoc } from './docs.ts';

const presetsDir = join(dirname(fileURLToPath(import.meta.url)), '../../presets');

describe('metric frame packing', () => {
  const doc = smallDoc();
  const layout = layoutFor(doc);

  it('has one fixed stride: global columns, then per node, then per edge', () => {
    expect(layout.nodeIds).toEqual(['users', 'api']);
    expect(layout.edgeIds).toEqual(['e1']);
    expect(layout.stride).toBe(
      GLOBAL_COLUMNS.length + 2 * layout.nodeColumns.length + EDGE_COLUMNS.length,
    );
  });

  it('round-trips windows exactly, optional figures included or left out', () => {
    const windows = [0, 1, 2].map((i) => fakeWindow(doc, 7, i));
    const data = packWindows(layout, windows);
    expect(data.length).toBe(3 * layout.stride);
    windows.forEach((w, row) => expect(unpackWindow(layout, data, row)).toEqual(w));
  });

  it('reads a single node and a single edge without unpacking the row', () => {
    const w = fakeWindow(doc, 3, 5);
    const data = packWindows(layout, [w]);
    expect(readNode(layout, data, 0, 1)).toEqual(w.nodes['api']);
    expect(readNode(layout, data, 0, 1).hitRatio).toBeUndefined();
    expect(readEdge(layout, data, 0, 0)).toEqual({
      calls: w.edges['e1']?.calls,
      failed: 0,
      breaker: 'open',
    });
  });

  it('leaves a node missing from a window as NaN figures, not zeros', () => {
    const w = fakeWindow(doc, 3, 0);
    delete w.nodes['users'];
    const data = packWindows(layout, [w]);
    expect(readNode(layout, data, 0, 0)).toEqual({});
  });

  it('keeps arbitrary finite figures bit for bit', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true, min: 0, max: 1 }),
        (p99, util) => {
          const w = fakeWindow(doc, 1, 0);
          w.latencyMs.p99 = p99;
          const api = w.nodes['api'];
          if (api) api.utilization = util;
          const back = unpackWindow(layout, packWindows(layout, [w]), 0);
          expect(back.latencyMs.p99).toBe(p99);
          expect(back.nodes['api']?.utilization).toBe(util);
        },
      ),
    );
  });
});

describe('metric frames carry the engine’s resilience and data-tier figures', () => {
  /** Every number the engine's windows hold, by path (arrays, strings and objects left out). */
  function numbersOf(w: WindowStats): Map<string, number> {
    const out = new Map<string, number>();
    const walk = (prefix: string, value: unknown) => {
      if (typeof value === 'number') out.set(prefix, value);
      else if (value !== null && typeof value === 'object' && !Array.isArray(value))
        for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    };
    walk('', w);
    return out;
  }

  it('keeps every numeric figure of real runs (goodput, retries, breaker, data tier…)', () => {
    const seen = new Set<string>();
    for (const preset of ['retry-storm', 'circuit-breaker', 'back-pressure', 'cqrs']) {
      const doc = loadScenarioOrThrow(
        JSON.parse(readFileSync(join(presetsDir, `${preset}.json`), 'utf8')),
      );
      const sim = createSimulation(doc);
      sim.runUntil(doc.durationS);
      const windows = sim.drainWindows();
      expect(windows.length).toBeGreaterThan(10);
      const layout = layoutFor(doc);
      const data = packWindows(layout, windows);
      windows.forEach((w, row) => {
        const back = numbersOf(unpackWindow(layout, data, row));
        for (const [path, value] of numbersOf(w)) {
          expect(back.get(path), `${preset}: ${path}`).toBe(value);
          seen.add(path.replace(/^(nodes|edges)\.[^.]+\./, '$1.*.'));
        }
      });
    }
    // The figures added for resilience occur in these stories (not only as NaN columns).
    for (const path of [
      'goodputRps',
      'retries',
      'fallbacks',
      'edges.*.retries',
      'edges.*.fallbacks',
      'edges.*.refused',
      'edges.*.breakerOpens',
      'nodes.*.depth',
      'nodes.*.entries',
    ])
      expect(seen, path).toContain(path);
  });
});
