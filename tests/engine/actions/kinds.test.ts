/**
 * Each kind's live params (its description's `live` list) take effect at the action's time: a
 * window figure that follows the param reads the old value before and the new one after.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { NodeWindow, WindowStats } from '../../../src/engine/types.ts';
import { CacheNode } from '../../../src/engine/nodes/cache.ts';
import { ClientNode } from '../../../src/engine/nodes/client.ts';
import { DatabaseNode } from '../../../src/engine/nodes/database.ts';
import { LoadBalancerNode } from '../../../src/engine/nodes/loadBalancer.ts';
import { QueueNode } from '../../../src/engine/nodes/queue.ts';
import { StreamNode } from '../../../src/engine/nodes/stream.ts';
import { RateLimiterNode } from '../../../src/engine/nodes/rateLimiter.ts';
import { ServiceNode } from '../../../src/engine/nodes/service.ts';
import { KIND_DESCRIPTIONS, NODE_TYPES } from '../../../src/model/kinds/index.ts';
import type { Action, Fault, ScenarioNode } from '../../../src/model/types.ts';
import {
  cache,
  client,
  constant,
  database,
  edge,
  queue,
  rateLimiter,
  scenario,
  service,
} from '../harness.ts';

/** Windows of a 20 s run of `nodes` (client 'c' first) with `actions`. */
function windows(
  nodes: ScenarioNode[],
  edges: ReturnType<typeof edge>[],
  actions: Action[],
  faults: Fault[] = [],
): WindowStats[] {
  const sim = createSimulation(scenario({ durationS: 20, nodes, edges, actions, faults }));
  sim.runUntil(Infinity);
  return sim.drainWindows();
}

/** A node's figure in the window of second `s` (the window ending at s + 1). */
function at(ws: WindowStats[], s: number, id: string, f: keyof NodeWindow): number {
  return Number(ws[s]!.nodes[id]![f]);
}

const steady = (rps: number) => client('c', { arrival: { process: 'constant', rps } });

describe('live params by kind', () => {
  it('client arrival.rps: the rate changes at the action', () => {
    const ws = windows(
      [steady(100), service('s', { workers: 100 })],
      [edge('c', 's')],
      [{ atS: 10, target: 'c', set: { 'arrival.rps': 300 } }],
    );
    expect(at(ws, 5, 'c', 'arrivals')).toBe(100);
    expect(at(ws, 15, 'c', 'arrivals')).toBe(300);
  });

  it('client arrival.users: more users send more, fewer send less', () => {
    const users = client('c', {
      arrival: { process: 'closed', users: 10, thinkMs: constant(100) },
    });
    const s = service('s', { workers: 100, serviceTimeMs: constant(0) });
    const ws = windows(
      [users, s],
      [edge('c', 's')],
      [
        { atS: 6, target: 'c', set: { 'arrival.users': 20 } },
        { atS: 12, target: 'c', set: { 'arrival.users': 5 } },
      ],
    );
    // 10 users each every 100 ms, ± one round falling either side of a window's edge.
    expect(Math.abs(at(ws, 4, 'c', 'arrivals') - 100)).toBeLessThanOrEqual(10);
    expect(Math.abs(at(ws, 9, 'c', 'arrivals') - 200)).toBeLessThanOrEqual(20);
    expect(Math.abs(at(ws, 16, 'c', 'arrivals') - 50)).toBeLessThanOrEqual(5);
  });

  it('client writeRatio: writes take the database write time', () => {
    const db = database('db', { readTimeMs: constant(2), writeTimeMs: constant(12) });
    const ws = windows(
      [steady(50), db],
      [edge('c', 'db')],
      [{ atS: 10, target: 'c', set: { writeRatio: 1 } }],
    );
    expect(at(ws, 5, 'db', 'p50Ms')).toBeCloseTo(2, 1);
    expect(at(ws, 15, 'db', 'p50Ms')).toBeCloseTo(12, 0);
  });

  it('service workers, serviceTimeMs, replicas and drain', () => {
    const s = service('s', { replicas: 3, workers: 1, serviceTimeMs: constant(10) });
    const ws = windows(
      [steady(50), s],
      [edge('c', 's')],
      [
        { atS: 4, target: 's', set: { serviceTimeMs: constant(20) } },
        { atS: 8, target: 's', set: { workers: 2 } },
        { atS: 12, target: 's', set: { replicas: 2 } },
        { atS: 16, target: 's', op: 'drain', replica: 0 },
      ],
    );
    expect(at(ws, 2, 's', 'p50Ms')).toBeCloseTo(10, 0);
    expect(at(ws, 6, 's', 'p50Ms')).toBeCloseTo(20, 0);
    // Utilization is busy over available workers: 50/s × 20 ms = 1 busy of 3, then of 6.
    expect(at(ws, 6, 's', 'utilization')).toBeCloseTo(1 / 3, 2);
    expect(at(ws, 10, 's', 'utilization')).toBeCloseTo(1 / 6, 2);
    expect(at(ws, 14, 's', 'replicas')).toBe(2);
    expect(at(ws, 18, 's', 'replicas')).toBe(1);
  });

  it('service queueCapacity and shedQueueLength: an overloaded replica starts refusing', () => {
    const s = service('s', { workers: 1, serviceTimeMs: constant(20) });
    const ws = windows(
      [steady(100), s],
      [edge('c', 's')],
      [
        { atS: 5, target: 's', set: { queueCapacity: 2 } },
        { atS: 10, target: 's', set: { queueCapacity: null, shedQueueLength: 0 } },
      ],
    );
    expect(at(ws, 2, 's', 'failed')).toBe(0);
    expect(at(ws, 8, 's', 'failed')).toBeGreaterThan(40);
    expect(at(ws, 15, 's', 'failed')).toBeGreaterThan(40);
  });

  it('rateLimiter rps: the limit changes at the action', () => {
    const lim = rateLimiter('rl', { rps: 50, burst: 1 });
    const ws = windows(
      [steady(200), lim, service('s', { workers: 100 })],
      [edge('c', 'rl'), edge('rl', 's')],
      [{ atS: 10, target: 'rl', set: { rps: 100 } }],
    );
    // Over a second at most rps + burst pass; a token due exactly on an arrival may just miss.
    expect(Math.abs(at(ws, 5, 's', 'arrivals') - 50)).toBeLessThanOrEqual(10);
    expect(Math.abs(at(ws, 15, 's', 'arrivals') - 100)).toBeLessThanOrEqual(10);
  });

  it('database connections and readTimeMs', () => {
    const db = database('db', { connections: 1, readTimeMs: constant(5) });
    const ws = windows(
      [steady(100), db],
      [edge('c', 'db')],
      [
        { atS: 5, target: 'db', set: { readTimeMs: constant(15) } },
        { atS: 10, target: 'db', set: { connections: 4 } },
      ],
    );
    expect(at(ws, 2, 'db', 'utilization')).toBeCloseTo(0.5, 2);
    expect(at(ws, 15, 'db', 'utilization')).toBeCloseTo(1.5 / 4, 2);
  });

  it('cache hitMs and ttlMs', () => {
    const c = cache('k', { hitMs: constant(1), capacity: 10, warm: true });
    const cl = client('c', {
      arrival: { process: 'constant', rps: 100 },
      keys: { count: 5, zipf: 0 },
    });
    const db = database('db', { readTimeMs: constant(10) });
    // Entries stored from the action on take the new TTL: a flush makes them all new.
    const ws = windows(
      [cl, c, db],
      [edge('c', 'k'), edge('k', 'db')],
      [
        { atS: 5, target: 'k', set: { hitMs: constant(3) } },
        { atS: 10, target: 'k', set: { ttlMs: 100 } },
      ],
      [{ atS: 10, kind: 'flush', target: 'k' }],
    );
    expect(at(ws, 2, 'k', 'p50Ms')).toBeCloseTo(1, 1);
    expect(at(ws, 7, 'k', 'p50Ms')).toBeCloseTo(3, 1);
    expect(at(ws, 7, 'db', 'arrivals')).toBe(0);
    expect(at(ws, 15, 'db', 'arrivals')).toBeGreaterThan(20);
  });

  it('queue capacity: a full queue refuses from the action on', () => {
    const q = queue('q');
    const slow = service('s', { workers: 1, serviceTimeMs: constant(20) });
    const ws = windows(
      [steady(100), q, slow],
      [edge('c', 'q'), edge('q', 's')],
      [{ atS: 10, target: 'q', set: { capacity: 5 } }],
    );
    expect(at(ws, 5, 'q', 'failed')).toBe(0);
    expect(at(ws, 15, 'q', 'failed')).toBeGreaterThan(40);
  });

  it('edge latencyMs and timeoutMs', () => {
    const s = service('s', { workers: 100, serviceTimeMs: constant(30) });
    const ws = windows(
      [steady(50), s],
      [edge('c', 's', { id: 'cs' })],
      [
        { atS: 5, target: 'cs', set: { latencyMs: constant(10) } },
        { atS: 10, target: 'cs', set: { timeoutMs: 40 } },
      ],
    );
    expect(ws[2]!.latencyMs.p50).toBeCloseTo(30, 0);
    expect(ws[7]!.latencyMs.p50).toBeCloseTo(50, 0);
    expect(ws[15]!.errorRate).toBe(1);
  });

  it('database promote: the replica becomes the primary, its old primary passes calls on', () => {
    const writer = client('c', { arrival: { process: 'constant', rps: 100 }, writeRatio: 1 });
    const ws = windows(
      [writer, database('p'), database('r')],
      [edge('c', 'p'), edge('p', 'r', { kind: 'replication', latencyMs: constant(50) })],
      [{ atS: 10, target: 'r', op: 'promote' }],
    );
    expect(ws[5]!.nodes['r']!.role).toBe('replica');
    expect(ws[15]!.nodes['r']!.role).toBe('primary');
    expect(ws[15]!.nodes['p']!.role).toBe('failedOver');
    expect(at(ws, 15, 'r', 'arrivals')).toBe(100);
  });

  it('every kind with live params has a behaviour that takes them', () => {
    const behaviours: Record<string, { prototype: object }> = {
      client: ClientNode,
      service: ServiceNode,
      loadBalancer: LoadBalancerNode,
      cache: CacheNode,
      database: DatabaseNode,
      queue: QueueNode,
      stream: StreamNode,
      rateLimiter: RateLimiterNode,
    };
    for (const type of NODE_TYPES) {
      if ((KIND_DESCRIPTIONS[type].live ?? []).length === 0) continue;
      const proto = behaviours[type]?.prototype as { retune?: unknown } | undefined;
      expect(typeof proto?.retune, type).toBe('function');
    }
  });
});
