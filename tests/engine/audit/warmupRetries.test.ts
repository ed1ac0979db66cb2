/**
 * Warm-up accounting across hops and retries: a request is counted (at the client, at every
 * node it reaches and in the retry figures) if and only if it was created after warm-up,
 * whenever its retries happen.
 */
import { describe, expect, it } from 'vitest';
import { client, edge, run, scenario, service } from '../harness.ts';

describe('warm-up × retries', () => {
  it('counts exactly the attempts of requests created after warm-up', () => {
    // 10 rps at t = 0.1 k; the service is down for the whole run, so every attempt fails at
    // once; retries wait 3.05 s, then 6.1 s. Warm-up ends at 5.05 s, the run at 20 s.
    const r = run(
      scenario({
        durationS: 20,
        warmupS: 5.05,
        faults: [{ atS: 0, kind: 'crash', target: 'api' }],
        nodes: [client('c', { arrival: { process: 'constant', rps: 10 } }), service('api')],
        edges: [
          edge('c', 'api', {
            id: 'call',
            retry: { max: 2, backoffMs: 3050, multiplier: 2, jitter: false },
          }),
        ],
      }),
    );
    // Counted: created at 5.1 … 19.9 (k = 51…199, 149 requests). First tries: 149; second
    // (t + 3.05 < 20): k ≤ 169, 119; third (t + 9.15 < 20): k ≤ 108, 58.
    expect(r.nodes.api!.arrivals).toBe(149 + 119 + 58);
    expect(r.nodes.api!.failed).toBe(149 + 119 + 58);
    expect(r.retries).toBe(119 + 58);
    expect(r.edges!.call!.retries).toBe(119 + 58);
    // Only those whose third try happened are over: they failed.
    expect(r.requests).toEqual({ total: 58, ok: 0, failed: 58 });
    expect(r.nodes.c!.arrivals).toBe(149);
  });
});
