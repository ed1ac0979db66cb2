import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import { contractDocument, withValue } from './fixtures.ts';

/** The error line for `doc` with `value` put at `path`. */
function errorFor(path: string, value: unknown): string {
  const r = loadScenario(withValue(contractDocument(), path, value));
  if (r.ok) throw new Error(`expected an error for ${path} = ${JSON.stringify(value)}`);
  return r.error;
}

describe('loadScenario: one error naming the field, in the contract style', () => {
  it.each([
    ['nodes[2].params.workers', 0, 'nodes[2].params.workers: must be an integer from 1 to 10000'],
    ['nodes[2].params.workers', 2.5, 'nodes[2].params.workers: must be an integer from 1 to 10000'],
    ['nodes[2].params.workers', '8', 'nodes[2].params.workers: must be an integer from 1 to 10000'],
    [
      'nodes[2].params.replicas',
      1001,
      'nodes[2].params.replicas: must be an integer from 1 to 1000',
    ],
    [
      'nodes[0].params.arrival.rps',
      0,
      'nodes[0].params.arrival.rps: must be a number above 0 and at most 10000000 rps',
    ],
    [
      'nodes[0].params.arrival.rps',
      2e7,
      'nodes[0].params.arrival.rps: must be a number above 0 and at most 10000000 rps',
    ],
    ['nodes[0].params.writeRatio', 1.5, 'nodes[0].params.writeRatio: must be a number from 0 to 1'],
    [
      'nodes[3].params.capacity',
      -1,
      'nodes[3].params.capacity: must be an integer from 0 to 1000000000',
    ],
    [
      'nodes[3].params.eviction',
      'mru',
      'nodes[3].params.eviction: must be one of "lru", "lfu", "fifo", "random"',
    ],
    [
      'nodes[1].params.strategy',
      'fastest',
      'nodes[1].params.strategy: must be one of "roundRobin", "weightedRoundRobin", "random", "leastConnections", "ipHash", "leastResponseTime", "powerOfTwoChoices", "nearest", "failover"',
    ],
    ['seed', -1, 'seed: must be an integer from 0 to 4294967295'],
    ['seed', 2 ** 32, 'seed: must be an integer from 0 to 4294967295'],
    ['durationS', 86400 * 8, 'durationS: must be a number from 0.001 to 604800 s'],
    ['edges[1].retry.max', 11, 'edges[1].retry.max: must be an integer from 0 to 10'],
    [
      'edges[1].circuitBreaker.failureRatio',
      2,
      'edges[1].circuitBreaker.failureRatio: must be a number from 0.01 to 1',
    ],
    [
      'edges[1].timeoutMs',
      0,
      'edges[1].timeoutMs: must be a number above 0 and at most 86400000 ms',
    ],
    ['edges[1].kind', 'rpc', 'edges[1].kind: must be one of "call", "replication", "deadLetter"'],
    ['faults[3].probability', 1.2, 'faults[3].probability: must be a number from 0 to 1'],
    [
      'nodes[2].params.autoscale.max',
      0,
      'nodes[2].params.autoscale.max: must be an integer from 1 to 1000',
    ],
  ])('%s = %j', (path, value, message) => {
    expect(errorFor(path, value)).toBe(`${message}, got ${JSON.stringify(value)}`);
  });

  it('names a missing required field', () => {
    expect(errorFor('nodes[0].params.arrival', { process: 'constant' })).toBe(
      'nodes[0].params.arrival.rps: is required (a number above 0 and at most 10000000 rps)',
    );
    expect(errorFor('edges[0].target', undefined)).toMatch(/^edges\[0\]\.target: is required/);
  });

  it('refuses distributions that make no sense, at the inner field', () => {
    expect(errorFor('nodes[2].params.serviceTimeMs', { dist: 'uniform', minMs: 9, maxMs: 3 })).toBe(
      'nodes[2].params.serviceTimeMs.maxMs: must not be below minMs, got 3',
    );
    expect(errorFor('nodes[2].params.serviceTimeMs', { dist: 'exponential', meanMs: 0 })).toBe(
      'nodes[2].params.serviceTimeMs.meanMs: must be a number above 0 and at most 86400000 ms, got 0',
    );
    expect(errorFor('nodes[2].params.serviceTimeMs', -3)).toBe(
      'nodes[2].params.serviceTimeMs.ms: must be a number from 0 to 86400000 ms, got -3',
    );
    expect(errorFor('nodes[2].params.serviceTimeMs', { dist: 'pareto' })).toBe(
      'nodes[2].params.serviceTimeMs.dist: "pareto" is not one of "constant", "exponential", "uniform", "lognormal", "erlang"',
    );
    expect(errorFor('edges[0].latencyMs', 'fast')).toMatch(
      /^edges\[0\]\.latencyMs: must be a number of ms .*, got "fast"$/,
    );
  });

  it('refuses an unknown node type and a bad id', () => {
    expect(errorFor('nodes[0].type', 'server')).toMatch(
      /^nodes\[0\]\.type: "server" is not one of "client", .*"rateLimiter".*$/,
    );
    expect(errorFor('nodes[0].id', 'has space')).toBe(
      'nodes[0].id: must be an id: 1 to 64 of A-Z a-z 0-9 _ -, got "has space"',
    );
    expect(errorFor('nodes[0].id', 'x'.repeat(65))).toMatch(/^nodes\[0\]\.id: must be an id/);
    expect(errorFor('nodes[0].id', '')).toMatch(/^nodes\[0\]\.id: must be an id/);
  });

  it('refuses an autoscale range upside down and a backwards profile', () => {
    expect(errorFor('nodes[2].params.autoscale', { min: 5, max: 2 })).toBe(
      'nodes[2].params.autoscale.max: must not be below min, got 2',
    );
    expect(
      errorFor('nodes[0].params.profile', [
        [0, 1],
        [60, 2],
        [30, 1],
      ]),
    ).toBe('nodes[0].params.profile[2][0]: times must not go backwards, got 30');
  });

  it('reads scheduled and predictive autoscale, and refuses an unknown mode', () => {
    const ok = loadScenario(
      withValue(contractDocument(), 'nodes[2].params.autoscale', {
        mode: 'scheduled',
        schedule: [
          [0, 2],
          [60, 6],
        ],
      }),
    );
    expect(ok.ok).toBe(true);
    expect(errorFor('nodes[2].params.autoscale', { mode: 'magic' })).toMatch(
      /^nodes\[2\]\.params\.autoscale\.mode: "magic" is not one of "reactive", "scheduled", "predictive"$/,
    );
    expect(errorFor('nodes[2].params.autoscale', { mode: 'scheduled', schedule: [] })).toBe(
      'nodes[2].params.autoscale.schedule: must list at least one [tS, replicas] point, got an empty list',
    );
  });

  it('says what is wrong with the document itself', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['{"version": 1,', /^document: is not valid JSON/],
      ['[]', /^document: must be a JSON object/],
      [null, /^document: must be a JSON object/],
      [42, /^document: must be a JSON object/],
      [{ version: 1, nodes: {} }, /^nodes: must be a list, got \{\}$/],
      [{ version: 1, name: 3 }, /^name: must be a text, got 3$/],
    ];
    for (const [input, re] of cases) {
      const r = loadScenario(input);
      expect(r.ok ? 'loaded' : r.error).toMatch(re);
    }
  });

  it('returns the path on its own as well', () => {
    const r = loadScenario(withValue(contractDocument(), 'nodes[2].params.workers', 0));
    expect(r.ok ? '' : r.path).toBe('nodes[2].params.workers');
  });

  it('never throws on hostile objects', () => {
    const hostile = {
      version: 1,
      get nodes(): never {
        throw new Error('boom');
      },
    };
    const r = loadScenario(hostile);
    expect(r.ok).toBe(false);
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic['nodes'] = [cyclic];
    expect(loadScenario(cyclic).ok).toBe(false);
  });
});
