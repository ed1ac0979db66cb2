/** Every error reason reaches the client's results, the timeline and the windows, by name. */
import { describe, expect, it } from 'vitest';
import type { ErrorReason } from '../../../src/engine/types.ts';
import { ERROR_REASONS } from '../../../src/engine/types.ts';
import type { ScenarioNode } from '../../../src/model/types.ts';
import { client, constant, edge, scenario, service, sim } from '../harness.ts';

const limiter: ScenarioNode = {
  id: 'rl',
  type: 'rateLimiter',
  label: 'rl',
  position: { x: 0, y: 0 },
  params: { rps: 50, burst: 5 },
};

/** One client per reason, each over its own path, in one run. */
function allReasons() {
  const cb = { failureRatio: 0.5, minRequests: 5, openMs: 60000, windowMs: 1000 };
  return sim(
    scenario({
      durationS: 20,
      faults: [
        { atS: 5, forS: 10, kind: 'crash', target: 'down' },
        { atS: 0, forS: 5, kind: 'error', target: 'down', probability: 0.5 },
        { atS: 0, kind: 'loss', target: 'c4-lossy', probability: 0.5 },
        { atS: 0, kind: 'partition', target: 'c6-cut' },
      ],
      nodes: [
        ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'].map((id) =>
          client(id, { arrival: { process: 'constant', rps: 100 } }),
        ),
        service('small', { workers: 1, serviceTimeMs: constant(20), queueCapacity: 2 }),
        service('slow', { workers: 20, serviceTimeMs: constant(100) }),
        service('down', { workers: 4, serviceTimeMs: constant(1) }),
        service('lossy', { workers: 4, serviceTimeMs: constant(1) }),
        service('busy', { workers: 1, serviceTimeMs: constant(20), shedQueueLength: 3 }),
        service('cut', { workers: 4, serviceTimeMs: constant(1) }),
        limiter,
        service('behind', { workers: 4, serviceTimeMs: constant(1) }),
        service('walled', { workers: 20, serviceTimeMs: constant(100) }),
        service('pooled', { workers: 20, serviceTimeMs: constant(100) }),
      ],
      edges: [
        edge('c1', 'small'),
        edge('c2', 'slow', { timeoutMs: 50 }),
        edge('c3', 'down'),
        edge('c4', 'lossy', { id: 'c4-lossy', timeoutMs: 30 }),
        edge('c5', 'busy'),
        edge('c6', 'cut', {
          id: 'c6-cut',
          timeoutMs: 20,
          circuitBreaker: { ...cb, halfOpenRequests: 1 },
        }),
        edge('c7', 'rl'),
        edge('rl', 'behind'),
        edge('c8', 'walled', { bulkhead: { maxConcurrent: 2, maxWaiting: 0 } }),
        edge('c9', 'pooled', { bulkhead: { maxConcurrent: 2, maxWaiting: 100, maxWaitMs: 50 } }),
      ],
    }),
  ).runToEnd();
}

describe('errors by reason', () => {
  it('each reason appears in the results, the timeline and the windows', () => {
    const s = allReasons();
    const r = s.result();
    const inTimeline = (reason: ErrorReason) =>
      r.timeline.reduce((n, p) => n + (p.errors?.[reason] ?? 0), 0);
    const inWindows = (reason: ErrorReason) =>
      s.windows.reduce((n, w) => n + (w.errors?.[reason] ?? 0), 0);
    // Every reason the engine knows: a new one fails here until this story produces it.
    for (const reason of ERROR_REASONS) {
      expect(r.errors![reason], reason).toBeGreaterThan(0);
      expect(inTimeline(reason), reason).toBe(r.errors![reason]);
      expect(inWindows(reason), reason).toBe(r.errors![reason]);
    }
    expect(r.nodes.c6!.errors).toHaveProperty('circuitOpen');
    expect(r.nodes.rl!.errors).toHaveProperty('rateLimited');
  });
});
