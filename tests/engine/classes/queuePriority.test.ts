/**
 * A queue that orders messages by their request class's priority, in front of one consumer
 * worker (10 ms exponential): the consumer takes a message only when its worker is free, so the
 * queue is the waiting line of an M/M/1 with non-preemptive priority, and each level's mean wait
 * is Cobham's: 8.57 ms for `high` and 21.4 ms for `low` at 30 rps each (see priority.test.ts;
 * the same spread over seeds, sd 0.11 ms and 0.34 ms, and the same 4-sd tolerances).
 */
import { describe, expect, it } from 'vitest';
import { client, edge, exp, queue, run, scenario, service } from '../harness.ts';

describe('a queue with priority from the class', () => {
  const r = run(
    scenario({
      durationS: 2050,
      warmupS: 50,
      nodes: [
        client('c', {
          arrival: { process: 'poisson', rps: 60 },
          classes: [
            { name: 'high', share: 1, priority: 0 },
            { name: 'low', share: 1, priority: 1 },
          ],
        }),
        queue('q', { priorities: 2, priorityFrom: 'class', ackMs: { dist: 'constant', ms: 0 } }),
        service('consumer', { serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 'q'), edge('q', 'consumer')],
    }),
  );
  const [high, low] = r.nodes.q!.meanAgeByPriorityMs!;

  it("waits as Cobham's non-preemptive priority says: 8.57 ms and 21.4 ms", () => {
    expect(Math.abs(high! - 6 / 0.7)).toBeLessThan(0.45);
    expect(Math.abs(low! - 6 / (0.7 * 0.4))).toBeLessThan(1.4);
  });
});
