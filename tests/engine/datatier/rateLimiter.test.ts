/**
 * Token bucket: over any interval of length T at most rps × T + burst requests pass, and a
 * steady load below the rate passes untouched.
 */
import { describe, expect, it } from 'vitest';
import { client, edge, exp, rateLimiter, scenario, service, sim } from '../harness.ts';

function limited(
  arrival: { process: 'poisson' | 'constant'; rps: number },
  rps: number,
  burst: number,
) {
  const doc = scenario({
    durationS: 20,
    nodes: [
      client('c', { arrival }),
      rateLimiter('rl', { rps, burst }),
      service('s', { workers: 1000, serviceTimeMs: exp(1) }),
    ],
    edges: [edge('c', 'rl'), edge('rl', 's')],
  });
  return sim(doc, { windowS: 0.05 }).runToEnd();
}

describe('rate limiter: token bucket', () => {
  it('passes at most rps × T + burst over every interval of whole windows', () => {
    const story = limited({ process: 'poisson', rps: 400 }, 100, 20);
    const passed = story.windows.map((w) => w.nodes.s!.arrivals);
    let worst = -Infinity;
    for (let i = 0; i < passed.length; i++) {
      let sum = 0;
      for (let j = i; j < passed.length; j++) {
        sum += passed[j]!;
        const T = (j - i + 1) * 0.05;
        worst = Math.max(worst, sum - (100 * T + 20));
      }
    }
    expect(worst).toBeLessThanOrEqual(0);
    const r = story.result();
    // Overloaded 4×: the long-run pass rate is the token rate, the rest refused as rateLimited.
    expect(r.nodes.s!.arrivals / 20).toBeGreaterThan(95);
    expect(r.nodes.s!.arrivals / 20).toBeLessThanOrEqual(100 + 20 / 20);
    expect(r.errors?.rateLimited).toBeGreaterThan(5000);
    expect(r.nodes.rl!.rateLimited).toBe(r.errors?.rateLimited);
  });

  it('a first burst of `burst` requests passes at once from a full bucket', () => {
    const story = limited({ process: 'constant', rps: 10000 }, 10, 50);
    // First window (50 ms): 50 from the bucket + 0.5 refilled.
    expect(story.windows[0]!.nodes.s!.arrivals).toBe(50);
  });

  it('a steady load below the rate passes everything', () => {
    const r = limited({ process: 'constant', rps: 90 }, 100, 5).result();
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.rl!.rateLimited).toBe(0);
    expect(r.nodes.s!.arrivals).toBe(r.requests.total);
  });
});
