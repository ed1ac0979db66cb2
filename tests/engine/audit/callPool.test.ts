/** A recycled pooled call starts a new life with nothing of its previous one. */
import { describe, expect, it } from 'vitest';
import { Call, CallPool } from '../../../src/engine/call.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { cache, client, constant, edge, scenario, service } from '../harness.ts';

/** Every own field of a call but its identity (id) and generation. */
function lifeOf(c: Call): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (k !== 'id' && k !== 'gen') out[k] = v;
  return out;
}

describe('call pool', () => {
  it('a freed call is reset in every field: alloc gives the same call a fresh one would be', () => {
    const pool = new CallPool();
    const c = pool.alloc();
    // Scribble over every field of the previous life.
    for (const k of Object.keys(lifeOf(c))) {
      const v = (c as unknown as Record<string, unknown>)[k];
      (c as unknown as Record<string, unknown>)[k] =
        typeof v === 'boolean' ? !v : typeof v === 'number' ? v + 17 : v;
    }
    pool.free(c);
    const again = pool.alloc();
    expect(again).toBe(c);
    expect(lifeOf(again)).toEqual(lifeOf(new Call(99)));
    expect(pool.live).toBe(1);
  });

  it("a cache's background store writes do not inherit a recycled call's hop count", () => {
    // A zero-latency cycle (the loader refuses it; the engine fails such calls after 64 hops)
    // frees calls with a hop count past the limit. A write-behind cache's batch writes come
    // from the same pool; each must start at hop 0, not fail as if it had looped.
    const doc = scenario({
      durationS: 20,
      nodes: [
        client('loop', { arrival: { process: 'poisson', rps: 50 } }),
        service('a', { serviceTimeMs: constant(0), workers: 100 }),
        service('b', { serviceTimeMs: constant(0), workers: 100 }),
        client('writer', { arrival: { process: 'poisson', rps: 50 }, writeRatio: 1 }),
        cache('c', { strategy: 'writeBehind', writeBehindFlushMs: 100 }),
        service('store', { workers: 50, serviceTimeMs: constant(1) }),
      ],
      edges: [
        edge('loop', 'a', { id: 'loop-a' }),
        edge('a', 'b', { id: 'a-b' }),
        edge('b', 'a', { id: 'b-a' }),
        edge('writer', 'c', { id: 'writer-c' }),
        edge('c', 'store', { id: 'c-store' }),
      ],
    });
    const sim = createSimulation(doc);
    sim.runUntil(Infinity);
    const r = sim.snapshot();
    expect(r.nodes.loop!.failed).toBeGreaterThan(0); // the cycle did fail its calls
    expect(r.nodes.store!.arrivals).toBeGreaterThan(100);
    expect(r.edges!['c-store']!.failed).toBe(0);
    expect(r.nodes.writer!.failed).toBe(0);
  });
});
