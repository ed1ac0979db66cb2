import { describe, expect, it } from 'vitest';
import { designCost } from '../../src/analysis/cost.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { KIND_DESCRIPTIONS } from '../../src/model/kinds/index.ts';
import { INSTANCE_SIZES } from '../../src/model/kinds/sizes.ts';
import { loadScenario } from '../../src/model/load.ts';
import { design } from './helpers.ts';

const nodes = [
  { id: 'lb', type: 'loadBalancer' },
  { id: 'api', type: 'service', params: { replicas: 3 } },
];
const usd = (type: keyof typeof KIND_DESCRIPTIONS): number => KIND_DESCRIPTIONS[type].price.usd;

describe("the document's price table", () => {
  it('replaces the kinds’ default prices; prices given to the call replace both', () => {
    const plain = design(nodes, [['lb', 'api']]);
    expect(designCost(plain).perHour).toBeCloseTo(3 * 0.1 + 0.025, 9);
    // AWS on-demand us-east-1 m7i.xlarge: $0.2016 an hour.
    const priced = design(nodes, [['lb', 'api']], { prices: { service: 0.2016 } });
    expect(designCost(priced).perHour).toBeCloseTo(3 * 0.2016 + 0.025, 9);
    expect(designCost(priced).lines[1]).toMatchObject({ instances: 3, unitPrice: 0.2016 });
    expect(designCost(priced, undefined, { service: 1 }).perHour).toBeCloseTo(3.025, 9);
  });

  it('refuses a price out of range with the path and the value; warns on an unknown kind', () => {
    const base = { version: 1, nodes, edges: [] };
    expect(loadScenario({ ...base, prices: { service: -1 } })).toMatchObject({
      ok: false,
      error: 'prices.service: must be a number from 0 to 1000000 $/h, got -1',
    });
    const typo = loadScenario({ ...base, prices: { servce: 1 } });
    expect(typo.ok && typo.warnings[0]).toMatch(/did you mean "service"/);
  });

  it('takes a price per size: a size left out is the small price × its capacity', () => {
    const sized = (size: string) => ({ id: size, type: 'service', params: { replicas: 2, size } });
    const doc = design(
      ['small', 'medium', 'large', 'xlarge'].map(sized),
      [],
      // Real list prices are not exactly proportional: m7i.2xlarge $0.4032, here a discount.
      { prices: { service: { small: 0.1008, large: 0.38 } } },
    );
    const perHour = (id: string) => designCost(doc).lines.find((l) => l.nodeId === id)!.perHour;
    expect(perHour('small')).toBeCloseTo(2 * 0.1008, 12);
    expect(perHour('medium')).toBeCloseTo(2 * 2 * 0.1008, 12);
    expect(perHour('large')).toBeCloseTo(2 * 0.38, 12);
    expect(perHour('xlarge')).toBeCloseTo(2 * 8 * 0.1008, 12);
    // Without the small size's price, the kind's own is the base.
    const onlyLarge = design([sized('medium')], [], { prices: { service: { large: 1 } } });
    expect(designCost(onlyLarge).perHour).toBeCloseTo(2 * 2 * usd('service'), 12);
  });

  it('refuses a bad price per size, naming the field and the value', () => {
    const base = { version: 1, nodes, edges: [] };
    expect(loadScenario({ ...base, prices: { service: { large: -1 } } })).toMatchObject({
      ok: false,
      error: 'prices.service.large: must be a number from 0 to 1000000 $/h, got -1',
    });
    expect(loadScenario({ ...base, prices: { service: 'cheap' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^prices\.service: must be a number .* or one per size.*got "cheap"$/,
      ),
    });
    // A cache has no sizes: one amount per GB-hour.
    expect(loadScenario({ ...base, prices: { cache: { small: 1 } } })).toMatchObject({
      ok: false,
      error: 'prices.cache: must be a number from 0 to 1000000 $/GB-h, got {"small":1}',
    });
    const typo = loadScenario({ ...base, prices: { service: { lrage: 1 } } });
    expect(typo.ok && typo.warnings[0]).toMatch(/^prices\.service: unknown field "lrage" ignored/);
  });
});

describe('instance sizes', () => {
  it('refuses an unknown size, naming the field and the value', () => {
    const r = loadScenario({
      version: 1,
      nodes: [{ id: 'api', type: 'service', params: { size: 'huge' } }],
      edges: [],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(
      /nodes\[0\]\.params\.size: must be one of "small".*got "huge"/,
    );
  });

  it('a large replica with 1 worker serves exactly as a small one with 4, at 4 × the price', () => {
    const run = (params: Record<string, unknown>) => {
      const doc = design(
        [
          { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 300 } } },
          { id: 'api', type: 'service', params: { replicas: 2, ...params } },
        ],
        [['c', 'api']],
        { durationS: 20, warmupS: 2 },
      );
      return { doc, result: runToEnd(doc) };
    };
    const large = run({ size: 'large', workers: 1 });
    const small = run({ workers: INSTANCE_SIZES.large.capacity });
    // The same servers draw the same random numbers: the runs are the same run.
    expect(large.result.latencyMs).toEqual(small.result.latencyMs);
    expect(large.result.nodes['api']?.utilization).toBe(small.result.nodes['api']?.utilization);
    const api = (c: ReturnType<typeof designCost>) => c.lines.find((l) => l.nodeId === 'api')!;
    expect(api(designCost(large.doc)).perHour).toBeCloseTo(2 * 4 * usd('service'), 12);
    expect(api(designCost(small.doc)).perHour).toBeCloseTo(2 * usd('service'), 12);
    // The theory sees the same servers, so Erlang C agrees with both.
    const theory = (d: typeof large.doc) =>
      KIND_DESCRIPTIONS.service.theory(d.nodes[1]!.params as never);
    expect(theory(large.doc)).toMatchObject({ as: 'station', servers: 4 });
  });

  it("the cost of a run is the table's arithmetic: sizes, GB held, million messages", () => {
    const doc = design(
      [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 200 } } },
        { id: 'lb', type: 'loadBalancer' },
        { id: 'api', type: 'service', params: { replicas: 3, size: 'large' } },
        // 2^20 entries of 2 KB: 2 GB held.
        { id: 'cache', type: 'cache', params: { capacity: 1_048_576, entryKb: 2 } },
        { id: 'db', type: 'database', params: { size: 'medium' } },
        { id: 'q', type: 'queue' },
        { id: 'worker', type: 'service', params: { workers: 8 } },
      ],
      [
        ['c', 'lb', { weight: 1 }],
        ['lb', 'api'],
        ['api', 'cache'],
        ['cache', 'db'],
        ['api', 'q'],
        ['q', 'worker'],
      ],
      { durationS: 10, warmupS: 1 },
    );
    const result = runToEnd(doc);
    const messages = result.nodes['q']!.arrivals;
    expect(messages).toBeGreaterThan(0);
    const messagesPerS = messages / 9; // counted after the 1 s warm-up, to the 10 s end
    const expected =
      usd('loadBalancer') +
      3 * 4 * usd('service') + // 3 large replicas
      2 * usd('cache') + // 2 GB an hour
      2 * usd('database') + // one medium instance
      ((messagesPerS * 3600) / 1e6) * usd('queue') + // million messages an hour
      usd('service');
    const cost = designCost(doc, result);
    expect(cost.perHour).toBeCloseTo(expected, 12);
    expect(cost.lines.find((l) => l.nodeId === 'cache')).toMatchObject({
      per: 'GB-hour',
      units: 2,
    });
    expect(cost.lines.find((l) => l.nodeId === 'db')).toMatchObject({
      instances: 1,
      units: 1,
      unitPrice: 2 * usd('database'),
    });
  });
});
