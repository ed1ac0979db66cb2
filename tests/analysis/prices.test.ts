import { describe, expect, it } from 'vitest';
import { designCost } from '../../src/analysis/cost.ts';
import { loadScenario } from '../../src/model/load.ts';
import { design } from './helpers.ts';

const nodes = [
  { id: 'lb', type: 'loadBalancer' },
  { id: 'api', type: 'service', params: { replicas: 3 } },
];

describe("the document's price table", () => {
  it('replaces the kinds’ default prices; prices given to the call replace both', () => {
    const plain = design(nodes, [['lb', 'api']]);
    expect(designCost(plain).perHour).toBeCloseTo(3 * 0.1 + 0.025, 9);
    // AWS on-demand us-east-1 m7i.xlarge: $0.2016 an hour.
    const priced = design(nodes, [['lb', 'api']], { prices: { service: 0.2016 } });
    expect(designCost(priced).perHour).toBeCloseTo(3 * 0.2016 + 0.025, 9);
    expect(designCost(priced).lines[1]).toMatchObject({ instances: 3, pricePerHour: 0.2016 });
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
});
