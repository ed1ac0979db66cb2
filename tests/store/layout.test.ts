// Tidy layout lays a design out in tiers: every call goes from a tier to one further right,
// nodes of one tier share a column, and no two boxes overlap.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutPositions } from '../../src/store/layout.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

const SIZE = { width: 180, height: 72 };
const presetsDir = join(import.meta.dirname, '../../presets');
const presets = readdirSync(presetsDir).filter((f) => f.endsWith('.json'));

describe('layoutPositions', () => {
  it.each(presets)('%s: calls run left to right, boxes never overlap', async (file) => {
    const doc = loadScenarioOrThrow(JSON.parse(readFileSync(join(presetsDir, file), 'utf8')));
    const at = await layoutPositions(doc);
    expect(Object.keys(at).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    for (const e of doc.edges) {
      // A cycle (a retry loop, a dead-letter pair) is broken somewhere: only forward edges count.
      const reverse = doc.edges.some((o) => o.source === e.target && o.target === e.source);
      if (e.kind === undefined || e.kind === 'call') {
        if (!reverse) expect(at[e.source]!.x).toBeLessThan(at[e.target]!.x);
      }
    }
    const ids = doc.nodes.map((n) => n.id);
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const apart =
          Math.abs(at[a]!.x - at[b]!.x) >= SIZE.width ||
          Math.abs(at[a]!.y - at[b]!.y) >= SIZE.height;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    }
  });

  it('puts the replicas behind one balancer in one column (a tier), not one row', async () => {
    const doc = loadScenarioOrThrow(
      JSON.parse(readFileSync(join(presetsDir, 'read-replicas.json'), 'utf8')),
    );
    const at = await layoutPositions(doc);
    const xs = new Set(Object.values(at).map((p) => p.x));
    // Fewer columns than nodes: some nodes share a tier.
    expect(xs.size).toBeLessThan(doc.nodes.length);
  });
});
