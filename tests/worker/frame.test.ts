import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  layoutFor,
  packWindows,
  readEdge,
  readNode,
  unpackWindow,
  GLOBAL_COLUMNS,
  NODE_COLUMNS,
  EDGE_COLUMNS,
} from '../../src/worker/frame.ts';
import { fakeWindow } from './fakeEngine.ts';
import { smallDoc } from './docs.ts';

describe('metric frame packing', () => {
  const doc = smallDoc();
  const layout = layoutFor(doc);

  it('has one fixed stride: global columns, then per node, then per edge', () => {
    expect(layout.nodeIds).toEqual(['users', 'api']);
    expect(layout.edgeIds).toEqual(['e1']);
    expect(layout.stride).toBe(
      GLOBAL_COLUMNS.length + 2 * NODE_COLUMNS.length + EDGE_COLUMNS.length,
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
