/** What each fault does to a run, plus timeouts, the event budget and the in-flight cap. */
import { describe, expect, it } from 'vitest';
import { FAULT_DEFAULTS } from '../../src/model/kinds/faultDefaults.ts';
import type { Fault } from '../../src/model/types.ts';
import {
  apiChain as chain,
  client,
  constant,
  edge,
  run,
  scenario,
  service,
  sim,
} from './harness.ts';

describe('faults', () => {
  it('crash of all replicas for 10 s: 10 % of requests unavailable', () => {
    const r = run(chain([{ atS: 50, forS: 10, kind: 'crash', target: 'api' }]));
    // 1000 arrive while it is down, plus the one in service at the crash, which is lost.
    expect(r.errors).toEqual({ unavailable: 1001 });
  });
  it('crash of 1 of 2 replicas: join-shortest-queue routes around it, nothing fails', () => {
    const r = run(chain([{ atS: 50, forS: 10, kind: 'crash', target: 'api', replicas: 1 }]));
    expect(r.requests.failed).toBe(0);
  });
  it('slow ×5 multiplies service times while it lasts', () => {
    const r = run(chain([{ atS: 0, kind: 'slow', target: 'api', factor: 5 }]));
    expect(r.latencyMs.p50).toBeCloseTo(50, 1);
  });
  it("a fault without its strength takes the loader's default, not a no-op", () => {
    // inject() may be given a fault that never went through the loader (e.g. by a script).
    const bare: Fault[] = [
      { atS: 0, kind: 'slow', target: 'api' },
      { atS: 0, kind: 'latency', target: 'c-api' },
    ];
    const full: Fault[] = [
      { atS: 0, kind: 'slow', target: 'api', factor: FAULT_DEFAULTS.factor },
      { atS: 0, kind: 'latency', target: 'c-api', addMs: FAULT_DEFAULTS.latencyAddMs },
    ];
    expect(run(chain(bare))).toEqual(run(chain(full)));
  });
  it('latency +200 ms on an edge adds 400 ms round trip', () => {
    const r = run(chain([{ atS: 0, kind: 'latency', target: 'c-api', addMs: 200 }]));
    expect(r.latencyMs.mean).toBeCloseTo(410, 1);
  });
  it('loss 0.2 drops a fifth of the calls as "lost"', () => {
    const r = run(
      chain([{ atS: 0, kind: 'loss', target: 'c-api', probability: 0.2 }], { timeoutMs: 100 }),
    );
    const sd = Math.sqrt(10000 * 0.2 * 0.8);
    expect(Math.abs((r.errors?.lost ?? 0) - 2000)).toBeLessThan(5 * sd);
    expect(r.requests.failed).toBe(r.errors?.lost);
  });
  it('partition: calls fail after their timeout, or at once without one', () => {
    const f: Fault[] = [{ atS: 10, forS: 10, kind: 'partition', target: 'c-api' }];
    // Arrivals every 10 ms accumulate rounding, so the count at the edges may be off by one.
    const timed = run(chain(f, { timeoutMs: 300 }));
    expect(Math.abs(timed.errors!.timeout! - 1000)).toBeLessThanOrEqual(1);
    expect(timed.requests.failed).toBe(timed.errors!.timeout);
    expect(timed.latencyMs.max).toBeLessThan(11);
    const untimed = run(chain(f));
    expect(Math.abs(untimed.errors!.unavailable! - 1000)).toBeLessThanOrEqual(1);
    // The rest reached the service (one may still be in flight at the end).
    expect(
      untimed.nodes.api!.arrivals + untimed.requests.failed - untimed.requests.total,
    ).toBeLessThanOrEqual(1);
  });
  it('spike ×3 triples the arrival rate while it lasts', () => {
    const r = run(chain([{ atS: 40, forS: 20, kind: 'spike', target: 'c', multiplier: 3 }]));
    expect(r.requests.total).toBeGreaterThan(13990);
    expect(r.requests.total).toBeLessThan(14010);
  });
});

describe('timeouts', () => {
  it('the caller gives up, the callee finishes its work anyway', () => {
    // 200 rps onto 1 worker of 10 ms: overloaded; a 50 ms timeout fails most requests, but the
    // service keeps working (utilization 1) on requests nobody waits for any more.
    const r = run(
      scenario({
        durationS: 60,
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 200 } }),
          service('api', { serviceTimeMs: constant(10) }),
        ],
        edges: [edge('c', 'api', { timeoutMs: 50 })],
      }),
    );
    expect(r.errors?.timeout).toBeGreaterThan(5000);
    expect(r.nodes.api!.utilization).toBeGreaterThan(0.99);
    expect(r.latencyMs.max).toBeLessThanOrEqual(50);
  });
});

describe('runaway documents end in bounded time and memory', () => {
  it('the event budget stops the run and says so', () => {
    const s = sim(chain([], {}, 1e7), { eventBudget: 200000 }).runToEnd();
    const r = s.result();
    expect(r.truncated?.reason).toBe('eventBudget');
    expect(r.truncated?.message).toMatch(/event budget/);
    expect(r.events).toBe(200000);
  });
  it('too many requests in flight stops the run and says so', () => {
    const doc = scenario({
      durationS: 1000,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 1e5 } }),
        service('api', { serviceTimeMs: constant(10) }),
      ],
      edges: [edge('c', 'api')],
    });
    const r = run(doc, { maxInFlight: 50000 });
    expect(r.truncated?.reason).toBe('inFlight');
    expect(r.truncated?.atS).toBeLessThan(1);
  });
});
