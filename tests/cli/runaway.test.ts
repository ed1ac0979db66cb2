/**
 * The headless runner on documents that would never end or never fit: they stop at the
 * in-flight cap or the time limit with a clear message and exit 0 with `truncated`; and the same
 * document and seed print the same bytes in two processes (wallMs aside).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/sim.ts';
import { HEADLESS_CLOCK_CHECK_EVENTS, HEADLESS_TIME_LIMIT_S } from '../../src/engine/limits.ts';

function runMain(doc: unknown, argv: string[] = ['--json'], now?: () => number) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: () => JSON.stringify(doc),
  };
  const code = main(['doc.json', ...argv], io, now);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const exp = (meanMs: number) => ({ dist: 'exponential', meanMs });

describe('runaway documents end bounded', () => {
  it('10 million rps for a day: stopped at the in-flight cap, exit 0, truncated', () => {
    const r = runMain({
      version: 1,
      name: 'runaway',
      durationS: 86400,
      nodes: [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 1e7 } } },
        { id: 'api', type: 'service', params: { workers: 8 } },
      ],
      edges: [{ id: 'e', source: 'c', target: 'api' }],
    });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: stopped at 0\.\d+ s of 86400 s: more than 1000000 calls/);
    const o = JSON.parse(r.out);
    expect(o.truncated.reason).toBe('inFlight');
    expect(o.truncated.atS).toBeLessThan(1);
  }, 30_000);

  it('1,000 replicas × 10,000 workers at 10^7 rps: stopped at the time limit, exit 0', () => {
    // Some 2 µs per event: the 50 million events of the budget would take 100 s and more, so
    // the wall-clock limit ends it. A fake clock finds 30 s more gone at each look: at the limit's
    // start, then every HEADLESS_CLOCK_CHECK_EVENTS events, so over 50 s at the first of those.
    let clockMs = 0;
    const r = runMain(
      {
        version: 1,
        name: 'extreme',
        durationS: 60,
        nodes: [
          { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 1e7 } } },
          { id: 'lb', type: 'loadBalancer' },
          { id: 'api', type: 'service', params: { replicas: 1000, workers: 10000 } },
        ],
        edges: [
          { id: 'c-lb', source: 'c', target: 'lb' },
          { id: 'lb-api', source: 'lb', target: 'api' },
        ],
      },
      ['--json'],
      () => (clockMs += 30_000),
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      new RegExp(
        `warning: stopped at 0\\.\\d+ s of 60 s: the headless time limit of ${HEADLESS_TIME_LIMIT_S} s of wall time ran out`,
      ),
    );
    const o = JSON.parse(r.out);
    expect(o.truncated.reason).toBe('timeLimit');
    expect(o.truncated.events).toBe(HEADLESS_CLOCK_CHECK_EVENTS);
    expect(o.events).toBe(HEADLESS_CLOCK_CHECK_EVENTS);
    // What ran is reported: 10^7 rps over the simulated time reached (about 10^5 arrivals, so
    // a Poisson spread of 0.3 %), none refused.
    expect(o.nodes.c.arrivals / o.truncated.atS).toBeGreaterThan(0.95e7);
    expect(o.nodes.c.arrivals / o.truncated.atS).toBeLessThan(1.05e7);
    expect(o.nodes.api.failed).toBe(0);
  }, 60_000);

  it('a fan-out of 20 parallel calls, 5 levels deep: stopped at the in-flight cap', () => {
    const nodes: unknown[] = [
      { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 200 } } },
    ];
    const edges: unknown[] = [{ id: 'c-s0', source: 'c', target: 's0' }];
    for (let l = 0; l < 5; l++) {
      nodes.push({
        id: `s${l}`,
        type: 'service',
        params: { workers: 1000, calls: 'parallel', blocking: false, serviceTimeMs: exp(1) },
      });
      // 20 parallel edges from each level to the next: 20^4 leaf calls per request.
      if (l < 4) {
        for (let j = 0; j < 20; j++) {
          edges.push({ id: `s${l}-${j}`, source: `s${l}`, target: `s${l + 1}` });
        }
      }
    }
    const r = runMain({ version: 1, name: 'fan-out', durationS: 600, nodes, edges });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/calls \(requests and their downstream calls\) were in flight/);
    expect(JSON.parse(r.out).truncated.reason).toBe('inFlight');
  }, 30_000);

  it('a closed workload of 100,000 users runs to its end at the station capacity', () => {
    const r = runMain({
      version: 1,
      name: 'crowd',
      durationS: 60,
      warmupS: 0,
      nodes: [
        {
          id: 'c',
          type: 'client',
          params: { arrival: { process: 'closed', users: 100000, thinkMs: exp(1000) } },
        },
        { id: 'api', type: 'service', params: { replicas: 4, workers: 8, serviceTimeMs: exp(10) } },
      ],
      edges: [{ id: 'e', source: 'c', target: 'api' }],
    });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.truncated).toBeUndefined();
    // 32 workers of 10 ms: 3,200 rps at most, and the users keep them all busy. The first
    // answers take about 100,000 / 3,200 = 31 s, so the last windows show the steady rate.
    expect(o.nodes.api.utilization).toBeGreaterThan(0.99);
    const last = o.timeline.slice(-10);
    const rate = last.reduce((a: number, p: { throughputRps: number }) => a + p.throughputRps, 0);
    expect(rate / last.length).toBeGreaterThan(3200 * 0.95);
    expect(rate / last.length).toBeLessThan(3200 * 1.05);
  }, 30_000);
});

describe('the same document and seed in two processes', () => {
  it('print the same bytes, wallMs aside', () => {
    const args = ['tsx', 'src/cli/sim.ts', 'presets/retry-storm.json', '--json', '--seed', '5'];
    const once = () => {
      const p = spawnSync('npx', [...args, '--duration', '40'], { encoding: 'utf8' });
      expect(p.status).toBe(0);
      return p.stdout.replace(/"wallMs":\d+/, '"wallMs":0');
    };
    const a = once();
    expect(a.length).toBeGreaterThan(1000);
    expect(once()).toBe(a);
  }, 60_000);
});
