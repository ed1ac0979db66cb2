/**
 * The overload toolkit's part of the document: the new faults load with their defaults and are
 * refused with a message naming the field and the value; the fault kinds are one list; load
 * dependence is a service and database param whose factor is the one formula the engine uses.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_KIND_NAMES } from '../../src/model/kinds/faultDefaults.ts';
import { loadFactor, loadOf } from '../../src/model/kinds/loadDependence.ts';
import { loadScenario } from '../../src/model/load.ts';

const doc = (extra: object) => ({
  version: 1,
  nodes: [
    { id: 'c', type: 'client' },
    { id: 'api', type: 'service' },
  ],
  edges: [{ id: 'e', source: 'c', target: 'api' }],
  ...extra,
});

describe('overload faults in the document', () => {
  it('take their defaults', () => {
    const r = loadScenario(
      doc({
        faults: [
          { atS: 1, kind: 'cpu', target: 'api' },
          { atS: 1, kind: 'error', target: 'api' },
          { atS: 1, kind: 'pause', target: 'api' },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.scenario.faults).toEqual([
      { atS: 1, kind: 'cpu', target: 'api', share: 0.5 },
      { atS: 1, kind: 'error', target: 'api', probability: 0.1 },
      { atS: 1, kind: 'pause', target: 'api', everyS: 10, pauseMs: 500 },
    ]);
  });

  it('refuse a pause as long as the time between pauses, naming the field and the values', () => {
    const r = loadScenario(
      doc({ faults: [{ atS: 1, kind: 'pause', target: 'api', everyS: 1, pauseMs: 1000 }] }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        'faults[0].pauseMs: a pause of 1000 ms must be shorter than the 1 s between pauses',
      );
  });

  it('refuse a cpu loss of all the capacity and a cpu fault on a client', () => {
    const all = loadScenario(doc({ faults: [{ atS: 1, kind: 'cpu', target: 'api', share: 1 }] }));
    expect(!all.ok && all.error).toMatch(/^faults\[0\]\.share: must be a number from 0 to 0\.99/);
    const client = loadScenario(doc({ faults: [{ atS: 1, kind: 'cpu', target: 'c' }] }));
    expect(!client.ok && client.error).toMatch(
      /a cpu fault applies to service or database, not to client "c"/,
    );
  });

  it('name every kind, from the one list, when the kind is unknown', () => {
    const r = loadScenario(doc({ faults: [{ atS: 1, kind: 'meteor', target: 'api' }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) for (const k of FAULT_KIND_NAMES) expect(r.error).toContain(`"${k}"`);
  });
});

describe('load-dependent service time', () => {
  it('fills its defaults and refuses a bad curve with the field named', () => {
    const on = loadScenario(
      doc({
        nodes: [
          { id: 'c', type: 'client' },
          { id: 'api', type: 'service', params: { loadDependence: {} } },
        ],
      }),
    );
    if (!on.ok) throw new Error(on.error);
    expect(on.scenario.nodes[1]!.params).toMatchObject({
      loadDependence: {
        on: 'inService',
        curve: 'linear',
        coefficient: 0.1,
        exponent: 2,
        maxFactor: 100,
      },
    });
    const bad = loadScenario(
      doc({
        nodes: [
          { id: 'c', type: 'client' },
          { id: 'api', type: 'service', params: { loadDependence: { curve: 'cubic' } } },
        ],
      }),
    );
    expect(!bad.ok && bad.error).toMatch(
      /^nodes\[1\]\.params\.loadDependence\.curve: .*linear.*cubic/,
    );
  });

  it('is 1 for a lone request and grows as the curve says, up to its cap', () => {
    const ld = {
      on: 'inService',
      curve: 'linear',
      coefficient: 0.5,
      exponent: 2,
      maxFactor: 3,
    } as const;
    expect(loadFactor(ld, loadOf('inService', 1, 5, 4))).toBe(1);
    expect(loadFactor(ld, loadOf('inService', 3, 5, 4))).toBe(2);
    expect(loadFactor(ld, loadOf('present', 3, 5, 4))).toBe(3); // 1 + 0.5·7, capped
    expect(loadFactor({ ...ld, curve: 'polynomial' }, 2)).toBe(3);
    expect(loadFactor({ ...ld, curve: 'exponential', maxFactor: 100 }, 2)).toBeCloseTo(Math.E);
    expect(loadOf('utilization', 3, 9, 4)).toBe(0.75);
  });
});
