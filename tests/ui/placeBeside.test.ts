// Click-to-add beside the selected node: to its right and called by it when the rules allow,
// to its left and calling it when only that is legal, never on top of another node.
import { describe, expect, it } from 'vitest';
import { firstFreeSpot, placeBeside, NODE_BOX } from '../../src/ui/palette/placeBeside.ts';
import { nodeWithDefaults } from '../../src/model/kinds/index.ts';
import type { NodeType } from '../../src/model/types.ts';

const node = (type: NodeType, id: string, x: number, y: number) =>
  nodeWithDefaults(type, id, {}, { x, y }, id);

describe('placeBeside', () => {
  it('puts a database right of a service, called by it', () => {
    const api = node('service', 'api', 100, 50);
    const p = placeBeside(api, 'database', [api]);
    expect(p.position).toEqual({ x: 100 + NODE_BOX.width + 90, y: 50 });
    expect(p.link).toEqual({ source: 'api', target: null, kind: 'call' });
  });

  it('puts a client left of a service, calling it', () => {
    const api = node('service', 'api', 400, 0);
    const p = placeBeside(api, 'client', [api]);
    expect(p.position.x).toBeLessThan(400);
    expect(p.link).toEqual({ source: null, target: 'api', kind: 'call' });
  });

  it('links two databases by replication', () => {
    const db = node('database', 'db', 0, 0);
    expect(placeBeside(db, 'database', [db]).link?.kind).toBe('replication');
  });

  it('moves down past nodes already there, so repeated adds fan out', () => {
    const lb = node('loadBalancer', 'lb', 0, 0);
    const first = placeBeside(lb, 'service', [lb]);
    const a = node('service', 'a', first.position.x, first.position.y);
    const second = placeBeside(lb, 'service', [lb, a]);
    expect(second.position.x).toBe(first.position.x);
    expect(second.position.y).toBeGreaterThanOrEqual(first.position.y + NODE_BOX.height);
  });
});

describe('firstFreeSpot (click-to-add with nothing selected)', () => {
  it('keeps the spot when it is free', () => {
    expect(firstFreeSpot({ x: 10.4, y: 20.6 }, [node('service', 'api', 500, 500)])).toEqual({
      x: 10,
      y: 21,
    });
  });

  it('moves below a node that would be partly covered, and past a column of them', () => {
    // Offsets of 40 px: well outside the old 20 px nudge, still half on top of the node.
    const nodes = [node('service', 'a', 40, 40), node('service', 'b', 40, 142)];
    const spot = firstFreeSpot({ x: 0, y: 0 }, nodes);
    const box = { width: NODE_BOX.width, height: NODE_BOX.height };
    for (const n of nodes) {
      const apart =
        spot.y >= n.position.y + box.height ||
        n.position.y >= spot.y + box.height ||
        spot.x >= n.position.x + box.width ||
        n.position.x >= spot.x + box.width;
      expect(apart).toBe(true);
    }
    expect(spot.x).toBe(0);
  });
});
