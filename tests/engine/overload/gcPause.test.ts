/**
 * Pauses that grow with the backlog (`perRequestMs` on the pause fault), by an exact argument:
 * constant arrivals every 100 ms from 0.1 s into one worker whose first request takes 10 s, so
 * at the pause at t = 0.95 s exactly nine requests are present (the one in service and eight
 * waiting; between arrivals, so no tie decides it). The pause then lasts
 * pauseMs + 9 × perRequestMs, and the first request, which lost exactly that, ends at
 * 0.1 + 10 + pause.
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/model/types.ts';
import { client, constant, edge, scenario, service, sim } from '../harness.ts';

function firstDone(perRequestMs?: number) {
  const fault: Fault = { atS: 0.95, kind: 'pause', target: 's', everyS: 100, pauseMs: 100 };
  if (perRequestMs !== undefined) fault.perRequestMs = perRequestMs;
  return sim(
    scenario({
      durationS: 20,
      warmupS: 0,
      faults: [fault],
      nodes: [
        client('c', { arrival: { process: 'constant', rps: 10 } }),
        service('s', { workers: 1, serviceTimeMs: constant(10_000) }),
      ],
      edges: [edge('c', 's')],
    }),
  );
}

describe('pauses that grow with the requests present', () => {
  it('a pause lasts pauseMs + perRequestMs × the requests present when it starts', () => {
    for (const [perRequestMs, pauseS] of [
      [undefined, 0.1],
      [0, 0.1],
      [10, 0.1 + 9 * 0.01],
      [50, 0.1 + 9 * 0.05],
    ] as const) {
      const end = 0.1 + 10 + pauseS;
      const s = firstDone(perRequestMs).runFor(end - 1e-6);
      expect(s.result().nodes['s']!.ok, `${perRequestMs} ms: not before`).toBe(0);
      s.runFor(2e-6);
      expect(s.result().nodes['s']!.ok, `${perRequestMs} ms: at ${end} s`).toBe(1);
    }
  });
});
